/**
 * Acme's own accounts for the people who joined through an invitation: the host's side of an accept ("the host
 * creates the membership", server.md). invitekit keeps its member record; signing in is Acme's business.
 *
 * - `npm run demo:server`: the demo's server makes the account when the accept commits (its `onAccepted`) and
 *   recognises the account's session in its `authenticate` (scripts/demo-accounts.ts); this page asks it to sign
 *   the person in, and keeps a copy of who that is for the header.
 * - `npm start` (the in-page mock): the accounts live in this browser, beside the mock's data, and boot.ts hands
 *   their tokens to the mock as it starts: the mock's stand-in for a host's `authenticate`.
 *
 * The demo has no passwords: an address that has an account signs in, as the seed's people do.
 */
import type { Member } from '@invitekit/sdk';
import type { MockState } from '@invitekit/mock-server';

export interface Account {
  token: string;
  name: string;
  email: string;
  /** The role they joined with; Acme's admins may manage members. */
  role: string;
}

const KEY = 'acme-accounts';
const ORG = 'acme';
const serverBacked = import.meta.env.VITE_INVITEKIT_BACKEND === 'server';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The accounts this browser knows (with the server build: those signed in here). */
export function accounts(): Account[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(saved) ? (saved as Account[]) : [];
  } catch {
    return [];
  }
}

function remember(account: Account): Account {
  localStorage.setItem(KEY, JSON.stringify([...accounts().filter((a) => !same(a.email, account.email)), account]));
  return account;
}

export function accountByToken(token: string): Account | undefined {
  return accounts().find((account) => account.token === token);
}

/** A reset of the demo's data: the members who joined are gone, and so are their accounts. */
export function forgetAccounts(): void {
  localStorage.removeItem(KEY);
}

/** Asks the demo's server for the session of the account with this address; undefined when there is none. */
async function signInOnServer(email: string): Promise<Account | undefined> {
  const response = await fetch('/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`The sign-in failed (${String(response.status)}). Try again.`);
  return remember((await response.json()) as Account);
}

/** The login form's lookup: the account of someone who joined, by address. */
export async function findAccount(email: string): Promise<Account | undefined> {
  if (serverBacked) return signInOnServer(email);
  return accounts().find((account) => same(account.email, email));
}

/** After an accept: Acme's account for the new member (made by the server there, here in the browser). */
export async function accountFor(member: Member): Promise<Account> {
  if (serverBacked) {
    const account = await signInOnServer(member.email);
    if (!account) throw new Error('The demo server made no account for this member.');
    return account;
  }
  const existing = accounts().find((account) => same(account.email, member.email));
  return remember({
    token: existing?.token ?? `acme-member-${member.id}`,
    name: member.name ?? member.email,
    email: member.email,
    role: member.role,
  });
}

/**
 * The mock's state with a token for each account that lacks one: an account signs in with it, a member of Acme
 * (an admin when they joined as one). Only accounts whose member the state still has are given one.
 */
export function withAccountTokens(state: MockState): MockState {
  const members = state.orgs.find((org) => org.slug === ORG)?.members ?? [];
  const missing = accounts().filter(
    (account) =>
      !state.tokens.some((t) => t.token === account.token) && members.some((m) => same(m.email, account.email)),
  );
  if (missing.length === 0) return state;
  const tokens = missing.map((account) => ({
    token: account.token,
    person: { id: `usr_${account.token}`, name: account.name, email: account.email },
    grants: { [ORG]: account.role === 'admin' ? ['member:manage'] : [] },
  }));
  return { ...state, tokens: [...state.tokens, ...tokens] };
}
