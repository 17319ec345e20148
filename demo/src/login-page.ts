/** The login page: public, so it imports only the public element, and no admin code reaches it. */
import { required } from './dom.js';
import { boot } from './boot.js';
import { findAccount } from './accounts.js';
import { signInAs } from './session.js';

// The product's own sign-in: no passwords in a demo. The seed's people by their address, and everyone who joined
// through an invitation by the account Acme made for them then (accounts.ts).
const seedAccounts: Record<string, string> = { 'admin@acme.test': 'acme-admin', 'viewer@acme.test': 'acme-viewer' };
const form = required('#sign-in', HTMLFormElement);
const input = form.elements.namedItem('email') as HTMLInputElement;
const error = required('#sign-in-error', HTMLElement, form);

function refuse(message: string): void {
  error.textContent = message;
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const email = input.value.trim();
  if (!email) {
    refuse('Enter your work email.');
    return;
  }
  const seed = seedAccounts[email.toLowerCase()];
  const token = seed ? Promise.resolve(seed) : findAccount(email).then((account) => account?.token);
  token.then(
    (found) => {
      if (!found) {
        refuse('No Acme Analytics account uses this address. Ask for an invitation below.');
        return;
      }
      signInAs(found);
      location.assign('/');
    },
    (failure: unknown) => {
      refuse(failure instanceof Error ? failure.message : String(failure));
    },
  );
});

await boot();

await Promise.all([
  import('@invitekit/elements/invitekit-provider'),
  import('@invitekit/elements/request-invite-form'),
]);
