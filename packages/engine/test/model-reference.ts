/**
 * A reference model of rules.md for the model-based test: plain records, and for each operation of model-ops.ts
 * what the engine must answer (which refusals are acceptable, or what a success must say) and how the world
 * changes. Ids and codes are random, so the model learns them from the engine's answer and snapshot; everything
 * else it predicts. Where rules.md leaves the order of two refusals open, either is accepted.
 */
import assert from 'node:assert/strict';
import {
  type CreateInvitationsResult,
  MAX_EMAILS_PER_INVITE,
  type SkippedAddress,
  normalizeEmail,
} from '@invitekit/sdk';
import type { ControlledEngine, StoreState } from '../src/index.js';
import {
  IDEMPOTENCY_WINDOW_MS,
  MAX_OUTBOX_MESSAGES,
  RATE_WINDOW_MS,
  REQUESTS_PER_ADDRESS_PER_HOUR,
  REQUESTS_PER_CLIENT_PER_HOUR,
} from '../src/limits.js';
import { USABLE } from './model-ops.js';

export const DAY = 24 * 60 * 60 * 1000;
export const USABLE_SET: ReadonlySet<string> = new Set(USABLE.map(normalizeEmail));

export type StoredState = 'pending' | 'accepted' | 'declined' | 'revoked';
export type Status = StoredState | 'expired';

export interface MInvitation {
  id: string;
  email: string;
  state: StoredState;
  role: string | null;
  invitedAt: number;
  expiresAt: number;
  lastSentAt: number;
  resendCount: number;
  code: string;
  replaced: { code: string; expiresAt: number }[];
  invitedBy: string | null;
  revokedAt: number | null;
}

export interface MOrg {
  slug: string;
  name: string;
  roles: string[];
  defaultRole: string;
  ttlDays: number;
  allowedDomains: string[];
  requestsEnabled: boolean;
  /** Member email → role. */
  members: Map<string, string>;
  invitations: MInvitation[];
  requests: { id: string; email: string; status: 'pending' | 'approved' | 'dismissed' }[];
}

export interface MMessage {
  to: string;
  kind: 'invitation' | 'resend' | 'renewal';
  org: string;
  code: string;
}

interface IdempotencyEntry {
  scope: string;
  canonical: string;
  body: Record<string, unknown>;
  response: unknown;
  at: number;
}

export interface Model {
  now: number;
  orgs: Map<string, MOrg>;
  /** Credentials → the holder's email and their permissions by organization. */
  tokens: Map<string, { email: string; grants: Record<string, string[]> }>;
  outbox: MMessage[];
  idempotency: IdempotencyEntry[];
  /** Accepted request submissions, by rate-limit key. */
  hits: { key: string; at: number }[];
}

export function modelFrom(state: StoreState, now: number): Model {
  const orgs = new Map<string, MOrg>();
  for (const org of state.orgs) {
    orgs.set(org.slug, {
      slug: org.slug,
      name: org.name,
      roles: [...org.roles],
      defaultRole: org.defaultRole,
      ttlDays: org.settings.invitationTtlDays,
      allowedDomains: [...org.settings.allowedDomains],
      requestsEnabled: org.settings.invitationRequestsEnabled,
      members: new Map(org.members.map((m) => [m.email, m.role])),
      invitations: org.invitations.map((inv) => ({
        id: inv.id,
        email: inv.email,
        state: inv.state,
        role: inv.role,
        invitedAt: inv.invitedAt,
        expiresAt: inv.expiresAt,
        lastSentAt: inv.lastSentAt,
        resendCount: inv.resendCount,
        code: inv.code,
        replaced: inv.replacedCodes.map((r) => ({ ...r })),
        invitedBy: inv.invitedBy?.email ?? null,
        revokedAt: inv.revokedAt,
      })),
      requests: org.requests.map((r) => ({ id: r.id, email: r.email, status: r.status })),
    });
  }
  const tokens = new Map(
    state.tokens.map((t) => [t.token, { email: t.person.email, grants: structuredClone(t.grants) }] as const),
  );
  return { now, orgs, tokens, outbox: [], idempotency: [], hits: [] };
}

