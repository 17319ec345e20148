import { expect } from '@open-wc/testing';

interface Themed extends HTMLElement {
  theme?: 'light' | 'dark';
  updateComplete: Promise<unknown>;
}

/** axe finds no violation in the element's current state, in the light and the dark theme; the theme is restored. */
export async function expectAccessibleInBothThemes(el: Themed): Promise<void> {
  const previous = el.theme;
  for (const theme of ['light', 'dark'] as const) {
    el.theme = theme;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  }
  el.theme = previous;
  await el.updateComplete;
}
