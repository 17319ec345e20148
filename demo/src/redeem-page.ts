import { boot } from './boot.js';

await boot();
await Promise.all([
  import('@invitekit/elements/invitekit-provider'),
  import('@invitekit/elements/redeem-invite'),
]);
// The host decides where a new member lands.
document.addEventListener('invitekit-invitation-accepted', () => {
  setTimeout(() => location.assign('/?joined=1'), 1500);
});
