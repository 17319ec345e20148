/// <reference types="mocha" />
// The table on a phone and on a desktop: cards under 640 px of its own width, one-line rows at 1280 px, every
// field and action reachable at both, no sideways scroll, skeleton rows of the final height while loading.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { button, openMenu } from '../../test/dom.js';
import { expectNoHorizontalOverflow } from '../../test/viewport.js';
import '../define/invitation-table.js';
import type { InvitationTable } from './invitation-table.js';

const LIST = '/api/orgs/acme/invitations';

const rows = (el: InvitationTable) => Array.from(el.renderRoot.querySelectorAll<HTMLElement>('tbody tr[part="row"]'));
const settled = (el: InvitationTable) =>
  waitUntil(() => rows(el).length > 0 && !el.renderRoot.querySelector('table[aria-busy="true"]'), 'rows never loaded', {
    timeout: 4000,
  });

/** The names of the menu items every state of invitation must offer (elements.md). */
function expectedActions(row: HTMLElement): string[] {
  const email = row.querySelector('.address')?.textContent.trim() ?? '';
  const status = row.querySelector('.badge')?.classList;
  if (status?.contains('pending')) {
    return [
      `Copy link for ${email}`,
      `Copy code for ${email}`,
      `Resend invitation to ${email}`,
      `Revoke invitation for ${email}`,
    ];
  }
  if (status?.contains('expired')) return [`Send new invitation to ${email}`, `Revoke invitation for ${email}`];
  return [];
}

async function render(): Promise<InvitationTable> {
  const el = await fixture<InvitationTable>(
    html`<invitation-table lang="en" .client=${clientAs('acme-admin')}></invitation-table>`,
  );
  await settled(el);
  return el;
}

for (const width of [375, 1280]) {
  describe(`<invitation-table> at ${width} px`, () => {
    beforeEach(async () => {
      await mockApi();
      await setViewport({ width, height: 800 });
    });
    after(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    it('scrolls neither itself nor the page sideways, and passes axe in both themes', async () => {
      const el = await render();
      expect(el.scrollWidth, 'the element').to.be.at.most(el.clientWidth);
      const frame = el.renderRoot.querySelector<HTMLElement>('.frame');
      expect(frame?.scrollWidth, 'the table frame').to.be.at.most(frame?.clientWidth ?? 0);
      expect(document.documentElement.scrollWidth, 'the page').to.be.at.most(document.documentElement.clientWidth);
      await expectAccessibleInBothThemes(el);
    });

    it('reaches every row action by its accessible name, on screen and focusable, through the row menus', async () => {
      const el = await render();
      const right = el.getBoundingClientRect().right + 0.5;
      let count = 0;
      for (const row of rows(el)) {
        const names = expectedActions(row);
        if (names.length === 0) continue;
        const email = row.querySelector('.address')?.textContent.trim() ?? '';
        const menu = await openMenu(el, email);
        for (const name of names) {
          const item = Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]')).find(
            (m) => m.getAttribute('aria-label') === name,
          );
          if (!item) expect.fail(`no item "${name}"`);
          const box = item.getBoundingClientRect();
          expect(box.width * box.height, `${name} has a box`).to.be.greaterThan(0);
          expect(box.left >= -0.5 && box.right <= right, `${name} is within the element`).to.equal(true);
          item.focus();
          expect((el.renderRoot as ShadowRoot).activeElement, `${name} takes focus`).to.equal(item);
          count += 1;
        }
        expectNoHorizontalOverflow(el);
        button(el, `Actions for ${email}`).click(); // closes it again
        await el.updateComplete;
      }
      expect(count).to.be.greaterThan(10);
    });

    it('shows every field of a row: status, stale badge, role, inviter and both dates', async () => {
      const el = await render();
      const sam = rows(el).find((r) => r.textContent.includes('sam@acme.test'));
      for (const cell of ['td.status', 'td.role', 'td.by', 'td.date']) {
        const box = sam?.querySelector(cell)?.getBoundingClientRect();
        expect(box && box.width > 0 && box.height > 0, `${cell} is on screen`).to.equal(true);
      }
      expect(sam?.querySelector('.badge.stale')?.textContent).to.equal('Already a member');
    });

    it('draws skeleton rows of the final row height and keeps room for the pager while loading, so nothing moves when rows arrive', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const { worker } = await mockApi();
      worker.use(
        http.get(LIST, async () => {
          await gate;
          return undefined; // on to the mock server's own handler
        }),
      );
      const el = await fixture<InvitationTable>(
        html`<invitation-table lang="en" .client=${clientAs('acme-admin')}></invitation-table>`,
      );
      await waitUntil(() => el.renderRoot.querySelector('tr.skeleton'), 'no skeleton rows');
      expect(el.renderRoot.querySelector('caption')?.textContent).to.contain('Loading invitations…');
      const skeleton = el.renderRoot.querySelector<HTMLElement>('tr.skeleton')?.getBoundingClientRect().height ?? 0;
      // Everything but the rows (toolbar, column headers, pager) is as high loading as loaded.
      const aroundRows = () =>
        el.getBoundingClientRect().height - (el.renderRoot.querySelector('tbody')?.getBoundingClientRect().height ?? 0);
      const aroundWhileLoading = aroundRows();
      await expectAccessibleInBothThemes(el);
      release();
      await settled(el);
      const pending = rows(el).find((r) => r.querySelector('.badge.pending'));
      expect(pending?.getBoundingClientRect().height).to.be.closeTo(skeleton, 1);
      expect(aroundRows(), 'toolbar, headers and pager').to.be.closeTo(aroundWhileLoading, 1);
    });
  });
}

describe('<invitation-table> at 1280 px', () => {
  beforeEach(async () => {
    await mockApi();
    await setViewport({ width: 1280, height: 800 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps each row at most two lines high (a date and how far it is), the menu button on the first', async () => {
    const el = await render();
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    for (const row of rows(el)) {
      expect(row.getBoundingClientRect().height, row.textContent).to.be.below(lineHeight * 3.25);
    }
  });
});
