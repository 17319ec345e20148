'use client';
// The React components of @invitekit/elements set `client`, `roles` and the `on…` event props after hydration,
// which React 19 drops on plain custom-element tags in a server-rendered page (facebook/react#35446).
import { InvitekitProvider } from '@invitekit/elements/react/invitekit-provider';
import { InvitationTable } from '@invitekit/elements/react/invitation-table';
import type { InviteRole } from '@invitekit/elements';
import { createClient } from '@invitekit/sdk/client';
import { useState } from 'react';

// The app's own route handler (app/api/[...invitekit]/route.ts) answers /api; the session cookie signs in.
const client = createClient({ baseUrl: '/api', organization: 'acme' });

const roles: InviteRole[] = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Admin' },
];

export function Invitations() {
  const [lastSent, setLastSent] = useState<string[]>([]);
  return (
    <>
      <InvitekitProvider client={client}>
        <InvitationTable
          pageSize={10}
          roles={roles}
          onInvitekitInvitationsSent={(event) => {
            setLastSent(event.detail.sent.map((invitation) => invitation.email));
          }}
        />
      </InvitekitProvider>
      <output>{lastSent.length > 0 && `${lastSent.length} sent: ${lastSent.join(', ')}`}</output>
    </>
  );
}
