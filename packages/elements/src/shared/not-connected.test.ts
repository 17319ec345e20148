// An element with nothing to talk to (no provider, no `client`, and a kit-made client with no organization or no
// invitekit API at its `base-url`) says so: one console error for the developer, naming the element and the fix,
// and one plain sentence for the person, not "try again in a moment".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { clientAs, mockApi } from '../../test/mock-api.js';
import '../define/invitekit-provider.js';
import '../define/invitation-table.js';
import '../define/invitation-requests.js';
import { InvitationTable as InvitationTableClass } from '../invitation-table/invitation-table.js';
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
      const table = provider.querySelector('invitation-table');
      if (!table) throw new Error('no <invitation-table>');
      // Waiting, it draws its loading state (the room of the rows to come), not a "not connected" flash.
      expect(table.shadowRoot?.querySelectorAll('tbody tr.skeleton').length).to.be.greaterThan(0);
      expect(table.shadowRoot?.querySelector('table')?.getAttribute('aria-busy')).to.equal('true');
      expect(table.shadowRoot?.textContent).not.to.contain('Not connected');
      provider.client = clientAs('acme-admin');
      await waitUntil(() => (table.shadowRoot?.textContent ?? '').includes('jane@example.com'), 'the rows', {
        timeout: 5000,
      });
    });
    expect(said).to.deep.equal([]);
  });

  it('the requests list waits for a late client the same way: "Loading requests…", then its requests', async () => {
    const provider = await fixture<InvitekitProvider>(
      html`<invitekit-provider><invitation-requests></invitation-requests></invitekit-provider>`,
    );
    const requests = provider.querySelector('invitation-requests');
    if (!requests) throw new Error('no <invitation-requests>');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.shadowRoot?.querySelector('[part=state]')?.textContent).to.equal('Loading requests…');
    provider.client = clientAs('acme-admin');
    await waitUntil(() => requests.shadowRoot?.querySelector('[part=request]'), 'the requests', { timeout: 5000 });
  });

  it('an element whose own client cannot be loaded (its module failed to download) says it is not connected', async () => {
    const failed = new Error('Failed to fetch dynamically imported module: client.js');
    class Offline extends InvitationTableClass {
      protected override loadOwnClient(): Promise<void> {
        return Promise.reject(failed);
      }
    }
    customElements.define('offline-invitation-table', Offline);
    const errors: unknown[] = [];
    const table = await fixture<Offline>(
      html`<offline-invitation-table
        @invitekit-error=${(e: CustomEvent<{ error: unknown }>) => errors.push(e.detail.error)}
      ></offline-invitation-table>`,
    );
    await waitUntil(() => table.shadowRoot?.querySelector('[part=state]'), 'the not-connected state', {
      timeout: 5000,
    });
    expect(table.shadowRoot?.querySelector('[part=state]')?.textContent).to.equal(
      'Not connected: give this element a client or place it inside <invitekit-provider>.',
    );
    expect(table.shadowRoot?.querySelector('table')).to.equal(null);
    expect(errors).to.deep.equal([failed]);
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
