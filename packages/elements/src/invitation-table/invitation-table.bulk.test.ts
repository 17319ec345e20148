/// <reference types="mocha" />
// Bulk actions on the selected rows, by keyboard alone: select rows (or all on the page), act, confirm a revoke,
// and one summary in which the server's answer decides each row.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, button, deepActive, nameOf, shadow, waitForButton } from '../../test/dom.js';
import '../define/invitation-table.js';
import type { InvitationTable } from './invitation-table.js';

async function render(): Promise<InvitationTable> {
  const el = await fixture<InvitationTable>(
    html`<invitation-table lang="en" .client=${clientAs('acme-admin')}></invitation-table>`,
  );
  await waitUntil(() => shadow(el).querySelector('tbody tr[part="row"]'), 'rows never loaded', { timeout: 4000 });
  return el;
}
const checkbox = (el: InvitationTable, name: string) => {
  const box = Array.from(shadow(el).querySelectorAll('input[type="checkbox"]')).find((b) => nameOf(b) === name);
  if (!(box instanceof HTMLInputElement)) throw new Error(`no checkbox "${name}"`);
  return box;
};
const announcer = (el: InvitationTable) => $(shadow(el), '[role="status"].announcer');
const emails = (el: InvitationTable) =>
  Array.from(shadow(el).querySelectorAll('tbody tr[part="row"] .address')).map((a) => a.textContent.trim());

describe('<invitation-table> bulk actions', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('selects rows by keyboard, resends them, and says in one summary what the server did row by row', async () => {
    const el = await render();
    expect(shadow(el).querySelector('.bulk'), 'no bulk bar before a selection').to.equal(null);
    for (const email of ['jane@example.com', 'omar@example.com', 'kim@example.com']) {
      checkbox(el, `Select ${email}`).focus();
      await sendKeys({ press: 'Space' });
    }
    await waitUntil(() => shadow(el).querySelector('.bulk'), 'no bulk bar (its code loads with the first selection)');
    const bar = $(shadow(el), '.bulk');
    expect(nameOf(bar)).to.equal('3 selected');
    expect(checkbox(el, 'Select all on this page').indeterminate).to.equal(true);
    await expectAccessibleInBothThemes(el);
    button(el, 'Resend selected').focus();
    await sendKeys({ press: 'Enter' });
    const summary = '1 resent; 2 skipped: omar@example.com, its 3 resends are used; kim@example.com, it is not pending';
    await waitUntil(() => announcer(el).textContent.includes(summary), `no summary "${summary}"`);
    expect(shadow(el).querySelector('.outcome.success')?.textContent, 'shown above the table too').to.contain(summary);
    expect((await clientAs('acme-admin').invitations.get('inv_jane')).resendCount).to.equal(1);
    await waitUntil(() => !shadow(el).querySelector('.bulk'), 'the selection is not cleared');
  });

  it('selects all on the page, asks before revoking them all (focus on Cancel), then revokes', async () => {
    const el = await render();
    const all = checkbox(el, 'Select all on this page');
    all.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => shadow(el).querySelector('.bulk'), 'no bulk bar');
    const count = emails(el).length;
    expect(nameOf($(shadow(el), '.bulk'))).to.equal(`${String(count)} selected`);
    button(el, 'Revoke selected').click();
    await waitUntil(() => shadow(el).querySelector('dialog[role="alertdialog"][open]'), 'no confirmation');
    const dialog = $(shadow(el), 'dialog[role="alertdialog"]', HTMLDialogElement);
    expect($(dialog, 'h2').textContent).to.equal(`Revoke ${String(count)} invitations?`);
    expect(deepActive()?.textContent.trim()).to.equal('Cancel');
    await expectAccessibleInBothThemes(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(emails(el)).to.have.length(count);
    button(el, 'Revoke selected').click();
    await waitUntil(() => dialog.open);
    button(el, 'Revoke').click();
    await waitUntil(() => announcer(el).textContent.includes(`${String(count)} revoked`), 'no summary');
    await waitUntil(() => emails(el).length === 0, 'the revoked rows are still listed');
  });

  it('sends new invitations for the selected expired rows only where the server agrees', async () => {
    const el = await render();
    for (const email of ['kim@example.com', 'jane@example.com']) checkbox(el, `Select ${email}`).click();
    (await waitForButton(el, 'Send new invitations for selected')).click();
    const summary = '1 new invitation sent; 1 skipped: jane@example.com, it has not expired';
    await waitUntil(() => announcer(el).textContent.includes(summary), `no summary "${summary}"`);
    expect((await clientAs('acme-admin').invitations.get('inv_kim')).status).to.equal('pending');
  });
});
