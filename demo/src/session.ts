/**
 * Who is signed in to the demo product. A real product has its own session cookie; the demo's is
 * `invitekit_session`, holding one of the mock server's seed tokens, and the elements send it along
 * (the SDK's default `credentials: "include"`), exactly as a host's cookie reaches its own backend.
 */
import { SESSION_COOKIE as COOKIE } from '@invitekit/mock-server';
import { people } from './shell.js';

export { people };

const SIGNED_OUT = 'demo-signed-out';

export function currentToken(): string {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE}=`));
  return match ? decodeURIComponent(match.slice(COOKIE.length + 1)) : '';
}

export function currentPerson() {
  const token = currentToken();
  return people.find((person) => person.token === token) ?? people[2];
}

/** Signs a seed person in (a token) or out (`''`); signing out is remembered so a reload keeps it. */
export function signInAs(token: string): void {
  document.cookie = token
    ? `${COOKIE}=${encodeURIComponent(token)}; path=/; SameSite=Lax`
    : `${COOKIE}=; path=/; max-age=0; SameSite=Lax`;
  if (token) localStorage.removeItem(SIGNED_OUT);
  else localStorage.setItem(SIGNED_OUT, '1');
}

/** First visit: signed in as the admin, so the main job shows at once. */
export function ensureSession(): void {
  if (!currentToken() && !localStorage.getItem(SIGNED_OUT)) signInAs('acme-admin');
}
