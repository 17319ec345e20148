import { boot } from './boot.js';

await boot();
// A login page imports only the public element: no admin code reaches it.
await Promise.all([
  import('@invitekit/elements/invitekit-provider'),
  import('@invitekit/elements/request-invite-form'),
]);
