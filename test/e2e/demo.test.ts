/**
 * End-to-end journeys through the built demo (Acme Analytics) in Debian's Chromium: every rule a person meets,
 * from the admin's invite dialog to the invitee's redeem page, through the in-browser mock server. Driven by
 * accessible roles and names only (Playwright's role locators pierce the elements' open shadow roots).
 *
 *   npm run test:node                 # with everything else
 *   npm run screenshots:e2e           # also writes docs/screenshots/e2e/NN-*.png for the first journey
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  followNewestLink,
  invitationRow,
  journey,
  openMailbox,
  openSettings,
  rowMenuItem,
  shot,
  shown,
  sidewaysScroll,
  signInAs,
  startDemo,
  toolbar,
  withToolbar,
  type Demo,
} from './harness.js';

let demo: Demo;
let started: Demo | undefined;

before(async () => {
  demo = started = await startDemo();
});

after(async () => {
  // `before` may have failed, leaving nothing to close.
  await started?.close();
});

/** Opens the invite dialog from the table and types addresses into it. */
async function openInviteDialog(page: Page) {
  await page.getByRole('button', { name: 'Invite users' }).click();
  return shown(page.getByRole('dialog', { name: 'Invite users' }));
}

/** The visible outcome of an action, beside the row (or toolbar) that acted. */
/** Polls `check` (up to 5 s) until it holds; fails with `message`. */
async function waitFor(check: () => Promise<boolean>, message: string): Promise<void> {
  for (const end = Date.now() + 5000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (await check()) return;
  }
  assert.fail(message);
}

function outcome(page: Page, text: string) {
  return page.locator('[part~="outcome"]', { hasText: text });
}

/** Signs in with the login page's own form, as someone without the admin permission: lands on Settings › Users. */
async function signInFromLoginPageAs(page: Page, email: string) {
  await page.getByRole('textbox', { name: 'Work email' }).fill(email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Signs in with the login page's own form, which lands on Settings › Users. */
async function signInFromLoginPage(page: Page, email: string) {
  await page.getByRole('textbox', { name: 'Work email' }).fill(email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await shown(page.getByRole('button', { name: 'Invite users' }));
}

/** The product header's "who is signed in", naming `name`. */
function signedInName(page: Page, name: string) {
  return page.getByRole('banner').getByText(name);
}

/** The host page's own member list (drawn with the SDK), by address. */
function memberRow(page: Page, email: string) {
  return page
    .getByRole('table', { name: /Members of Acme Inc/ })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: email, exact: true }) });
}

