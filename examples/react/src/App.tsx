// Each import defines one element (and what it renders inside): the table brings the invite dialog along.
import '@invitekit/elements/invitekit-provider';
import '@invitekit/elements/invitation-table';
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
      {/* React 19 sets `client` and `roles` as properties (the elements have them), not as attributes. */}
      <invitekit-provider client={client}>
        <invitation-table
          page-size={10}
          roles={roles}
          oninvitekit-invitations-sent={(event) => {
            setLastSent(event.detail.sent);
          }}
        />
      </invitekit-provider>
      <output>
        {lastSent.length > 0 && `${lastSent.length} sent: ${lastSent.map((invitation) => invitation.email).join(', ')}`}
      </output>
    </main>
  );
}
