/**
 * Every operation of the HTTP contract (api.md) as the benchmark drives it. `i` counts the operation's requests
 * (0 is the one whose statements are counted, then the load): reads pick among the seeded invitations, writes
 * each take records of their own, so a request never finds its record already used.
 */
import { SEEDED_REQUESTS, benchCode, benchId, benchRequestId, firstExpired } from './seed.js';

export interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: (i: number) => string;
  body?: (i: number) => unknown;
  headers?: (i: number) => Record<string, string>;
  /** Sent with the acme admin's dev token. */
  admin: boolean;
  expect: number;
  /** Writes that use up records run this many requests; reads run for the set duration. */
  amount?: number;
  connections?: number;
  /** Whether its cost should not grow with the organization (the export is every row by definition). */
  flat: boolean;
}

const ORG = '/api/orgs/acme';
/** Requests per write operation and run; 3 runs and the counted one fit the 110-wide partitions below. */
export const WRITES = 30;

export function operations(size: number): Operation[] {
  const readsFrom = 441;
  const readsTo = firstExpired(size) - 1;
  const pick = (i: number) => readsFrom + ((i * 7919) % (readsTo - readsFrom));
  const own = (first: number) => (i: number) => first + i;
  const accept = own(1);
  const decline = own(111);
  const revoke = own(221);
  const resend = own(331);
  const renew = (i: number) => size - i;
  const fresh = (i: number, k: number) => `new-${String(i)}-${String(k)}@fresh.test`;
  if (readsTo - readsFrom < 100 || size - firstExpired(size) < WRITES) {
    throw new Error(`the benchmark needs at least 1,000 invitations, not ${String(size)}`);
  }
  const read = (name: string, path: (i: number) => string, admin = true): Operation => ({
    name,
    method: 'GET',
    path,
    admin,
    expect: 200,
    flat: true,
  });
  const write = (name: string, path: (i: number) => string, extra: Partial<Operation> = {}): Operation => ({
    name,
    method: 'POST',
    path,
    admin: true,
    expect: 200,
    amount: WRITES,
    flat: true,
    ...extra,
  });
  const requests = SEEDED_REQUESTS / 2;
  return [
    read('list', () => `${ORG}/invitations?limit=25`),
    read('list by status', () => `${ORG}/invitations?limit=25&sort=status&order=asc`),
    read('list by email', () => `${ORG}/invitations?limit=25&sort=email&order=asc`),
    read('search, one address', (i) => `${ORG}/invitations?limit=25&q=user${String(pick(i))}%40`),
    read('search, broad', () => `${ORG}/invitations?limit=25&q=bench`),
    read('invitation', (i) => `${ORG}/invitations/${benchId(pick(i))}`),
    read('link', (i) => `${ORG}/invitations/${benchId(pick(i))}/link`),
    read('members', () => `${ORG}/members?limit=25`),
    read('requests', () => `${ORG}/invitation-requests?limit=25`),
    read('settings', () => `${ORG}/settings`),
    read('access (public)', () => `${ORG}/access`, false),
    read('lookup (public)', (i) => `/api/invites/${benchCode(pick(i))}`, false),
    {
      ...write('invite preview, 100', () => `${ORG}/invitations`),
      body: (i) => ({ dryRun: true, emails: Array.from({ length: 100 }, (_, k) => fresh(i, k)) }),
      amount: undefined,
    },
    { ...write('invite 1', () => `${ORG}/invitations`), body: (i) => ({ emails: [`one-${String(i)}@fresh.test`] }) },
    {
      ...write('invite 100', () => `${ORG}/invitations`),
      body: (i) => ({ emails: Array.from({ length: 100 }, (_, k) => fresh(i, k)) }),
      amount: 15,
    },
    write('resend', (i) => `${ORG}/invitations/${benchId(resend(i))}/resend`),
    write('renew', (i) => `${ORG}/invitations/${benchId(renew(i))}/renew`),
    write('revoke', (i) => `${ORG}/invitations/${benchId(revoke(i))}/revoke`),
    write('revoke stale', () => `${ORG}/invitations/revoke-stale`),
    write('accept (public)', (i) => `/api/invites/${benchCode(accept(i))}/accept`, { admin: false }),
    write('decline (public)', (i) => `/api/invites/${benchCode(decline(i))}/decline`, { admin: false }),
    {
      ...write('request form (public)', () => `${ORG}/invitation-requests`, { admin: false, expect: 202 }),
      body: (i) => ({ email: `asker-new-${String(i)}@fresh.test`, name: 'New Asker' }),
      // Its limit per client address: each request comes from an address of its own.
      headers: (i) => ({ 'x-forwarded-for': `10.0.${String(Math.floor(i / 250))}.${String(i % 250)}` }),
      amount: 9,
    },
    write('approve', (i) => `${ORG}/invitation-requests/${benchRequestId(1 + i)}/approve`),
    write('dismiss', (i) => `${ORG}/invitation-requests/${benchRequestId(1 + requests + i)}/dismiss`),
    write('dismiss stale', () => `${ORG}/invitation-requests/dismiss-stale`),
    {
      ...write('settings change', () => `${ORG}/settings`),
      method: 'PATCH',
      body: (i) => ({ invitationTtlDays: 7 + (i % 2) }),
    },
    { ...read('export (every row)', () => `${ORG}/invitations/export.csv`), amount: 3, connections: 1, flat: false },
  ];
}
