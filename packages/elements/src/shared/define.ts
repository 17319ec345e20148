import { ContextRoot } from '@lit/context';

const CONTEXT_ROOT = Symbol.for('invitekit.context-root');

/**
 * Registers `ctor` as `tag` unless the tag is taken. A second copy of the kit on one page (two bundles, say)
 * must not throw from `customElements.define`, so it warns and keeps the first definition.
 *
 * The first call also attaches a context root to the document: hosts import `<invitekit-provider>` and the
 * elements in any order, and the root replays an element's request for its client once a late provider appears.
 *
 * Without a DOM (server-side rendering in Node) it does nothing: importing an element there must not throw, and
 * the same import defines the element once the module runs in a browser.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || typeof document === 'undefined') return;
  const page = globalThis as { [CONTEXT_ROOT]?: ContextRoot };
  if (!page[CONTEXT_ROOT]) {
    page[CONTEXT_ROOT] = new ContextRoot();
    page[CONTEXT_ROOT].attach(document.documentElement);
  }
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`invitekit: <${tag}> is already defined by another script; keeping the first definition.`);
  }
}
