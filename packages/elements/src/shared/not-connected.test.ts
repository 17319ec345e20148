// An element with nothing to talk to (no provider, no `client`, and a kit-made client with no organization or no
// invitekit API at its `base-url`) says so: one console error for the developer, naming the element and the fix,
// and one plain sentence for the person, not "try again in a moment".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import '../define/invitekit-provider.js';
import '../define/invitation-table.js';
import '../define/invitation-requests.js';
import type { InvitationTable } from '../invitation-table/invitation-table.js';
import type { InvitekitProvider } from '../invitekit-provider/invitekit-provider.js';

const TABLE_SENTENCE = 'Invitations cannot be shown here: this page is not connected to the invitation service.';

/** Console errors written while `work` runs. */
async function consoleErrors(work: () => Promise<void>): Promise<string[]> {
  const said: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => said.push(args.map(String).join(' '));
  try {
    await work();
  } finally {
    console.error = original;
  }
  return said;
}

const alertOf = (element: Element) => element.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';

async function shownAlert(element: Element): Promise<string> {
  await waitUntil(() => alertOf(element).trim() !== '', 'the element shows an alert', { timeout: 5000 });
  return alertOf(element).replace(/\s+/g, ' ').trim();
}

describe('an element with no client to talk to', () => {
  beforeEach(async () => {
    await mockApi();
  });

  it('alone with no organization: a plain sentence, and one console error naming the element and the fix', async () => {
    let table: InvitationTable | undefined;
    const said = await consoleErrors(async () => {
      table = await fixture<InvitationTable>(html`<invitation-table></invitation-table>`);
      expect(await shownAlert(table)).to.contain(TABLE_SENTENCE);
    });
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/^<invitation-table> has no client connected to an invitekit API/);
    expect(said[0]).to.contain('no organization');
    expect(said[0]).to.contain('Give <invitekit-provider> (or the element) a `client` property');
    expect(said[0]).to.contain('@invitekit/elements/react');
    expect(alertOf(table as InvitationTable)).not.to.contain('try again in a moment');
  });

  it('with a base-url where no invitekit API answers (a 404 page): the same, naming the base-url', async () => {
    const { worker } = await mockApi();
    worker.use(http.get('/nothing/*', () => new HttpResponse('<!doctype html><p>Not found</p>', { status: 404 })));
    const said = await consoleErrors(async () => {
      const table = await fixture<InvitationTable>(
        html`<invitation-table organization="acme" base-url="/nothing"></invitation-table>`,
      );
      expect(await shownAlert(table)).to.contain(TABLE_SENTENCE);
    });
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('no invitekit API at base-url "/nothing" (it answered 404');
  });

  it('inside a provider with a base-url but no organization or client (its `client` lost): the same', async () => {
    const said = await consoleErrors(async () => {
      const provider = await fixture(
        html`<invitekit-provider base-url="/api"><invitation-requests></invitation-requests></invitekit-provider>`,
      );
      const requests = provider.querySelector('invitation-requests');
      if (!requests) throw new Error('no <invitation-requests>');
      expect(await shownAlert(requests)).to.contain('this page is not connected to the invitation service');
    });
    expect(said.filter((line) => line.startsWith('<invitation-requests> has no client'))).to.have.length(1);
  });

  it('a provider whose client is set just after the elements upgraded (hydration) is waited for: no error', async () => {
    const said = await consoleErrors(async () => {
      const provider = await fixture<InvitekitProvider>(
        html`<invitekit-provider><invitation-table></invitation-table></invitekit-provider>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      provider.client = clientAs('acme-admin');
      const table = provider.querySelector('invitation-table');
      if (!table) throw new Error('no <invitation-table>');
      await waitUntil(() => (table.shadowRoot?.textContent ?? '').includes('jane@example.com'), 'the rows', {
        timeout: 5000,
      });
    });
    expect(said).to.deep.equal([]);
  });

  it('an answer of the API itself (signed out, on a kit-made client) keeps its own words', async () => {
    const said = await consoleErrors(async () => {
      const table = await fixture<InvitationTable>(html`<invitation-table organization="acme"></invitation-table>`);
      await waitUntil(() => (table.shadowRoot?.textContent ?? '').includes('Sign in'), 'the signed-out state', {
        timeout: 5000,
      });
      expect(table.shadowRoot?.textContent).not.to.contain('not connected');
    });
    expect(said.filter((line) => line.includes('has no client'))).to.deep.equal([]);
  });
});
