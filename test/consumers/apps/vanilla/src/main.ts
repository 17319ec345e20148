// The whole package: every element defined, every class and type exported. Compiled by tsc with
// `moduleResolution` "bundler" and "nodenext" (skipLibCheck off): the types below must come from the packages.
import '@invitekit/elements';
import type { InvitationTable, InviteRole } from '@invitekit/elements';
import { createClient } from '@invitekit/sdk/client';
import type { Invitation } from '@invitekit/sdk';
import { apiRoot, sessionToken } from './session.js';

const roles: InviteRole[] = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Admin' },
];

// HTMLElementTagNameMap: querySelector knows each tag's class.
const provider = document.querySelector('invitekit-provider');
const table = document.querySelector('invitation-table');
const lastSent = document.querySelector('output');
if (!provider || !table || !lastSent) throw new Error('The page lacks its elements');
const isTable: InvitationTable = table;

provider.client = createClient({ baseUrl: apiRoot, organization: 'acme', token: sessionToken });
isTable.roles = roles;

// HTMLElementEventMap: the listener's event is typed, detail and all.
table.addEventListener('invitekit-invitations-sent', (event) => {
  const sent: readonly Invitation[] = event.detail.sent;
  lastSent.value = `${sent.length} sent: ${sent.map((invitation) => invitation.email).join(', ')}`;
});