describe('the demo, end to end', { timeout: 120_000 }, () => {
  it('invites three addresses (one a member): 2 sent, 1 skipped, two emails, and the invitee who accepts becomes a member', async () => {
    await journey(demo, async (page) => {
      await openSettings(page);
      await shot(page, '01-settings');

      const dialog = await openInviteDialog(page);
      await dialog
        .getByRole('textbox', { name: 'Email addresses' })
        .fill('Lena Lindqvist <lena@example.com>, viewer@acme.test\nmax@example.com');
      await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Billing' });
      await shown(dialog.getByText('2 invitations will be sent, 1 address will be skipped'));
      await shot(page, '02-invite-preview');

      await dialog.getByRole('button', { name: 'Send invitations' }).click();
      await shown(dialog.getByText('2 invitations sent'));
      await shown(dialog.getByText('1 address skipped'));
      await shown(dialog.getByText('already a member of the organization'));
      await shot(page, '03-invite-sent');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await shown(invitationRow(page, 'lena@example.com'));
      await shown(invitationRow(page, 'max@example.com'));
      assert.equal(await invitationRow(page, 'viewer@acme.test').count(), 0, 'the member was not invited');

      const messages = await openMailbox(page);
      await shown(page.getByText('2 of 2 messages'));
      assert.equal(await messages.count(), 2);
      await shown(messages.filter({ hasText: 'To lena@example.com' }));
      await shown(messages.filter({ hasText: 'To max@example.com' }));
      await shot(page, '04-mailbox');

      await followNewestLink(page, 'lena@example.com');
      await shown(page.getByRole('heading', { name: 'Ada Admin invited you to join Acme Inc.' }));
      await page.getByRole('textbox', { name: 'Your name' }).fill('Lena Lindqvist');
      await shot(page, '05-redeem');
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await shown(page.getByRole('heading', { name: 'Welcome to Acme Inc.' }));
      await shot(page, '06-accepted');

      // No timed redirect: the confirmation stays until the new member continues, and the host decides where to:
      // into the product, signed in by the host's own sign-in.
      assert.match(page.url(), /\/redeem\//, 'still on the confirmation');
      await page.getByRole('link', { name: 'Continue to Acme Inc.' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await shown(page.getByText('Welcome to Acme Inc., Lena Lindqvist. You joined as Billing.'));
      await shown(signedInName(page, 'Lena Lindqvist'));
      // A member (Billing) without the admin permission, whom the backend knows: not the signed-out message.
      await shown(page.getByText('You do not have permission to manage invitations in this organization.'));
      await shot(page, '07-welcome');

      await page.goto('/login/');
      await signInFromLoginPage(page, 'admin@acme.test');
      const lena = await shown(memberRow(page, 'lena@example.com'));
      await shown(lena.getByRole('cell', { name: 'Lena Lindqvist' }));
      await shown(lena.getByRole('cell', { name: /^billing$/i }));
      await shown(lena.getByText('via invitation'));
      assert.equal(
        await invitationRow(page, 'lena@example.com').count(),
        0,
        'an accepted invitation leaves the default view',
      );
      await shown(invitationRow(page, 'max@example.com'));
      await lena.scrollIntoViewIfNeeded();
      await shot(page, '08-new-member');

      // The mock's state lives in the browser: a reload keeps all of it.
      await page.reload();
      await shown(memberRow(page, 'lena@example.com'));
      await shown(invitationRow(page, 'max@example.com'));
    });
  });

  it('signs the new member in after accepting: the product page as that member, and their address signs in again later', async () => {
    await journey(demo, async (page) => {
      await openSettings(page);
      const dialog = await openInviteDialog(page);
      await dialog.getByRole('textbox', { name: 'Email addresses' }).fill('mia@example.com');
      await shown(dialog.getByText('1 invitation will be sent'));
      await dialog.getByRole('button', { name: 'Send invitations' }).click();
      await shown(dialog.getByText('1 invitation sent'));

      // The invitee opens the link signed out (a browser of their own), accepts, and continues.
      await signInAs(page, 'Signed out');
      await followNewestLink(page, 'mia@example.com');
      await page.getByRole('textbox', { name: 'Your name' }).fill('Mia Park');
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await shown(page.getByRole('heading', { name: 'Welcome to Acme Inc.' }));
      await page.getByRole('link', { name: 'Continue to Acme Inc.' }).click();
      await page.waitForURL((url) => url.pathname === '/');

      // In the product, signed in as Mia: a member without the admin permission, whom the backend knows.
      await shown(page.getByText('Welcome to Acme Inc., Mia Park. You joined as Member.'));
      await shown(signedInName(page, 'Mia Park'));
      await shown(page.getByText('You do not have permission to manage invitations in this organization.'));
      assert.equal(await page.getByText('Sign in to manage invitations').count(), 0, 'not signed out');
      const who = toolbar(page).getByRole('combobox', { name: 'Signed in as' });
      assert.equal(
        await who.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text),
        'Mia Park (joined)',
      );

      // Signed out, the login page's own form signs her in again by her address.
      await signInAs(page, 'Signed out');
      await page.goto('/login/');
      await signInFromLoginPageAs(page, 'MIA@example.com');
      await shown(signedInName(page, 'Mia Park'));
      await shown(page.getByText('You do not have permission to manage invitations in this organization.'));

      // A reset of the demo's data forgets her: her address no longer signs in.
      await withToolbar(page, 'Data reset to the seed', (bar) =>
        bar.getByRole('button', { name: 'Reset data' }).click(),
      );
      await page.goto('/login/');
      await page.getByRole('textbox', { name: 'Work email' }).fill('mia@example.com');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await shown(page.getByText('No Acme Analytics account uses this address.'));
    });
  });

  it('resends an invitation up to the limit (then disabled, "0 resends left"); the same link works signed out, not as someone else', async () => {
    await journey(demo, async (page) => {
      await openSettings(page);
      const jane = invitationRow(page, 'jane@example.com');
      const resend = () => rowMenuItem(jane, 'jane@example.com', 'Resend invitation to jane@example.com');
      const note = async () => (await resend()).getAttribute('data-note');
      assert.equal(await note(), '3 resends left');
      for (const left of ['2 resends left', '1 resend left', 'No resends left: all 3 are used']) {
        await (await resend()).click();
        await shown(outcome(page, 'Invitation resent to jane@example.com'));
        await waitFor(async () => (await note()) === left, `the menu never said "${left}"`);
      }
      assert.equal(await (await resend()).getAttribute('aria-disabled'), 'true');
      await page.reload();
      assert.equal(await note(), 'No resends left: all 3 are used');
      assert.equal(await (await resend()).getAttribute('aria-disabled'), 'true');
      await page.keyboard.press('Escape');

      const messages = await openMailbox(page);
      const toJane = messages.filter({ hasText: 'To jane@example.com' });
      assert.equal(await toJane.count(), 3, 'three reminders sent');

      // A resend sends the same link. Opened where the admin is signed in, accepting is refused and uses nothing
      // up; signed out, the same link works.
      const link = await toJane
        .first()
        .getByRole('link', { name: 'Open invitation for jane@example.com' })
        .getAttribute('href');
      assert.ok(link);
      await page.goto(link);
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await shown(page.getByRole('heading', { name: 'You are signed in with another email address' }));
      // The element's "Sign out", wired by the host to its own sign-out, then the same link again.
      await withToolbar(page, 'Signed out', () => page.getByRole('button', { name: 'Sign out' }).click());
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await shown(page.getByRole('heading', { name: 'Welcome to Acme Inc.' }));
    });
  });

  it('lets an invitation expire after 7 days; a new invitation replaces the old link, which says expired', async () => {
    await journey(demo, async (page) => {
      await openSettings(page);
      const dialog = await openInviteDialog(page);
      await dialog.getByRole('textbox', { name: 'Email addresses' }).fill('eve@example.com');
      await shown(dialog.getByText('1 invitation will be sent'));
      await dialog.getByRole('button', { name: 'Send invitations' }).click();
      await shown(dialog.getByText('1 invitation sent'));
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();

      await withToolbar(page, 'Clock moved 7 days forward', (bar) =>
        bar.getByRole('button', { name: '+7 days' }).click(),
      );
      await shown(toolbar(page).getByText('7 days ahead'));
      const eve = invitationRow(page, 'eve@example.com');
      await shown(eve.getByText('Expired'));
      await (await rowMenuItem(eve, 'eve@example.com', 'Send new invitation to eve@example.com')).click();
      await shown(eve.getByText('Pending'));

      const messages = await openMailbox(page);
      const toEve = messages.filter({ hasText: 'To eve@example.com' });
      assert.equal(await toEve.count(), 2, 'the first invitation and the new one');
      await shown(toEve.first().getByText('New invitation', { exact: true }));

      // The old link, from the first email.
      await toEve.nth(1).getByRole('link', { name: 'Open invitation for eve@example.com' }).click();
      await shown(page.getByRole('heading', { name: 'This invitation has expired' }));
      assert.equal(await page.getByRole('button', { name: 'Accept invitation' }).count(), 0);
      // Asking again leads, as the host wired it, to the login page's request form.
      await page.getByRole('button', { name: 'Ask for a new invitation' }).click();
      await page.waitForURL(/\/login\/#request-invitation$/);
      await shown(page.getByRole('button', { name: 'Request invitation' }));

      await followNewestLink(page, 'eve@example.com');
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await shown(page.getByRole('heading', { name: 'Welcome to Acme Inc.' }));
    });
  });

  it('revokes an invitation after confirming, and its link then says it was withdrawn', async () => {
    await journey(demo, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await openSettings(page);
      const jane = invitationRow(page, 'jane@example.com');
      await (await rowMenuItem(jane, 'jane@example.com', 'Copy link for jane@example.com')).click();
      await shown(outcome(page, 'Link copied for jane@example.com'));
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(link, /\/redeem\/\?code=/);

      await (await rowMenuItem(jane, 'jane@example.com', 'Revoke invitation for jane@example.com')).click();
      const confirm = await shown(page.getByRole('alertdialog', { name: 'Revoke invitation?' }));
      // Focus starts on the safe choice.
      await shown(confirm.getByRole('button', { name: 'Cancel' }).and(page.locator(':focus')));
      await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
      await jane.waitFor({ state: 'detached' });

      await page.goto(link);
      await shown(page.getByRole('heading', { name: 'This invitation was withdrawn' }));
      assert.equal(await page.getByRole('button', { name: 'Accept invitation' }).count(), 0);
    });
  });

  it('takes a request on the login page; the admin approves it and the invitation is mailed; closing requests closes the form', async () => {
    await journey(demo, async (page) => {
      await page.goto('/login/');
      await shown(page.getByRole('button', { name: 'Request invitation' }));
      await signInAs(page, 'Signed out');
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill('nia@example.com');
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Nia Newbie');
      await page.getByRole('textbox', { name: 'Message', exact: true }).fill('I run the data team in Oslo.');
      await page.getByRole('button', { name: 'Request invitation' }).click();
      await shown(page.getByText('If your request is approved, you will receive an invitation by email.'));

      await signInFromLoginPage(page, 'admin@acme.test');
      const approve = page.getByRole('button', { name: 'Approve request from nia@example.com' });
      await shown(page.getByText('I run the data team in Oslo.'));
      await approve.click();
      // The demo gives its roles: the approval asks which one the invitation gives.
      const ask = await shown(page.getByRole('dialog', { name: 'Approve request from nia@example.com' }));
      await ask.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Admin' });
      await ask.getByRole('button', { name: 'Approve', exact: true }).click();
      await shown(outcome(page, 'Request from nia@example.com approved: invitation sent'));
      await approve.waitFor({ state: 'detached' });
      await page.reload();
      await shown(invitationRow(page, 'nia@example.com').getByText('Admin', { exact: true }));

      const messages = await openMailbox(page);
      await shown(messages.filter({ hasText: 'To nia@example.com' }));

      // The "Allow requests from the login page" switch: off, and the login page shows that requests are closed.
      await openSettings(page);
      await page.getByRole('switch', { name: 'Allow requests from the login page', checked: true }).click();
      await shown(page.getByRole('switch', { name: 'Allow requests from the login page', checked: false }));
      await page.goto('/login/');
      await shown(page.getByText('Requests are closed', { exact: true }));
      assert.equal(await page.getByRole('button', { name: 'Request invitation' }).count(), 0);
    });
  });

  it('marks a request stale after an SSO join, and dismisses stale requests', async () => {
    await journey(demo, async (page) => {
      await openSettings(page);
      await withToolbar(page, 'ivan@example.com joined Acme Inc. through SSO', async (bar) => {
        await bar.getByRole('textbox', { name: 'Join address' }).fill('ivan@example.com');
        await bar.getByRole('combobox', { name: 'via' }).selectOption({ label: 'SSO' });
        await bar.getByRole('button', { name: 'Simulate join' }).click();
      });
      await shown(memberRow(page, 'ivan@example.com').getByText('via SSO'));

      const ivan = page.getByRole('listitem').filter({ hasText: 'ivan@example.com' });
      await shown(ivan.getByText('Already a member'));
      assert.ok(await page.getByRole('button', { name: 'Approve request from ivan@example.com' }).isDisabled());
      await page.getByRole('button', { name: 'Dismiss request from ivan@example.com' }).click();
      await shown(outcome(page, 'Request from ivan@example.com dismissed'));
      await ivan.waitFor({ state: 'detached' });

      // The seed's other stale request (tom@acme.test, who joined through SCIM), all at once.
      await shown(page.getByRole('listitem').filter({ hasText: 'tom@acme.test' }).getByText('Already a member'));
      await page.getByRole('button', { name: 'Dismiss stale requests' }).click();
      await shown(outcome(page, '1 stale request dismissed'));
      await page.getByRole('button', { name: 'Dismiss request from tom@acme.test' }).waitFor({ state: 'detached' });
      await shown(page.getByRole('button', { name: 'Approve request from nora@example.com' }));
    });
  });

  it('invites the addresses of an uploaded CSV file, accounting for each of its rows', async () => {
    await journey(demo, async (page) => {
      await openSettings(page);
      const dialog = await openInviteDialog(page);
      const csv = [
        'name,email,team',
        'Alice,alice@example.com,Data',
        'Bob,bob@example.com,Sales',
        'Carol,carol@example.com,Ops',
        'Nobody,nobody@,Ops',
      ].join('\r\n');
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        dialog.getByRole('button', { name: 'Upload CSV' }).click(),
      ]);
      await chooser.setFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      // Every row of the file accounted for; the malformed address is named on its row and not sent.
      await shown(dialog.getByText('team.csv: 4 rows: 3 will be invited, 1 skipped.'));
      const notInvited = dialog.getByRole('list', { name: 'Rows of team.csv that will not be invited' });
      await shown(notInvited.getByText('malformed address, not added'));
      await shown(notInvited.getByText('Row 5'));
      await shown(dialog.getByText('The “name” column is not used'));
      await dialog.getByRole('button', { name: 'Send invitations' }).click();
      await shown(dialog.getByText('3 invitations sent'));
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      for (const email of ['alice@example.com', 'bob@example.com', 'carol@example.com']) {
        await shown(invitationRow(page, email));
      }
    });
  });

  it('shows a member without permission, and a signed-out visitor, no admin action at all', async () => {
    await journey(demo, async (page) => {
      await openSettings(page);
      const adminActions = page.getByRole('button', {
        name: /^(Invite users|Export CSV|Revoke stale invitations|Actions for|Resend invitation|Revoke invitation|Copy link|Copy code|Send new invitation|Approve request|Dismiss request|Dismiss stale requests)/,
      });
      // The requests list loads beside the table: its actions count too.
      await shown(page.getByRole('button', { name: /^Approve request/ }).first());
      assert.ok((await adminActions.count()) > 10, 'the admin sees the actions');

      await signInAs(page, 'Victor Viewer');
      // One message for the page, not one per element.
      await shown(page.getByText('You do not have permission to manage invitations in this organization.'));
      assert.equal(await page.getByText('You do not have permission to manage invitation requests').count(), 0);
      await shown(page.getByText('Only administrators can see the members of Acme Inc.'));
      assert.equal(await adminActions.count(), 0);
      assert.equal(await page.getByRole('switch', { name: 'Allow requests from the login page' }).count(), 0);

      await signInAs(page, 'Signed out');
      await shown(page.getByText('Sign in to manage invitations.'));
      await shown(page.getByRole('link', { name: 'Sign in', exact: true }));
      assert.equal(await page.getByText('Sign in to manage invitation requests.').count(), 0);
      assert.equal(await adminActions.count(), 0);
    });
  });

  for (const width of [320, 375]) {
    it(`fits a ${width} px phone: no demo page scrolls sideways, in any state it is opened in`, async () => {
      await journey(
        demo,
        async (page) => {
          const fits = async (where: string) => {
            const { overflow, culprits } = await sidewaysScroll(page);
            assert.equal(overflow, 0, `${where} scrolls ${overflow} px sideways: ${culprits.join('; ')}`);
          };
          await openSettings(page);
          await shown(page.getByRole('button', { name: 'Approve request from nora@example.com' }));
          await shown(page.getByRole('table', { name: /Members of Acme Inc/ }));
          await fits('Settings › Users');
          const dialog = await openInviteDialog(page);
          await dialog
            .getByRole('textbox', { name: 'Email addresses' })
            .fill('Lena Lindqvist <lena.lindqvist.from.the.long.address.department@example.com>, viewer@acme.test, x@');
          await shown(dialog.getByText('1 invitation will be sent, 2 addresses will be skipped'));
          await fits('the invite dialog');
          await dialog.getByRole('button', { name: 'Send invitations' }).click();
          await shown(dialog.getByText('1 invitation sent'));
          await dialog.getByRole('button', { name: 'Close', exact: true }).click();

          await openMailbox(page);
          await shown(page.getByText('1 of 1 message'));
          await fits('the mailbox');
          await followNewestLink(page, 'lena.lindqvist.from.the.long.address.department@example.com');
          await shown(page.getByRole('button', { name: 'Accept invitation' }));
          await fits('the redeem page');
          await page.goto('/login/');
          await shown(page.getByRole('button', { name: 'Request invitation' }));
          await fits('the login page');
        },
        { width, height: 800 },
      );
    });
  }
});
