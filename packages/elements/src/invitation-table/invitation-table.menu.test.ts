/// <reference types="mocha" />
// The row menu by keyboard alone (WAI-ARIA APG menu button), items that do not apply, rows with nothing to do,
// and an address that became a member.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, button, deepActive, menuItem, nameOf, recordClipboard, shadow } from '../../test/dom.js';
import '../define/invitation-table.js';
import type { InvitationTable } from './invitation-table.js';

const LIST = '/api/orgs/acme/invitations';

async function render(): Promise<InvitationTable> {
  const el = await fixture<InvitationTable>(
    html`<invitation-table lang="en" .client=${clientAs('acme-admin')}></invitation-table>`,
  );
  await waitUntil(() => shadow(el).querySelector('tbody tr[part="row"]'), 'rows never loaded', { timeout: 4000 });
  return el;
}
const focusedName = () => {
  const active = deepActive();
  return active ? nameOf(active) : '(nothing)';
};
const rowOf = (el: InvitationTable, email: string) => {
  const row = Array.from(shadow(el).querySelectorAll('tbody tr')).find((r) => r.textContent.includes(email));
  if (!row) throw new Error(`no row for ${email}`);
  return row;
};
const announcer = (el: InvitationTable) => $(shadow(el), '[role="status"].announcer');

describe('<invitation-table> row menu', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('opens, moves, types ahead, closes and returns focus by keyboard alone (APG menu button)', async () => {
    const el = await render();
    const menuButton = button(el, 'Actions for jane@example.com');
    expect(menuButton.getAttribute('aria-haspopup')).to.equal('menu');
    expect(menuButton.getAttribute('aria-expanded')).to.equal('false');
    menuButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedName() === 'Copy link for jane@example.com', 'Enter opens on the first item');
    expect(menuButton.getAttribute('aria-expanded')).to.equal('true');
    const menu = $(shadow(el), `#${CSS.escape(menuButton.getAttribute('aria-controls') ?? '')}`);
    expect(menu.getAttribute('role')).to.equal('menu');
    expect(menu.getAttribute('aria-labelledby')).to.equal(menuButton.id);
    await expectAccessibleInBothThemes(el);

    await sendKeys({ press: 'ArrowDown' });
    expect(focusedName()).to.equal('Copy code for jane@example.com');
    await sendKeys({ press: 'End' });
    expect(focusedName()).to.equal('Revoke invitation for jane@example.com');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedName(), 'Down wraps to the first').to.equal('Copy link for jane@example.com');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedName(), 'Up wraps to the last').to.equal('Revoke invitation for jane@example.com');
    await sendKeys({ press: 'Home' });
    expect(focusedName()).to.equal('Copy link for jane@example.com');
    await sendKeys({ press: 'r' });
    expect(focusedName(), 'typeahead: the next item starting with r').to.equal('Resend invitation to jane@example.com');
    await sendKeys({ press: 'r' });
    expect(focusedName(), 'the same letter again: the one after').to.equal('Revoke invitation for jane@example.com');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(deepActive(), 'Escape returns focus to the button').to.equal(menuButton);
    expect(menuButton.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).querySelector('[role="menu"]')).to.equal(null);

    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => focusedName() === 'Revoke invitation for jane@example.com', 'Up opens on the last item');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="menu"]'), 'Tab closes the menu').to.equal(null);
  });

  it('runs an item with Enter, puts focus back on the button and says the outcome at the row', async () => {
    const writes = recordClipboard();
    const el = await render();
    button(el, 'Actions for jane@example.com').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedName() === 'Copy link for jane@example.com');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => writes.length === 1, 'nothing copied');
    expect(deepActive()).to.equal(button(el, 'Actions for jane@example.com'));
    await waitUntil(() => rowOf(el, 'jane@example.com').querySelector('.outcome.success'), 'no outcome at the row');
    expect(rowOf(el, 'jane@example.com').textContent).to.contain('Link copied for jane@example.com');
    await waitUntil(() => announcer(el).textContent.includes('Link copied for jane@example.com'));
  });

  it('keeps a disabled item focusable with its reason, and pressing it does nothing', async () => {
    let resends = 0;
    const { worker } = await mockApi();
    worker.use(
      http.post(`${LIST}/:id/resend`, () => {
        resends += 1;
        return undefined;
      }),
    );
    const el = await render();
    const item = await menuItem(el, 'Resend invitation to omar@example.com');
    expect(item.getAttribute('aria-disabled')).to.equal('true');
    const note = $(shadow(el), `#${CSS.escape(item.getAttribute('aria-describedby') ?? '')}`);
    expect(note.textContent).to.equal('No resends left: all 3 are used');
    expect(getComputedStyle(item, '::after').content).to.equal('"No resends left: all 3 are used"');
    item.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(resends).to.equal(0);
    expect(deepActive(), 'focus stays on the item').to.equal(item);
  });

  it('says a row with nothing left to do is done, instead of an empty Actions cell', async () => {
    const el = await render();
    const filter = $(shadow(el), 'select', HTMLSelectElement);
    filter.value = 'all';
    filter.dispatchEvent(new Event('change'));
    await waitUntil(() => shadow(el).querySelector('tbody .badge.accepted'), 'no accepted row');
    for (const status of ['accepted', 'revoked', 'declined'] as const) {
      const row = $(shadow(el), `tbody tr:has(.badge.${status})`);
      expect(row.querySelector('button'), `${status}: no menu`).to.equal(null);
      expect($(row, 'td.act').textContent.trim(), status).to.match(/nothing to do|invite again if needed/);
    }
    await expectAccessibleInBothThemes(el);
  });

  it('offers no new invitation once the server says the address is a member now', async () => {
    const el = await render();
    await fetch('/__mock/orgs/acme/members', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kim@example.com', via: 'sso' }),
    });
    (await menuItem(el, 'Send new invitation to kim@example.com')).click();
    await waitUntil(
      () => announcer(el).textContent.includes('kim@example.com is already a member: no new invitation was sent'),
      'the already_member answer is not said',
    );
    const item = await menuItem(el, 'Send new invitation to kim@example.com');
    expect(item.getAttribute('aria-disabled')).to.equal('true');
    expect(getComputedStyle(item, '::after').content).to.equal('"Already a member: no invitation needed"');
  });

  it('closes the menu on a press outside it', async () => {
    const el = await render();
    await menuItem(el, 'Copy link for jane@example.com');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="menu"]')).to.equal(null);
  });
});
