/// <reference types="mocha" />
// Signed out or without permission, a page of admin elements says so once, with the host's way forward.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clientAs, mockApi } from '../../test/mock-api.js';
import { expectAccessibleInBothThemes } from '../../test/a11y.js';
import { shadow, textOf } from '../../test/dom.js';
import '../define/invitation-table.js';
import '../define/invitation-requests.js';
import type { InvitationTable } from '../invitation-table/invitation-table.js';
import type { InvitationRequests } from '../invitation-requests/invitation-requests.js';

async function page(token: string | undefined, extra = html``) {
  const client = clientAs(token);
  const main = await fixture<HTMLElement>(
    html`<main>
      <invitation-table lang="en" sign-in-url="/login/" .client=${client}>${extra}</invitation-table>
      <invitation-requests lang="en" sign-in-url="/login/" .client=${client}></invitation-requests>
    </main>`,
  );
  const table = main.querySelector('invitation-table') as InvitationTable;
  const requests = main.querySelector('invitation-requests') as InvitationRequests;
  return { main, table, requests };
}

const states = (main: HTMLElement) =>
  Array.from(main.querySelectorAll('invitation-table, invitation-requests')).flatMap((el) =>
    Array.from(shadow(el).querySelectorAll('.state')),
  );

describe('blocked states', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('without permission: one message on the page, with the host’s own words in the forbidden slot', async () => {
    const { main, table, requests } = await page(
      'acme-viewer',
      html`<p slot="forbidden">Ask <a href="mailto:ada@acme.test">Ada</a> for access.</p>`,
    );
    await waitUntil(() => textOf(table).includes('You do not have permission'), 'no message in the table');
    // The requests element loads on its own: wait until its load has failed too (it draws nothing then).
    await waitUntil(
      () => requests.hasUpdated && shadow(requests).textContent.trim() === '',
      'the requests element still draws something',
    );
    expect(states(main), 'one message, not one per element').to.have.length(1);
    expect(shadow(requests).textContent.trim(), 'the requests element draws nothing').to.equal('');
    const slot = shadow(table).querySelector<HTMLSlotElement>('slot[name="forbidden"]');
    expect(slot?.assignedElements().map((e) => e.textContent)).to.deep.equal(['Ask Ada for access.']);
    await expectAccessibleInBothThemes(table);
  });

  it('signed out: one message with a "Sign in" link to sign-in-url', async () => {
    const { main, table } = await page(undefined);
    await waitUntil(() => textOf(table).includes('Sign in to manage invitations.'), 'no message');
    await waitUntil(() => states(main).length === 1, 'more than one message');
    const link = shadow(table).querySelector('a[part="link"]');
    expect(link?.textContent).to.equal('Sign in');
    expect(link?.getAttribute('href')).to.equal('/login/');
    await expectAccessibleInBothThemes(table);
  });

  it('the requests element alone still says it', async () => {
    const requests = await fixture<InvitationRequests>(
      html`<invitation-requests lang="en" .client=${clientAs('acme-viewer')}></invitation-requests>`,
    );
    await waitUntil(() => textOf(requests).includes('You do not have permission'), 'no message');
  });
});
