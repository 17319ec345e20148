/**
 * The deterministic seed of api.md: the same ids, addresses, statuses and codes every time, times relative to
 * the moment of the reset. Seed codes are fixed, readable strings (listed in the README) so tests and the demo
 * can open them; every code made later is random.
 */
import { DEFAULT_TTL_DAYS, MAX_RESENDS } from './limits.js';
import {
  type InvitationRecord,
  type MemberRecord,
  type StoreState,
  type OrganizationState,
  type PersonRecord,
  STATE_VERSION,
} from './state.js';

export type SeedName = 'default' | 'empty';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const ADA: PersonRecord = { id: 'usr_ada', name: 'Ada Admin', email: 'admin@acme.test' };
export const VICTOR: PersonRecord = { id: 'usr_victor', name: 'Victor Viewer', email: 'viewer@acme.test' };
export const GINA: PersonRecord = { id: 'usr_gina', name: 'Gina Globex', email: 'admin@globex.test' };

/** The fixed seed codes, by the invitation they belong to. */
export const SEED_CODES = {
  jane: 'seed-pending-jane-0000000000000001',
  omar: 'seed-pending-omar-0000000000000002',
  priya: 'seed-pending-priya-000000000000003',
  sam: 'seed-stale-sam-000000000000000004',
  ren: 'seed-pending-ren-0000000000000005',
  kim: 'seed-expired-kim-0000000000000006',
  lee: 'seed-revoked-lee-0000000000000007',
  grace: 'seed-accepted-grace-0000000000008',
  dan: 'seed-declined-dan-000000000000009',
  hank: 'seed-globex-hank-0000000000000010',
} as const;

function org(slug: string, name: string, roles: string[], requestsEnabled: boolean): OrganizationState {
  return {
    slug,
    name,
    roles,
    defaultRole: 'member',
    settings: { invitationRequestsEnabled: requestsEnabled, invitationTtlDays: DEFAULT_TTL_DAYS, allowedDomains: [] },
    members: [],
    invitations: [],
    requests: [],
  };
}

function invitation(
  now: number,
  id: string,
  email: string,
  code: string,
  sentAgo: number,
  extra: Partial<InvitationRecord> = {},
): InvitationRecord {
  const invitedAt = now - sentAgo;
  return {
    id,
    email,
    state: 'pending',
    role: null,
    invitedAt,
    expiresAt: invitedAt + DEFAULT_TTL_DAYS * DAY,
    invitedBy: ADA,
    source: 'manual',
    resendCount: 0,
    lastSentAt: invitedAt,
    acceptedAt: null,
    declinedAt: null,
    revokedAt: null,
    code,
    replacedCodes: [],
    ...extra,
  };
}

function member(
  id: string,
  email: string,
  name: string | null,
  role: string,
  joinedAt: number,
  joinedVia: MemberRecord['joinedVia'],
): MemberRecord {
  return { id, email, name, role, joinedAt, joinedVia };
}

