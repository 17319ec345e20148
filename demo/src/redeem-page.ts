/**
 * The page an invitation link opens: `<redeem-invite>` reads `?code=` from the URL. The host wires each next step
 * the element offers: where a new member continues, how the wrong person signs out, where to ask again.
 */
import { requiredTag } from './dom.js';
import { boot } from './boot.js';
import { flash } from './demo-toolbar.js';
import { acmeRoles } from './roles.js';
import { accountFor } from './accounts.js';
import { currentPerson, signInAs } from './session.js';
import { welcome } from './welcome.js';

await boot();
await Promise.all([import('@invitekit/elements/invitekit-provider'), import('@invitekit/elements/redeem-invite')]);
const redeem = requiredTag('redeem-invite');
redeem.roles = acmeRoles;

// Accepted: Acme signs the new member in with an account of its own (the host's sign-in, accounts.ts), unless
// they already are signed in as themselves. Nothing moves until they choose to continue, so the confirmation
// stays on screen as long as they need.
let signedIn: Promise<void> = Promise.resolve();
redeem.addEventListener('invitekit-invitation-accepted', (event) => {
  const { member, organization } = event.detail;
  if (currentPerson().email.toLowerCase() === member.email.toLowerCase()) return;
  signedIn = accountFor(member).then((account) => {
    signInAs(account.token);
    const role = acmeRoles.find((r) => r.value === member.role)?.label ?? member.role;
    welcome(`Welcome to ${organization.name}, ${account.name}. You joined as ${role}.`);
  });
});

// "Continue to Acme Inc.": into the product, signed in.
redeem.addEventListener('invitekit-invitation-continue', (event) => {
  event.preventDefault();
  signedIn.then(
    () => {
      location.assign('/');
    },
    (error: unknown) => {
      // The accept stands; only Acme's sign-in failed: the login page is the way in.
      flash(error instanceof Error ? error.message : String(error));
      location.assign('/login/');
    },
  );
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
