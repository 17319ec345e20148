/// <reference types="mocha" />
// Roles by name: changing the role of a pending invitation from its row menu, and choosing one when approving.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { $, button, deepActive, menuItem, nameOf, shadow, textOf } from '../../test/dom.js';
import '../define/invitation-table.js';
import '../define/invitation-requests.js';
import type { InvitationTable } from '../invitation-table/invitation-table.js';
import type { InvitationRequests } from '../invitation-requests/invitation-requests.js';

const ROLES = [
  { value: 'member', label: 'Member', default: true },
  { value: 'admin', label: 'Admin' },
  { value: 'billing', label: 'Billing' },
];

/** The role dialog, once its code has loaded and it is open. */
const roleDialog = async (el: HTMLElement) => {
  await waitUntil(() => shadow(el).querySelector('dialog.role-dialog[open]'), 'the role dialog never opened');
  return $(shadow(el), 'dialog.role-dialog', HTMLDialogElement);
};
const rowOf = (el: HTMLElement, email: string) => {
  const row = Array.from(shadow(el).querySelectorAll('tbody tr')).find((r) => r.textContent.includes(email));
  if (!row) throw new Error(`no row for ${email}`);
  return row;
};

describe('roles', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('changes the role of a pending invitation from its row menu, by keyboard, and names it', async () => {
    const el = await fixture<InvitationTable>(
      html`<invitation-table lang="en" .client=${clientAs('acme-admin')} .roles=${ROLES}></invitation-table>`,
    );
    await waitUntil(() => shadow(el).querySelector('tbody tr[part="row"]'), 'rows never loaded', { timeout: 4000 });
    expect($(rowOf(el, 'jane@example.com'), 'td.role .clip').textContent.trim(), 'the default role by name').to.equal(
      'Member (default)',
    );
    (await menuItem(el, 'Change role for jane@example.com')).focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await roleDialog(el);
    expect(nameOf(dialog)).to.equal('Change role');
    const select = $(dialog, 'select', HTMLSelectElement);
    expect(deepActive(), 'focus starts on the Role combobox').to.equal(select);
    expect(nameOf(select)).to.equal('Role');
    expect(select.value, 'the current role is selected').to.equal('member');
    await expectAccessibleInBothThemes(el);
    await sendKeys({ press: 'ArrowDown' }); // Admin
    expect(select.value).to.equal('admin');
    button(el, 'Save role').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => $(rowOf(el, 'jane@example.com'), 'td.role .clip').textContent.trim() === 'Admin',
      'not changed',
    );
    expect((await clientAs('acme-admin').invitations.get('inv_jane')).role).to.equal('admin');
    await waitUntil(() => textOf(el).includes('jane@example.com will join as Admin'), 'the change is not said');
    expect(deepActive(), 'focus is back on the menu button').to.equal(button(el, 'Actions for jane@example.com'));
  });

  it('offers no role change where the host gave no roles', async () => {
    const el = await fixture<InvitationTable>(
      html`<invitation-table lang="en" .client=${clientAs('acme-admin')}></invitation-table>`,
    );
    await waitUntil(() => shadow(el).querySelector('tbody tr[part="row"]'), 'rows never loaded', { timeout: 4000 });
    const names = Array.from((await menuItem(el, 'Copy link for jane@example.com')).parentElement?.children ?? []).map(
      nameOf,
    );
    expect(names.some((n) => n.startsWith('Change role'))).to.equal(false);
  });

  it('asks for the role when approving a request, and the invitation gets it', async () => {
    const el = await fixture<InvitationRequests>(
      html`<invitation-requests lang="en" .client=${clientAs('acme-admin')} .roles=${ROLES}></invitation-requests>`,
    );
    await waitUntil(() => textOf(el).includes('nora@example.com'), 'requests never loaded', { timeout: 4000 });
    button(el, 'Approve request from nora@example.com').click();
    const dialog = await roleDialog(el);
    expect(nameOf(dialog)).to.equal('Approve request from nora@example.com');
    const select = $(dialog, 'select', HTMLSelectElement);
    expect(nameOf(select)).to.equal('Role');
    expect(select.value, 'the default role first').to.equal('member');
    await expectAccessibleInBothThemes(el);
    select.value = 'billing';
    button(el, 'Approve').click();
    await waitUntil(() => !textOf(el).includes('Nora Newcomer'), 'the request never left');
    const page = await clientAs('acme-admin').invitations.list({ q: 'nora@example.com' });
    expect(page.items[0]?.role).to.equal('billing');
  });

  it('approves at once, with the default role, where the host gave no roles', async () => {
    const el = await fixture<InvitationRequests>(
      html`<invitation-requests lang="en" .client=${clientAs('acme-admin')}></invitation-requests>`,
    );
    await waitUntil(() => textOf(el).includes('nora@example.com'), 'requests never loaded', { timeout: 4000 });
    button(el, 'Approve request from nora@example.com').click();
    await waitUntil(() => !textOf(el).includes('Nora Newcomer'), 'the request never left');
    expect(shadow(el).querySelector('dialog.role-dialog')).to.equal(null);
  });
});
