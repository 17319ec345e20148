// The React components of @invitekit/elements: each import defines its element (the table brings the invite dialog
// along) and sets `client`, `roles` and the `on…` event props on it after mounting (and after hydration, where a
// server renders the page).
import { InvitekitProvider } from '@invitekit/elements/react/invitekit-provider';
import { InvitationTable } from '@invitekit/elements/react/invitation-table';
import type { InviteRole } from '@invitekit/elements';
import type { Invitation } from '@invitekit/sdk';
import { createClient } from '@invitekit/sdk/client';
import { useState } from 'react';

// One client for the whole app, for one organization. The mock server's seed admin token stands in for the
// product's own session.
const client = createClient({ baseUrl: '/api', organization: 'acme', token: 'acme-admin' });

const roles: InviteRole[] = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Admin' },
];

export function App() {
  const [lastSent, setLastSent] = useState<readonly Invitation[]>([]);
  return (
    <main>
      <h1>Invitations</h1>
      <InvitekitProvider client={client}>
        <InvitationTable
          pageSize={10}
          roles={roles}
          onInvitekitInvitationsSent={(event) => {
            setLastSent(event.detail.sent);
          }}
        />
      </InvitekitProvider>
      <output>
        {lastSent.length > 0 && `${lastSent.length} sent: ${lastSent.map((invitation) => invitation.email).join(', ')}`}
      </output>
    </main>
  );
}