/** The sample data of the default seed, besides the token holders every seed has. */
function seedAcme(acme: OrganizationState, now: number): void {
  acme.members.push(
    member('mem_linus', 'linus@acme.test', 'Linus Ledger', 'billing', now - 200 * DAY, 'seed'),
    member('mem_margaret', 'margaret@acme.test', 'Margaret Hamilton', 'member', now - 100 * DAY, 'seed'),
    member('mem_grace', 'grace@acme.test', 'Grace Hopper', 'member', now - 19 * DAY, 'invitation'),
    member('mem_sam', 'sam@acme.test', 'Sam Single-Sign-On', 'member', now - 2 * HOUR, 'sso'),
    member('mem_tom', 'tom@acme.test', 'Tom Provisioned', 'member', now - 3 * HOUR, 'scim'),
  );
  const c = SEED_CODES;
  acme.invitations.push(
    invitation(now, 'inv_jane', 'jane@example.com', c.jane, 1 * DAY),
    invitation(now, 'inv_omar', 'omar@example.com', c.omar, 2 * DAY, {
      role: 'admin',
      resendCount: MAX_RESENDS,
      lastSentAt: now - 1 * DAY,
    }),
    // Expires one hour after the reset: a clock control away from turning expired.
    invitation(now, 'inv_priya', 'priya@example.com', c.priya, 7 * DAY - HOUR, {
      role: 'billing',
      source: 'bulk',
      resendCount: 1,
      lastSentAt: now - 2 * DAY,
    }),
    // Stale: sam@acme.test joined through SSO after being invited.
    invitation(now, 'inv_sam', 'sam@acme.test', c.sam, 3 * DAY),
    invitation(now, 'inv_ren', 'ren@example.com', c.ren, 4 * DAY, { source: 'request' }),
    invitation(now, 'inv_kim', 'kim@example.com', c.kim, 10 * DAY, { resendCount: 2, lastSentAt: now - 8 * DAY }),
    invitation(now, 'inv_lee', 'lee@example.com', c.lee, 5 * DAY, { state: 'revoked', revokedAt: now - 4 * DAY }),
    invitation(now, 'inv_grace', 'grace@acme.test', c.grace, 20 * DAY, {
      state: 'accepted',
      acceptedAt: now - 19 * DAY,
    }),
    invitation(now, 'inv_dan', 'dan@example.com', c.dan, 3 * DAY, { state: 'declined', declinedAt: now - 2 * DAY }),
  );
  acme.requests.push(
    {
      id: 'req_nora',
      email: 'nora@example.com',
      name: 'Nora Newcomer',
      message: 'I joined the design team this week.',
      status: 'pending',
      requestedAt: now - 2 * HOUR,
    },
    // Stale: tom@acme.test asked, then was provisioned through SCIM.
    {
      id: 'req_tom',
      email: 'tom@acme.test',
      name: 'Tom Provisioned',
      message: null,
      status: 'pending',
      requestedAt: now - 1 * DAY,
    },
    {
      id: 'req_ivan',
      email: 'ivan@example.com',
      name: null,
      message: null,
      status: 'pending',
      requestedAt: now - 2 * DAY,
    },
    {
      id: 'req_ren',
      email: 'ren@example.com',
      name: 'Ren',
      message: null,
      status: 'approved',
      requestedAt: now - 5 * DAY,
    },
    {
      id: 'req_zoe',
      email: 'zoe@example.com',
      name: 'Zoe',
      message: 'Please?',
      status: 'dismissed',
      requestedAt: now - 6 * DAY,
    },
  );
}

/** A fresh state: the two organizations, their tokens and token holders, and for `default` the sample data. */
export function seedState(now: number, seed: SeedName = 'default'): StoreState {
  const acme = org('acme', 'Acme Inc.', ['admin', 'member', 'billing'], true);
  const globex = org('globex', 'Globex', ['admin', 'member'], false);
  acme.members.push(
    member('mem_ada', ADA.email, ADA.name, 'admin', now - 400 * DAY, 'seed'),
    member('mem_victor', VICTOR.email, VICTOR.name, 'member', now - 300 * DAY, 'seed'),
  );
  globex.members.push(member('mem_gina', GINA.email, GINA.name, 'admin', now - 500 * DAY, 'seed'));
  if (seed === 'default') {
    seedAcme(acme, now);
    globex.invitations.push(
      invitation(now, 'inv_hank', 'hank@example.com', SEED_CODES.hank, 2 * DAY, { invitedBy: GINA }),
    );
  }
  return {
    version: STATE_VERSION,
    seed,
    clockOffsetMs: 0,
    orgs: [acme, globex],
    tokens: [
      { token: 'acme-admin', person: { ...ADA }, grants: { acme: ['member:manage'] } },
      { token: 'acme-viewer', person: { ...VICTOR }, grants: { acme: [] } },
      { token: 'globex-admin', person: { ...GINA }, grants: { globex: ['member:manage'] } },
    ],
    outbox: [],
    idempotency: [],
    rateHits: [],
    faults: { latencyMs: 0, failureRate: 0 },
  };
}