export function statusOf(inv: MInvitation, now: number): Status {
  return inv.state === 'pending' && now >= inv.expiresAt ? 'expired' : inv.state;
}

export function orgOf(model: Model, slug: string): MOrg {
  const org = model.orgs.get(slug);
  assert.ok(org, `the model has no organization ${slug}`);
  return org;
}

export function pendingFor(org: MOrg, email: string, now: number): MInvitation | undefined {
  return org.invitations.find((i) => i.email === email && statusOf(i, now) === 'pending');
}

export function isStale(org: MOrg, inv: MInvitation, now: number): boolean {
  return statusOf(inv, now) === 'pending' && org.members.has(inv.email);
}

/** rules.md, Permission: 401 for unknown credentials, 404 for another tenant, 403 without member:manage. */
export function authError(model: Model, cred: string | null, slug: string): string | null {
  const token = cred === null ? undefined : model.tokens.get(cred);
  if (!token) return 'unauthenticated';
  const grants = token.grants[slug];
  if (!model.orgs.has(slug) || !grants) return 'not_found';
  return grants.includes('member:manage') ? null : 'forbidden';
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `j***@example.com`: the first user-perceived character, then the domain (rules.md, Looking a code up). */
export function masked(email: string): string {
  const [first] = new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(email);
  return `${first?.segment ?? ''}***${email.slice(email.lastIndexOf('@'))}`;
}

/** JSON with sorted keys: the same body whatever the order of its fields. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function idempotencyScope(slug: string, cred: string | null, key: string): string {
  return JSON.stringify([slug, cred, key]);
}

/** The fresh (under 24 hours) record of an Idempotency-Key scope, if any. */
export function idempotencyRecord(model: Model, scope: string): IdempotencyEntry | undefined {
  return model.idempotency.find((r) => r.scope === scope && model.now - r.at < IDEMPOTENCY_WINDOW_MS);
}

export function rememberIdempotent(model: Model, scope: string, body: Record<string, unknown>, response: unknown) {
  model.idempotency = model.idempotency.filter((r) => r.scope !== scope);
  model.idempotency.push({
    scope,
    canonical: canonical(body),
    body,
    response: structuredClone(response),
    at: model.now,
  });
}

/** The body a request with a used key sends again: the first body, its fields in reverse order. */
export function previousBody(model: Model, scope: string): Record<string, unknown> | undefined {
  const entry = model.idempotency.find((r) => r.scope === scope);
  return entry && Object.fromEntries(Object.entries(entry.body).reverse());
}

export interface AddressPlan {
  send: string[];
  skipped: SkippedAddress[];
}

/** rules.md, Inviting: each address sent or skipped with the first reason that applies, in request order. */
export function planAddresses(org: MOrg, emails: readonly string[], now: number): AddressPlan {
  const plan: AddressPlan = { send: [], skipped: [] };
  const seen = new Set<string>();
  for (const given of emails) {
    const trimmed = given.trim();
    const email = normalizeEmail(trimmed);
    const pending = pendingFor(org, email, now);
    if (!USABLE_SET.has(email)) plan.skipped.push({ email: trimmed, reason: 'invalid_email' });
    else if (seen.has(email)) plan.skipped.push({ email: trimmed, reason: 'duplicate' });
    else if (org.members.has(email)) plan.skipped.push({ email: trimmed, reason: 'already_member' });
    else if (pending) plan.skipped.push({ email: trimmed, reason: 'already_invited', invitationId: pending.id });
    else if (!domainAllowed(org, email)) plan.skipped.push({ email: trimmed, reason: 'domain_not_allowed' });
    else plan.send.push(email);
    seen.add(email);
  }
  return plan;
}

export function domainAllowed(org: MOrg, email: string): boolean {
  return org.allowedDomains.length === 0 || org.allowedDomains.includes(email.slice(email.lastIndexOf('@') + 1));
}

/** The refusals an invite body earns before any address is looked at. */
export function inviteBodyProblems(org: MOrg, body: { emails: string[]; role?: string }): string[] {
  const problems: string[] = [];
  if (body.emails.length === 0) problems.push('invalid_request');
  if (body.emails.length > MAX_EMAILS_PER_INVITE) problems.push('too_many_emails');
  if (body.role !== undefined && !org.roles.includes(body.role)) problems.push('invalid_request');
  return problems;
}

/** The code as stored after the operation: the model learns new codes here, then checks them everywhere. */
export function storedCode(after: StoreState, id: string): string {
  const inv = after.orgs.flatMap((o) => o.invitations).find((i) => i.id === id);
  assert.ok(inv, `invitation ${id} is not stored`);
  return inv.code;
}

/** Adds a newly sent invitation to the model, with its message in the outbox. */
export function addInvitation(
  model: Model,
  org: MOrg,
  init: { id: string; email: string; role: string | null; code: string; invitedBy: string },
): void {
  assert.ok(!allCodes(model).includes(init.code), `the new code of ${init.id} was used before (${init.code})`);
  org.invitations.push({
    ...init,
    state: 'pending',
    invitedAt: model.now,
    expiresAt: model.now + org.ttlDays * DAY,
    lastSentAt: model.now,
    resendCount: 0,
    replaced: [],
    revokedAt: null,
  });
  for (const req of org.requests) if (req.email === init.email && req.status === 'pending') req.status = 'approved';
  send(model, { to: init.email, kind: 'invitation', org: org.slug, code: init.code });
}

/** A message into the outbox, which keeps the newest MAX_OUTBOX_MESSAGES only. */
export function send(model: Model, message: MMessage): void {
  model.outbox.push(message);
  if (model.outbox.length > MAX_OUTBOX_MESSAGES) model.outbox.splice(0, model.outbox.length - MAX_OUTBOX_MESSAGES);
}

/** Every code ever issued, current and replaced. */
export function allCodes(model: Model): string[] {
  return [...model.orgs.values()].flatMap((o) =>
    o.invitations.flatMap((i) => [i.code, ...i.replaced.map((r) => r.code)]),
  );
}

export function tokenEmail(model: Model, cred: string | null): string {
  const token = cred === null ? undefined : model.tokens.get(cred);
  assert.ok(token, `unknown credentials ${String(cred)}`);
  return token.email;
}

/** Whether the submission limits of rules.md (per address per organization, per client) are used up. */
export function rateLimited(model: Model, keys: { key: string; max: number }[]): boolean {
  return keys.some(
    ({ key, max }) => model.hits.filter((h) => h.key === key && model.now - h.at < RATE_WINDOW_MS).length >= max,
  );
}

export function submissionKeys(slug: string, email: string, remote: string) {
  return [
    { key: `address:${slug}:${email}`, max: REQUESTS_PER_ADDRESS_PER_HOUR },
    { key: `client:${remote}`, max: REQUESTS_PER_CLIENT_PER_HOUR },
  ];
}

export type InviteAnswer = CreateInvitationsResult;

export type Call = (engine: ControlledEngine) => unknown;
export interface Step {
  call: Call;
  /** The refusals that may answer; empty when the operation must succeed. */
  refuse: string[];
  /** Checks a successful answer against the model and moves the model along. */
  accept: (value: unknown, after: StoreState) => void;
  /** A success that must leave the state as it was: a read, a dry run, a replay, a repeated revoke. */
  changesNothing: boolean;
  /** Names a kind of success worth counting apart (`replay`, `dry run`). */
  label?: string;
}

export const refusal = (call: Call, ...codes: string[]): Step => ({
  call,
  refuse: codes,
  accept: () => assert.fail('a refusal was expected'),
  changesNothing: true,
});
export const success = (call: Call, accept: Step['accept'], changesNothing = false): Step => ({
  call,
  refuse: [],
  accept,
  changesNothing,
});

/** The invitation `pick` names among all of them (both organizations), or an id that does not exist. */
export function pickInvitation(model: Model, pick: number): { id: string; org?: MOrg; inv?: MInvitation } {
  const all = [...model.orgs.values()].flatMap((org) => org.invitations.map((inv) => ({ org, inv, id: inv.id })));
  return all[pick % (all.length + 1)] ?? { id: 'inv_missing' };
}
