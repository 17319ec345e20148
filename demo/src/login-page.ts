/** The login page: public, so it imports only the public element, and no admin code reaches it. */
import { required } from './dom.js';
import { boot } from './boot.js';
import { people, signInAs } from './session.js';

// Where the redeem page sends a person who has just accepted an invitation.
const joined = new URLSearchParams(location.search).get('joined');
if (joined) {
  const welcome = required('#welcome', HTMLElement);
  welcome.textContent = `Welcome to ${joined}! Your invitation was accepted: sign in to get started.`;
  welcome.hidden = false;
}

// The product's own sign-in, reduced to the demo's two seed people (no passwords in a demo).
const accounts: Record<string, (typeof people)[number]> = {
  'admin@acme.test': people[0],
  'viewer@acme.test': people[1],
};
const form = required('#sign-in', HTMLFormElement);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = form.elements.namedItem('email') as HTMLInputElement;
  const error = required('#sign-in-error', HTMLElement, form);
  const account = accounts[input.value.trim().toLowerCase()];
  if (!account) {
    error.textContent = input.value.trim()
      ? 'No Acme Analytics account uses this address. Ask for an invitation below.'
      : 'Enter your work email.';
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  signInAs(account.token);
  location.assign('/');
});

await boot();

await Promise.all([
  import('@invitekit/elements/invitekit-provider'),
  import('@invitekit/elements/request-invite-form'),
]);
