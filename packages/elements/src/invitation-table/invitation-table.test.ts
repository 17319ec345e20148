/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, delay } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import {
  $,
  button,
  deepActive,
  englishLeft,
  findButton,
  problem,
  recordClipboard,
  shadow,
  textOf,
  menuItem,
  menuItemNames,
  wordsOf,
} from '../../test/dom.js';
import type { InvitekitClient } from '../shared/context.js';
import '../define/invitation-table.js';
import type { InvitationTable } from './invitation-table.js';
import { InviteDialog } from '../invite-dialog/invite-dialog.js';
import { invitationTableStrings } from './invitation-table.strings.js';
import { invitationTableActionStrings } from './invitation-table.actions.strings.js';
import { ActionsController, OUTCOME_MS } from '../shared/actions.js';

const LIST = '/api/orgs/acme/invitations';

async function render(options: { client?: InvitekitClient; lang?: string; pageSize?: number } = {}) {
  const el = await fixture<InvitationTable>(
    html`<invitation-table
      lang=${options.lang ?? 'en'}
      page-size=${options.pageSize ?? 25}
      .client=${options.client ?? clientAs('acme-admin')}
    ></invitation-table>`,
  );
  return el;
}

const rows = (el: InvitationTable) => Array.from(shadow(el).querySelectorAll('tbody tr'));
const emails = (el: InvitationTable) => rows(el).map((row) => $(row, 'td .address').textContent.trim());
/** The row that mentions `text`; fails the test when there is none. */
const rowWith = (el: InvitationTable, text: string) => {
  const found = rows(el).find((r) => r.textContent.includes(text));
  if (!found) throw new Error(`no row mentions "${text}"`);
  return found;
};
/** The element `control` points to by id in `attribute` (aria-describedby, aria-labelledby); fails when missing. */
const referenced = (el: InvitationTable, control: Element, attribute: string) => {
  const id = control.getAttribute(attribute);
  if (!id) throw new Error(`<${control.localName}> has no ${attribute}`);
  return $(shadow(el), `#${CSS.escape(id)}`);
};
/** The focused element, inside shadow roots; fails the test when nothing has focus. */
const focused = () => {
  const active = deepActive();
  if (!active) throw new Error('nothing has focus');
  return active;
};
/** The open confirmation dialog (revoke, revoke stale), once its code has loaded and it has opened. */
const openAlertDialog = async (el: InvitationTable) => {
  await waitUntil(() => shadow(el).querySelector('dialog[role="alertdialog"][open]'), 'no confirmation opened');
  return $(shadow(el), 'dialog[role="alertdialog"]', HTMLDialogElement);
};
/** Whether a confirmation is open. */
const confirming = (el: InvitationTable) => shadow(el).querySelector('dialog[role="alertdialog"][open]') !== null;
/** A cell's value as the table shows it (without the field name that only the card layout shows). */
const cellText = (cell: Element) =>
  Array.from(cell.childNodes)
    .filter((n) => n.nodeType === Node.TEXT_NODE || (n instanceof Element && !n.classList.contains('label')))
    .map((n) => n.textContent)
    .join('')
    .trim();
const announcer = (el: InvitationTable) => $(shadow(el), '[role="status"].announcer');
const settled = (el: InvitationTable) =>
  waitUntil(() => rows(el).length > 0 && !shadow(el).querySelector('table[aria-busy="true"]'), 'rows never loaded', {
    timeout: 4000,
  });

