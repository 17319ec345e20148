/**
 * Who is signed in to the demo product. A real product has its own session cookie; the demo's is
 * `invitekit_session`, holding a token the backend knows, and the elements send it along (the SDK's default
 * `credentials: "include"`), exactly as a host's cookie reaches its own backend. The seed's people have the mock's
 * seeded tokens; people who joined through an invitation get an account of Acme's own (accounts.ts).
 */
import { SESSION_COOKIE as COOKIE } from '@invitekit/mock-server';
import { accountByToken } from './accounts.js';
import { people } from './shell.js';

export { people };

export interface Person {
  token: string;
  name: string;
  email: string;
}

const SIGNED_OUT = 'demo-signed-out';

export function currentToken(): string {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE}=`));
  return match ? decodeURIComponent(match.slice(COOKIE.length + 1)) : '';
}

/** The person the session cookie belongs to: one of the seed's, a member who joined, or nobody. */
export function currentPerson(): Person {
  const token = currentToken();
  const account = token ? accountByToken(token) : undefined;
  if (account) return { token, name: account.name, email: account.email };
  return people.find((person) => person.token === token) ?? { token: '', name: '', email: '' };
}

/** Signs a person in (their token) or out (`''`); signing out is remembered so a reload keeps it. */
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
