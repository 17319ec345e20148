/**
 * The ranges and invariants of a loaded state, beyond its types: a hand-edited data file with a TTL of -5 days,
 * a resend count of -10 or a duplicate member is refused at start like a corrupt one (api.md, The mock server),
 * because every rule downstream relies on them. Answers the problems found, each naming where.
 */
import { MAX_TTL_DAYS, MIN_TTL_DAYS, isUsableEmail } from '@invitekit/sdk';
import { CLOCK_MAX, MAX_FAULT_LATENCY_MS, MAX_RESENDS } from './limits.js';
import type { InvitationRecord, StoreState, OrganizationState } from './state.js';

type Report = (path: string, message: string) => void;

/** JavaScript's whole Date range: an expiry may lie a TTL past CLOCK_MAX, the clock itself may not. */
const MAX_TIME = 8.64e15;
const isTime = (ms: number) => Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME;

function checkTimes(report: Report, path: string, times: Record<string, number | null>): void {
  for (const [name, ms] of Object.entries(times)) {
    if (ms !== null && !isTime(ms)) report(`${path}.${name}`, 'not a time');
  }
}

/** Stored addresses are usable and lower-cased, as the engine stores them. */
function checkEmail(report: Report, path: string, email: string): void {
  if (!isUsableEmail(email) || email !== email.toLowerCase()) report(path, 'not a usable lower-cased address');
}

/** Reports the second and later occurrences of a key. */
function checkUnique<T>(report: Report, path: string, items: readonly T[], key: (item: T) => string, what: string) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) report(`${path}[${i}]`, `a second ${what} ${k}`);
    seen.add(k);
  });
}

function checkInvitation(report: Report, org: OrganizationState, inv: InvitationRecord, path: string): void {
  checkEmail(report, `${path}.email`, inv.email);
  const { invitedAt, expiresAt, lastSentAt, acceptedAt, declinedAt, revokedAt } = inv;
  checkTimes(report, path, { invitedAt, expiresAt, lastSentAt, acceptedAt, declinedAt, revokedAt });
  if (!(expiresAt > invitedAt)) report(`${path}.expiresAt`, 'not after invitedAt');
  if (!Number.isInteger(inv.resendCount) || inv.resendCount < 0 || inv.resendCount > MAX_RESENDS) {
    report(`${path}.resendCount`, `not a whole number from 0 to ${MAX_RESENDS}`);
  }
  if (inv.role !== null && !org.roles.includes(inv.role)) report(`${path}.role`, `not a role of ${org.slug}`);
}

/** Two invitations of one address both pending at some instant: their validity windows overlap. */
function checkOnePending(report: Report, org: OrganizationState, path: string): void {
  const byEmail = new Map<string, InvitationRecord[]>();
  for (const inv of org.invitations) {
    if (inv.state === 'pending') byEmail.set(inv.email, [...(byEmail.get(inv.email) ?? []), inv]);
  }
  for (const [email, list] of byEmail) {
    const sorted = [...list].sort((a, b) => a.invitedAt - b.invitedAt);
    let previous: InvitationRecord | undefined;
    for (const inv of sorted) {
      if (previous && inv.invitedAt < previous.expiresAt) {
        report(`${path}.invitations`, `two pending invitations for ${email} at once`);
      }
      previous = inv;
    }
  }
}

function checkOrg(report: Report, org: OrganizationState, path: string): void {
  const ttl = org.settings.invitationTtlDays;
  if (!Number.isInteger(ttl) || ttl < MIN_TTL_DAYS || ttl > MAX_TTL_DAYS) {
    report(`${path}.settings.invitationTtlDays`, `not a whole number of days from ${MIN_TTL_DAYS} to ${MAX_TTL_DAYS}`);
  }
  org.settings.allowedDomains.forEach((d, i) => {
    if (d === '' || d !== d.toLowerCase()) report(`${path}.settings.allowedDomains[${i}]`, 'not a lower-cased domain');
  });
  if (!org.roles.includes(org.defaultRole)) report(`${path}.defaultRole`, 'not one of roles');
  org.members.forEach((m, i) => {
    checkEmail(report, `${path}.members[${i}].email`, m.email);
    checkTimes(report, `${path}.members[${i}]`, { joinedAt: m.joinedAt });
  });
  checkUnique(report, `${path}.members`, org.members, (m) => m.email, 'member with the address');
  checkUnique(report, `${path}.members`, org.members, (m) => m.id, 'member with the id');
  org.invitations.forEach((inv, i) => {
    checkInvitation(report, org, inv, `${path}.invitations[${i}]`);
  });
  checkUnique(report, `${path}.invitations`, org.invitations, (inv) => inv.id, 'invitation with the id');
  checkOnePending(report, org, path);
  org.requests.forEach((r, i) => {
    checkEmail(report, `${path}.requests[${i}].email`, r.email);
    checkTimes(report, `${path}.requests[${i}]`, { requestedAt: r.requestedAt });
  });
  checkUnique(report, `${path}.requests`, org.requests, (r) => r.id, 'request with the id');
  const pendingRequests = org.requests.filter((r) => r.status === 'pending');
  checkUnique(report, `${path}.requests`, pendingRequests, (r) => r.email, 'pending request for');
}

/** Every problem of `state` beyond its types, as `path: message`; empty when the state is sound. */
export function stateProblems(state: StoreState): string[] {
  const problems: string[] = [];
  const report: Report = (path, message) => problems.push(`${path}: ${message}`);
  state.orgs.forEach((org, i) => {
    checkOrg(report, org, `orgs[${i}]`);
  });
  checkUnique(report, 'orgs', state.orgs, (o) => o.slug, 'organization');
  const codes = state.orgs.flatMap((o) =>
    o.invitations.flatMap((inv) => [inv.code, ...inv.replacedCodes.map((r) => r.code)]),
  );
  checkUnique(report, 'orgs[].invitations', codes, (c) => c, 'invitation with the code');
  checkUnique(report, 'tokens', state.tokens, (t) => t.token, 'credentials with the token');
  if (!Number.isFinite(state.clockOffsetMs) || state.clockOffsetMs < 0 || state.clockOffsetMs > CLOCK_MAX) {
    report('clockOffsetMs', 'not a number of milliseconds from 0 to the year 9999');
  }
  const { latencyMs, failureRate } = state.faults;
  if (!(latencyMs >= 0 && latencyMs <= MAX_FAULT_LATENCY_MS)) {
    report('faults.latencyMs', `not from 0 to ${MAX_FAULT_LATENCY_MS}`);
  }
  if (!(failureRate >= 0 && failureRate <= 1)) report('faults.failureRate', 'not from 0 to 1');
  state.idempotency.forEach((r, i) => {
    checkTimes(report, `idempotency[${i}]`, { at: r.at });
  });
  state.rateHits.forEach((h, i) => {
    checkTimes(report, `rateHits[${i}]`, { at: h.at });
  });
  return problems;
}
