// Hosts import the provider and the elements in any order: an element connected under a provider that is not
// defined yet must wait for it and use its client, not make one of its own without the organization.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mockApi } from '../../test/mock-api.js';
import '../define/invitation-table.js';
import type { InvitationTable } from '../invitation-table/invitation-table.js';

const SESSION = 'invitekit_session';

describe('<invitekit-provider>', () => {
  beforeEach(async () => {
    await mockApi();
    // The provider's client sends the host's cookies, as a product's own session reaches its backend.
    document.cookie = `${SESSION}=acme-admin; path=/`;
  });
  afterEach(() => {
    document.cookie = `${SESSION}=; path=/; max-age=0`;
  });

  it('gives its client to an element that was defined before it', async () => {
    expect(customElements.get('invitekit-provider'), 'the provider must not be defined yet').to.equal(undefined);
    const page = await fixture<HTMLElement>(
      html`<invitekit-provider base-url="/api" organization="acme"
        ><invitation-table></invitation-table
      ></invitekit-provider>`,
    );
    const table = page.querySelector<InvitationTable>('invitation-table');
    if (!table) throw new Error('no table');
    await import('../define/invitekit-provider.js');
    await waitUntil(
      () => table.renderRoot.querySelectorAll('tbody tr[part="row"]').length > 0,
      'the table never loaded through the provider',
      {
        timeout: 4000,
      },
    );
    expect(table.renderRoot.textContent).to.include('jane@example.com');
    expect(table.renderRoot.querySelector('[role="alert"]')).to.equal(null);
    const provider = page as HTMLElement & { client?: unknown };
    expect(provider.client, 'the provider made the client from base-url').to.equal(undefined);
  });
});
