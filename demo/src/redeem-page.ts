/** The page an invitation link opens: `<redeem-invite>` reads `?code=` from the URL. */
import { boot } from './boot.js';
import { acmeRoles } from './roles.js';

await boot();
await Promise.all([import('@invitekit/elements/invitekit-provider'), import('@invitekit/elements/redeem-invite')]);
document.querySelector('redeem-invite')!.roles = acmeRoles;

// The host decides where a new member lands: after a moment on the element's confirmation, the login page.
document.querySelector('redeem-invite')!.addEventListener('invitekit-invitation-accepted', (event) => {
  const organization = event.detail.organization.name;
  setTimeout(() => location.assign(`/login/?joined=${encodeURIComponent(organization)}`), 1500);
});