describe('<invitation-table>', () => {
  let mock: Awaited<ReturnType<typeof mockApi>>;
  beforeEach(async () => {
    mock = await mockApi();
  });

  it('names roles as the host labels them in `roles`', async () => {
    const el = await render();
    el.roles = [{ value: 'admin', label: 'Administrator' }];
    await settled(el);
    const role = (email: string) => $(rowWith(el, email), 'td.role');
    expect(cellText(role('omar@example.com'))).to.equal('Administrator');
    expect(cellText(role('priya@example.com')), 'a role without a label keeps its name').to.equal('billing');
    expect(cellText(role('jane@example.com')), 'no default role named by the host').to.equal('Default role');
    el.roles = [
      { value: 'admin', label: 'Administrator' },
      { value: 'member', label: 'Member', default: true },
    ];
    await el.updateComplete;
    expect(cellText(role('jane@example.com')), 'the default role by its name').to.equal('Member (default)');
  });

  it('lists pending and expired invitations with every column, a stale badge and the actions of each state', async () => {
    const el = await render();
    await settled(el);
    const headers = Array.from(shadow(el).querySelectorAll('thead th:not(.select)')).map((th) => th.textContent.trim());
    expect(headers).to.deep.equal(['Email', 'Status', 'Role', 'Invited by', 'Invited', 'Expires', 'Actions']);
    expect(emails(el)).to.have.members([
      'jane@example.com',
      'omar@example.com',
      'priya@example.com',
      'sam@acme.test',
      'ren@example.com',
      'kim@example.com',
    ]);
    const sam = rowWith(el, 'sam@acme.test');
    expect($(sam, '.badge.stale').textContent).to.equal('Already a member');
    expect(cellText($(sam, 'td.by')), 'the inviter, by name').to.match(/\S/);
    expect(await menuItemNames(el, 'jane@example.com')).to.deep.equal([
      'Copy link for jane@example.com',
      'Copy code for jane@example.com',
      'Resend invitation to jane@example.com',
      'Revoke invitation for jane@example.com',
    ]);
    const janeResend = await menuItem(el, 'Resend invitation to jane@example.com');
    expect(janeResend.hasAttribute('aria-disabled')).to.equal(false);
    expect(referenced(el, janeResend, 'aria-describedby').textContent).to.equal('3 resends left');
    await expectAccessibleInBothThemes(el);
    // omar has used all three resends: the item says so and stays focusable, with the reason as its description
    const omarResend = await menuItem(el, 'Resend invitation to omar@example.com');
    expect(omarResend.getAttribute('aria-disabled')).to.equal('true');
    expect(referenced(el, omarResend, 'aria-describedby').textContent).to.equal('No resends left: all 3 are used');
    // kim's invitation expired: it can be renewed or revoked, not resent or copied
    expect(await menuItemNames(el, 'kim@example.com')).to.deep.equal([
      'Send new invitation to kim@example.com',
      'Revoke invitation for kim@example.com',
    ]);
    expect($(shadow(el), '[aria-sort]').textContent).to.contain('Invited');
    expect($(shadow(el), '[aria-sort]').getAttribute('aria-sort')).to.equal('descending');
    await expectAccessibleInBothThemes(el);
  });

  it('sorts on the server by a header button and marks the sorted column with aria-sort', async () => {
    const el = await render();
    await settled(el);
    button(el, 'Email').click();
    await waitUntil(() => emails(el)[0] === 'jane@example.com' && emails(el)[5] === 'sam@acme.test');
    expect($(shadow(el), 'th[aria-sort]').textContent).to.contain('Email');
    expect($(shadow(el), 'th[aria-sort]').getAttribute('aria-sort')).to.equal('ascending');
    button(el, 'Email').click();
    await waitUntil(() => emails(el)[0] === 'sam@acme.test');
    expect($(shadow(el), 'th[aria-sort]').getAttribute('aria-sort')).to.equal('descending');
    button(el, 'Status').click();
    await waitUntil(() => emails(el)[0] === 'kim@example.com', 'expired sorts before pending');
    expect(shadow(el).querySelectorAll('th[aria-sort]')).to.have.length(1);
  });

  it('filters by status and searches by email after a pause in typing', async () => {
    const el = await render();
    await settled(el);
    const select = $(shadow(el), 'select', HTMLSelectElement);
    select.value = 'revoked';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => emails(el).join() === 'lee@example.com');
    select.value = 'all';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).length === 9);

    const search = $(shadow(el), 'input[type="search"]', HTMLInputElement);
    search.focus();
    await sendKeys({ type: 'PRI' });
    expect(rows(el).length, 'no request before the pause').to.equal(9);
    await waitUntil(() => emails(el).join() === 'priya@example.com', 'search applied');
    await sendKeys({ type: 'zzz' });
    await waitUntil(() => textOf(el).includes('No invitations match this search and filter'));
    await expectAccessibleInBothThemes(el);
    button(el, 'Clear search and filter').click();
    await waitUntil(() => rows(el).length === 6);
    expect(search.value).to.equal('');
  });

  it('pages with previous and next and shows the range of the total', async () => {
    const el = await render({ pageSize: 4 });
    await settled(el);
    expect(rows(el)).to.have.length(4);
    expect(textOf(el)).to.contain('1–4 of 6');
    expect(button(el, 'Previous page').disabled).to.equal(true);
    const first = emails(el);
    button(el, 'Next page').click();
    await waitUntil(() => textOf(el).includes('5–6 of 6'));
    expect(rows(el)).to.have.length(2);
    expect(
      emails(el).some((e) => first.includes(e)),
      'no row repeats',
    ).to.equal(false);
    expect(button(el, 'Next page').disabled).to.equal(true);
    button(el, 'Previous page').click();
    await waitUntil(() => textOf(el).includes('1–4 of 6'));
    expect(emails(el)).to.deep.equal(first);
  });

  it('draws the loading state while the first page is on its way', async () => {
    const { worker } = mock;
    worker.use(
      http.get(LIST, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const el = await render();
    await waitUntil(() => textOf(el).includes('Loading invitations…'));
    await expectAccessibleInBothThemes(el);
  });

  it('says there are no pending invitations, invites people to invite, and says why Export and Revoke stale wait', async () => {
    await mockApi('empty');
    const el = await render();
    await waitUntil(() => textOf(el).includes('No pending invitations'));
    expect(shadow(el).querySelector('table')).to.equal(null);
    expect(textOf(el)).to.contain('Invite people by email');
    const exportCsv = button(el, 'Export CSV');
    const stale = button(el, 'Revoke stale invitations');
    for (const [control, reason] of [
      [exportCsv, 'Nothing to export: no invitation in this view.'],
      [stale, 'No pending invitation goes to someone who is already a member.'],
    ] as const) {
      expect(control.getAttribute('aria-disabled')).to.equal('true');
      expect(referenced(el, control, 'aria-describedby').textContent).to.equal(reason);
      control.focus();
      expect(shadow(el).activeElement, 'reachable by keyboard').to.equal(control);
      control.click();
    }
    await el.updateComplete;
    expect(confirming(el)).to.equal(false);
    await expectAccessibleInBothThemes(el);
    button(el, 'Invite people').click();
    const dialog = $(shadow(el), 'invite-dialog', InviteDialog);
    await waitUntil(() => dialog.open, 'the call to action opens the invite dialog');
  });

  it('shows a failed load in an alert with Try again, which recovers', async () => {
    const { worker } = mock;
    worker.use(http.get(LIST, () => problem(503, 'unavailable')));
    const errors: unknown[] = [];
    const el = await render();
    el.addEventListener('invitekit-error', (e) => errors.push(e.detail.error));
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no alert');
    expect($(shadow(el), '[role="alert"] p').textContent.trim()).to.equal(
      'The invitations could not be loaded because the service is busy; try again in a moment.',
    );
    await expectAccessibleInBothThemes(el);
    worker.resetHandlers();
    worker.use(http.get(LIST, () => HttpResponse.error()));
    button(el, 'Try again').click();
    await waitUntil(() => textOf(el).includes('could not be reached'), 'network failure explained');
    expect(errors.length).to.be.greaterThan(0);
    worker.resetHandlers();
    button(el, 'Try again').click();
    await settled(el);
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('tells a member without member:manage, and a signed-out visitor, what is wrong instead of a broken table', async () => {
    const viewer = await render({ client: clientAs('acme-viewer') });
    await waitUntil(() => textOf(viewer).includes('You do not have permission to manage invitations'));
    expect(shadow(viewer).querySelector('table, button')).to.equal(null);
    await expectAccessibleInBothThemes(viewer);
    const visitor = await render({ client: clientAs() });
    await waitUntil(() => textOf(visitor).includes('Sign in to manage invitations.'));
    await expectAccessibleInBothThemes(visitor);
  });

  it('copies the link and the code of a pending invitation and says so', async () => {
    const writes = recordClipboard();
    const el = await render();
    await settled(el);
    (await menuItem(el, 'Copy link for jane@example.com')).click();
    await waitUntil(() => announcer(el).textContent.includes('Link copied for jane@example.com'));
    expect(writes[0]).to.match(/\/redeem\/\?code=seed-/);
    (await menuItem(el, 'Copy code for jane@example.com')).click();
    await waitUntil(() => announcer(el).textContent.includes('Code copied for jane@example.com'));
    expect(writes[1]).to.equal(mock.mock.seedCodes.jane);
    await expectAccessibleInBothThemes(el);
  });

  it('resends, counts down the resends left, and reports a refused resend', async () => {
    const el = await render();
    await settled(el);
    const resent: Promise<HTMLElementEventMap['invitekit-invitation-resent']> = oneEvent(
      el,
      'invitekit-invitation-resent',
    );
    (await menuItem(el, 'Resend invitation to jane@example.com')).click();
    expect((await resent).detail.invitation.resendsRemaining).to.equal(2);
    await waitUntil(() => announcer(el).textContent.includes('Invitation resent to jane@example.com'));
    await waitUntil(
      async () =>
        referenced(el, await menuItem(el, 'Resend invitation to jane@example.com'), 'aria-describedby').textContent ===
        '2 resends left',
      'the count of resends left never went down',
    );
    expect((await mock.mock.outbox('jane@example.com')).filter((m) => m.kind === 'resend')).to.have.length(1);

    mock.worker.use(http.post(`${LIST}/:id/resend`, () => problem(409, 'resend_limit_reached')));
    const failed = oneEvent(el, 'invitekit-error');
    (await menuItem(el, 'Resend invitation to jane@example.com')).click();
    await failed;
    await waitUntil(() =>
      announcer(el).textContent.includes(
        'The invitation to jane@example.com was not resent: all 3 resends are used. Revoke it and invite again.',
      ),
    );
  });

  it('shows a pressed Resend as busy until the answer, and acts once for two presses', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sent = 0;
    mock.worker.use(
      http.post(`${LIST}/:id/resend`, async () => {
        sent += 1;
        await gate;
        return undefined; // on to the mock server's own handler
      }),
    );
    const el = await render();
    await settled(el);
    const resend = await menuItem(el, 'Resend invitation to jane@example.com');
    resend.focus();
    await sendKeys({ press: 'Enter' });
    const menuButton = button(el, 'Actions for jane@example.com');
    await waitUntil(() => menuButton.getAttribute('aria-busy') === 'true', 'never busy');
    expect(menuButton.getAttribute('aria-disabled')).to.equal('true');
    expect(getComputedStyle(menuButton, '::after').content).to.equal('"Resending…"');
    expect(menuButton.querySelector('.idle')?.getClientRects().length, 'the idle label is hidden').to.equal(0);
    expect(menuButton.getAttribute('aria-label'), 'the name stays').to.equal('Actions for jane@example.com');
    expect(shadow(el).activeElement, 'focus is back on the menu button').to.equal(menuButton);
    await expectAccessibleInBothThemes(el);
    menuButton.click();
    await el.updateComplete;
    expect(menuButton.getAttribute('aria-expanded'), 'no menu while the row is busy').to.equal('false');
    await waitUntil(() => sent === 1);
    release();
    await waitUntil(() => !menuButton.isConnected || menuButton.getAttribute('aria-busy') === null, 'still busy');
    await waitUntil(() => announcer(el).textContent.includes('Invitation resent to jane@example.com'));
    expect(sent, 'a second press while busy sends nothing').to.equal(1);
    expect((await mock.mock.outbox('jane@example.com')).filter((m) => m.kind === 'resend')).to.have.length(1);
  });

  it('says the outcome beside the row that acted, success and failure apart, until the next action', async () => {
    const el = await render();
    await settled(el);
    const row = (email: string) => rowWith(el, email);
    (await menuItem(el, 'Resend invitation to jane@example.com')).click();
    await waitUntil(() => row('jane@example.com').querySelector('.outcome.success'), 'no outcome beside the row');
    const success = $(row('jane@example.com'), '.outcome.success');
    expect(success.textContent).to.contain('Invitation resent to jane@example.com');
    expect(success.closest('tr')).to.equal(row('jane@example.com'));
    await expectAccessibleInBothThemes(el);

    mock.worker.use(http.post(`${LIST}/:id/resend`, () => problem(409, 'resend_limit_reached')));
    (await menuItem(el, 'Resend invitation to ren@example.com')).click();
    await waitUntil(() => row('ren@example.com').querySelector('.outcome.failure'), 'no failure beside the row');
    const failure = $(row('ren@example.com'), '.outcome.failure');
    expect(failure.textContent).to.contain('The invitation to ren@example.com was not resent: all 3 resends are used.');
    expect(row('jane@example.com').querySelector('.outcome'), 'the next action clears the last outcome').to.equal(null);
    expect(getComputedStyle(failure).color).not.to.equal(getComputedStyle(success).color);
    await waitUntil(() => announcer(el).textContent.includes('The invitation to ren@example.com was not resent'));
    await expectAccessibleInBothThemes(el);
  });

  it('clears a row outcome after a while', async () => {
    ActionsController.outcomeMs = 50;
    try {
      recordClipboard();
      const el = await render();
      await settled(el);
      (await menuItem(el, 'Copy code for jane@example.com')).click();
      await waitUntil(() => shadow(el).querySelector('.outcome.success'), 'no outcome');
      await waitUntil(() => !shadow(el).querySelector('.outcome'), 'the outcome never cleared');
      expect(announcer(el).textContent).to.contain('Code copied for jane@example.com');
    } finally {
      ActionsController.outcomeMs = OUTCOME_MS;
    }
  });

  it('sends a new invitation for an expired one', async () => {
    const el = await render();
    await settled(el);
    const renewed: Promise<HTMLElementEventMap['invitekit-invitation-renewed']> = oneEvent(
      el,
      'invitekit-invitation-renewed',
    );
    (await menuItem(el, 'Send new invitation to kim@example.com')).click();
    expect((await renewed).detail.invitation.status).to.equal('pending');
    await waitUntil(() => announcer(el).textContent.includes('New invitation sent to kim@example.com'));
    await menuItem(el, 'Copy link for kim@example.com');
    expect((await mock.mock.outbox('kim@example.com')).map((m) => m.kind)).to.include('renewal');
  });

  it('asks before revoking, focus on Cancel; Escape keeps the invitation and returns focus', async () => {
    const el = await render();
    await settled(el);
    (await menuItem(el, 'Revoke invitation for jane@example.com')).focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await openAlertDialog(el);
    expect(referenced(el, dialog, 'aria-labelledby').textContent).to.equal('Revoke invitation?');
    expect(focused().textContent.trim()).to.equal('Cancel');
    await expectAccessibleInBothThemes(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(deepActive(), 'focus is back on the menu button').to.equal(button(el, 'Actions for jane@example.com'));
    expect(emails(el)).to.include('jane@example.com');
  });

  it('revokes after confirmation, fires the request event first, and lets the host veto', async () => {
    const el = await render();
    await settled(el);
    const veto = (e: Event) => {
      e.preventDefault();
    };
    el.addEventListener('invitekit-invitation-revoke-request', veto);
    (await menuItem(el, 'Revoke invitation for jane@example.com')).click();
    await el.updateComplete;
    expect(confirming(el)).to.equal(false);
    el.removeEventListener('invitekit-invitation-revoke-request', veto);

    const asked: Promise<HTMLElementEventMap['invitekit-invitation-revoke-request']> = oneEvent(
      el,
      'invitekit-invitation-revoke-request',
    );
    (await menuItem(el, 'Revoke invitation for jane@example.com')).click();
    expect((await asked).detail.invitation.email).to.equal('jane@example.com');
    await openAlertDialog(el);
    const revoked: Promise<HTMLElementEventMap['invitekit-invitation-revoked']> = oneEvent(
      el,
      'invitekit-invitation-revoked',
    );
    button(el, 'Revoke').click();
    expect((await revoked).detail.invitation.status).to.equal('revoked');
    await waitUntil(() => !emails(el).includes('jane@example.com'));
    await waitUntil(() => announcer(el).textContent.includes('Invitation for jane@example.com revoked'));
  });

  it("moves focus to the next row's first action when a revoked row leaves, not to the table", async () => {
    const el = await render();
    await settled(el);
    const before = emails(el);
    const at = before.indexOf('jane@example.com');
    const next = before[at + 1];
    if (next === undefined) throw new Error('jane@example.com is the last row');
    (await menuItem(el, 'Revoke invitation for jane@example.com')).focus();
    await sendKeys({ press: 'Enter' });
    await openAlertDialog(el);
    button(el, 'Revoke').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !emails(el).includes('jane@example.com'));
    await waitUntil(() => deepActive()?.closest('tr')?.textContent.includes(next), `focus never reached ${next}'s row`);
    expect(focused().tagName).to.equal('BUTTON');
  });

  it('revokes every stale invitation at once', async () => {
    const el = await render();
    await settled(el);
    button(el, 'Revoke stale invitations').click();
    await openAlertDialog(el);
    button(el, 'Revoke').click();
    await waitUntil(() => announcer(el).textContent.includes('1 stale invitation revoked'));
    await waitUntil(() => !emails(el).includes('sam@acme.test'));
  });

  it('exports the current view as a CSV download', async () => {
    const el = await render();
    await settled(el);
    button(el, 'Email').click();
    await waitUntil(() => emails(el)[0] === 'jane@example.com');
    const blobs: Blob[] = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), original(new Blob([''])));
    try {
      button(el, 'Export CSV').click();
      await waitUntil(() => announcer(el).textContent.includes('Export downloaded'));
    } finally {
      URL.createObjectURL = original;
    }
    const [csv] = blobs;
    if (!csv) throw new Error('no CSV was created');
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).to.equal('email,status,role,invited_at,expires_at,invited_by,resend_count');
    expect(lines.slice(1).map((line) => line.split(',')[0])).to.deep.equal(emails(el));
  });

  it('opens the invite dialog from "Invite users", returns focus on Escape, reloads after sending and marks the new rows', async () => {
    const el = await render();
    await settled(el);
    const opener = button(el, 'Invite users');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $(shadow(el), 'invite-dialog', InviteDialog);
    await waitUntil(() => dialog.open);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(deepActive()).to.equal(opener);

    opener.click();
    await waitUntil(() => dialog.open);
    await sendKeys({ type: 'newcomer@example.com' });
    const sent: Promise<HTMLElementEventMap['invitekit-invitations-sent']> = oneEvent(el, 'invitekit-invitations-sent');
    button(dialog, 'Send invitations').click();
    expect((await sent).detail.sent).to.have.length(1);
    await waitUntil(() => emails(el).includes('newcomer@example.com'), 'table reloaded');
    const fresh = rowWith(el, 'newcomer@example.com');
    expect($(fresh, '.badge.fresh').textContent, 'the new row is marked').to.equal('New');
    expect(rowWith(el, 'jane@example.com').querySelector('.badge.fresh'), 'older rows are not').to.equal(null);
  });

  it('is usable with the keyboard alone: Tab order through the toolbar, Enter and Space activate', async () => {
    const writes = recordClipboard();
    const el = await render();
    await settled(el);
    $(shadow(el), 'input[type="search"]', HTMLInputElement).focus();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = focused();
      order.push(active.getAttribute('aria-label') ?? active.textContent.replace(/\s+/g, ' ').trim());
    }
    expect(focused().tagName).to.equal('BUTTON');
    expect(order[0]).to.equal('Pending and expiredPendingExpiredAcceptedDeclinedRevokedAll'); // the Status select
    expect(order[1]).to.equal('Invite users');
    expect(order[2]).to.equal('Export CSV');
    expect(order[3]).to.equal('Revoke stale invitations');
    expect(order[4]).to.equal('Select all on this page');
    expect(order[5]).to.contain('Email');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(shadow(el), 'th[aria-sort]').textContent.includes('Email'));
    (await menuItem(el, 'Copy link for jane@example.com')).focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => writes.length === 1);
  });

  it('renders markup in data as text', async () => {
    const admin = clientAs('acme-admin');
    const hostile = '<img/src=x/onerror=alert(1)>@x.co';
    const result = await admin.invitations.create({ emails: [hostile] });
    expect(result.sent).to.have.length(1);
    const el = await render();
    await settled(el);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(textOf(el)).to.contain(hostile.toLowerCase());
  });

  it('speaks French when lang="fr", with no English string of the catalogue left', async () => {
    const el = await render({ lang: 'fr' });
    await settled(el);
    expect(textOf(el)).to.contain('Adresse e-mail');
    expect(findButton(el, 'Actions pour jane@example.com')).to.exist;
    expect(await menuItemNames(el, 'jane@example.com', 'Actions pour jane@example.com')).to.include(
      'Révoquer l’invitation de jane@example.com',
    );
    expect(textOf(el)).to.contain('1–6 sur 6');
    const shown = wordsOf(el);
    expect(englishLeft(invitationTableStrings.en, invitationTableStrings.fr ?? {}, shown, ['failures'])).to.deep.equal(
      [],
    );
    // The menu's strings came with it, in French too.
    const actions = invitationTableActionStrings;
    expect(englishLeft(actions.en, actions.fr ?? {}, shown)).to.deep.equal([]);
    expect(shown).not.to.match(
      /resends? left|Copy (link|code) for|Resend invitation|Send new invitation|Next page|Actions for| ago|in \d/,
    );
    await expectAccessibleInBothThemes(el);
  });
});
