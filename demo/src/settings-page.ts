import { boot } from './boot.js';

await boot();
document.querySelector<HTMLElement>('#joined')!.hidden = !new URLSearchParams(location.search).has('joined');
// The published entry points, as a host imports them.
await Promise.all([
  import('@invitekit/elements/invitekit-provider'),
  import('@invitekit/elements/invitation-table'),
  import('@invitekit/elements/invitation-requests'),
]);
