/**
 * Browser-test helpers for layout: the phone and desktop widths every element must fit, and the checks that it does
 * (nothing scrolls sideways, every action still has its accessible name and a box on screen).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { deepAll, nameOf } from './dom.js';

/** A small phone and a laptop: the widths the elements are tested at. */
export const WIDTHS = [375, 1280] as const;

/** Sets the page's viewport to `width` (and a phone's or a laptop's height). */
export async function atWidth(width: number): Promise<void> {
  await setViewport({ width, height: width < 640 ? 740 : 800 });
}

/**
 * Neither the page nor anything inside `host` (shadow roots included) is wider than its box: no sideways scroll
 * anywhere. An element that scrolls sideways on purpose would be listed in `except`.
 */
export function expectNoHorizontalOverflow(host: Element, except: Element[] = []): void {
  const page = document.scrollingElement ?? document.documentElement;
  expect(page.scrollWidth, 'the page scrolls sideways').to.be.at.most(page.clientWidth);
  for (const el of [host, ...deepAll(host.shadowRoot ?? host)]) {
    if (except.includes(el) || !(el instanceof HTMLElement) || el.clientWidth === 0) continue;
    const style = getComputedStyle(el);
    // Only scroll containers can scroll sideways; what spills out of anything else is caught by the box check below.
    if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') continue;
    expect(el.scrollWidth, `<${el.localName} class="${el.className}"> scrolls sideways`).to.be.at.most(el.clientWidth);
  }
  const right = document.documentElement.clientWidth;
  for (const el of deepAll(host.shadowRoot ?? host)) {
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.right > right + 0.5)
      expect.fail(`<${el.localName}> "${nameOf(el).slice(0, 40)}" ends at ${box.right} px, past ${right} px`);
  }
}

/** Every control named in `names` is there, with a box on screen (not clipped away), under `host`. */
export function expectActionsReachable(host: Element, names: string[]): void {
  const controls = deepAll(host.shadowRoot ?? host).filter((el) =>
    ['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName),
  );
  for (const name of names) {
    const found = controls.find((el) => nameOf(el) === name);
    if (!found) expect.fail(`no control named "${name}"`);
    const box = found.getBoundingClientRect();
    expect(box.width * box.height, `"${name}" has no box`).to.be.greaterThan(0);
  }
}
