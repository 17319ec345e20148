/**
 * The page an invitation link opens: `<redeem-invite>` reads `?code=` from the URL. The host wires each next step
 * the element offers: where a new member continues, how the wrong person signs out, where to ask again.
 */
import { requiredTag } from './dom.js';
import { boot } from './boot.js';
import { flash } from './demo-toolbar.js';
import { acmeRoles } from './roles.js';
import { signInAs } from './session.js';

await boot();
await Promise.all([import('@invitekit/elements/invitekit-provider'), import('@invitekit/elements/redeem-invite')]);
const redeem = requiredTag('redeem-invite');
redeem.roles = acmeRoles;

// "Continue to Acme Inc.": the new member signs in on the login page, which welcomes them. Nothing moves until
// they choose to continue, so the confirmation stays on screen as long as they need.
redeem.addEventListener('invitekit-invitation-continue', (event) => {
  event.preventDefault();
  location.assign(`/login/?joined=${encodeURIComponent(event.detail.organization.name)}`);
});

// "Sign out": the product's own sign-out, then the same link again, now for the invited person.
redeem.addEventListener('invitekit-sign-out-request', (event) => {
  event.preventDefault();
  signInAs('');
  flash('Signed out');
  location.reload();
});

// "Ask for a new invitation": Acme's login page has the request form, with the sign-in beside it.
redeem.addEventListener('invitekit-new-invitation-request', (event) => {
  event.preventDefault();
  location.assign('/login/#request-invitation');
});
