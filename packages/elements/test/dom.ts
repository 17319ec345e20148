/**
 * Browser-test helpers for the admin elements: find controls the way a person using a screen reader does (by
 * role and accessible name), across the element's shadow root and the shadow roots inside it.
 */
import { waitUntil } from '@open-wc/testing';

/** Every element under `root`, descending into open shadow roots. */
export function deepAll(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepAll(el.shadowRoot));
  }
  return out;
}

/** An element's accessible name as the elements set it: aria-label, aria-labelledby, its label, or its text. */
export function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  const root = el.getRootNode() as Document | ShadowRoot;
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent.trim() ?? '')
      .join(' ');
  const label0 = (el as HTMLInputElement).labels?.[0];
  if (label0)
    return Array.from(label0.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('')
      .trim();
  return el.textContent.replace(/\s+/g, ' ').trim();
}

/** The first button named `name` under `host` (deeply), or undefined. */
export function findButton(host: Element, name: string): HTMLButtonElement | undefined {
  return deepAll(host.shadowRoot ?? host).find(
    (el): el is HTMLButtonElement =>
      el instanceof HTMLButtonElement && nameOf(el) === name && el.getClientRects().length > 0,
  );
}

/** The button named `name`; fails the test when there is none. */
export function button(host: Element, name: string): HTMLButtonElement {
  const found = findButton(host, name);
  if (!found) throw new Error(`no visible button named "${name}"`);
  return found;
}

/** Waits until a visible button named `name` exists, then returns it. */
export async function waitForButton(host: Element, name: string): Promise<HTMLButtonElement> {
  await waitUntil(() => findButton(host, name), `no button named "${name}"`, { timeout: 4000 });
  return button(host, name);
}

/** The open shadow root of `host`; fails the test clearly when it has none (not rendered, or not an element). */
export function shadow(host: Element): ShadowRoot {
  if (!host.shadowRoot) throw new Error(`<${host.localName}> has no open shadow root`);
  return host.shadowRoot;
}

/**
 * The first match of `selector` under `root` (a shadow root or an element), checked to be a `kind` (an HTMLElement
 * unless said); fails the test when there is none or it is of another kind.
 */
export function $(root: ParentNode, selector: string): HTMLElement;
export function $<T extends Element>(root: ParentNode, selector: string, kind: abstract new () => T): T;
export function $(root: ParentNode, selector: string, kind: abstract new () => Element = HTMLElement): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`nothing matches "${selector}"`);
  const tag = found.localName;
  if (!(found instanceof kind)) throw new Error(`"${selector}" is a <${tag}>, not a ${kind.name}`);
  return found;
}

/** The text a person sees in `host`, shadow roots included, whitespace collapsed. */
export function textOf(host: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(host.shadowRoot ?? host);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Text plus every accessible name given by attribute: what must be translated. */
export function wordsOf(host: Element): string {
  const labels = deepAll(host.shadowRoot ?? host)
    .map((el) => [el.getAttribute('aria-label'), el.getAttribute('title')].filter(Boolean).join(' '))
    .join(' ');
  return `${textOf(host)} ${labels}`;
}

/** The element that has focus, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Replaces the clipboard with a recorder (headless Chromium refuses writes from an unfocused page). */
export function recordClipboard(): string[] {
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (text: string) => {
        writes.push(text);
        return Promise.resolve();
      },
    },
  });
  return writes;
}

/** An RFC 9457 problem answer, as the API sends. */
export function problem(status: number, code: string, detail = code): Response {
  return new Response(
    JSON.stringify({ type: `https://invitekit.dev/errors/${code}`, title: code, status, code, detail }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );
}

/** The English strings of a catalogue (fixed ones, nested records included) still present in `shown`. */
export function englishLeft(en: object, other: object, shown: string, skip: string[] = []): string[] {
  const left: string[] = [];
  const visit = (a: unknown, b: unknown, key: string) => {
    if (skip.includes(key)) return;
    if (typeof a === 'string') {
      if (a !== b && shown.includes(a)) left.push(`${key}: ${a}`);
    } else if (a && typeof a === 'object') {
      for (const [k, v] of Object.entries(a)) visit(v, (b as Record<string, unknown> | undefined)?.[k], k);
    }
  };
  visit(en, other, '');
  return left;
}

/**
 * Opens the "Actions for X" menu of the row of `email` (a click on its menu button, as a pointer would) and returns
 * the menu; the menu already open stays open.
 */
export async function openMenu(host: Element, email: string, name = `Actions for ${email}`): Promise<HTMLElement> {
  const menuButton = await waitForButton(host, name);
  const menuOf = () => {
    const id = menuButton.getAttribute('aria-controls');
    return id ? (host.shadowRoot ?? host).querySelector<HTMLElement>(`#${CSS.escape(id)}`) : null;
  };
  if (menuButton.getAttribute('aria-expanded') !== 'true') menuButton.click();
  await waitUntil(menuOf, `the menu of ${email} did not open`, { timeout: 4000 });
  const menu = menuOf();
  if (!menu) throw new Error(`no menu for ${email}`);
  return menu;
}

/**
 * The row-menu item named `name` ("Resend invitation to jane@example.com": the row is the address the name ends
 * with), its menu opened first; fails the test when the menu has no such item.
 */
export async function menuItem(host: Element, name: string): Promise<HTMLButtonElement> {
  const email = name.split(' ').pop() ?? '';
  const menu = await openMenu(host, email);
  const item = Array.from(menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')).find(
    (el) => nameOf(el) === name,
  );
  if (!item) throw new Error(`the menu of ${email} has no item "${name}"`);
  return item;
}

/** The names of the items in the row menu of `email` (opening it), in order. */
export async function menuItemNames(host: Element, email: string, name?: string): Promise<string[]> {
  const menu = await openMenu(host, email, name);
  return Array.from(menu.querySelectorAll('[role="menuitem"]')).map(nameOf);
}
