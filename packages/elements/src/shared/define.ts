/**
 * Registers `ctor` as `tag` unless the tag is taken. A second copy of the kit on one page (two bundles, say)
 * must not throw from `customElements.define`, so it warns and keeps the first definition.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`invitekit: <${tag}> is already defined by another script; keeping the first definition.`);
  }
}
