// One entry per element, as a page that needs only some of them imports them (plain JavaScript, no types).
import '@invitekit/elements/invitekit-provider';
import '@invitekit/elements/invitation-table';
import { createClient } from '@invitekit/sdk/client';

// `/api` on this origin, or another origin's API in `?api=` (which must allow this origin).
const baseUrl = new URLSearchParams(location.search).get('api') ?? '/api';
const table = document.querySelector('invitation-table');
document.querySelector('invitekit-provider').client = createClient({
  baseUrl,
  organization: 'acme',
  token: 'acme-admin',
});
table.roles = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Admin' },
];
table.addEventListener('invitekit-invitations-sent', (event) => {
  const { sent } = event.detail;
  document.querySelector('output').value = `${sent.length} sent: ${sent.map((i) => i.email).join(', ')}`;
});
