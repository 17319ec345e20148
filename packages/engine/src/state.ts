/**
 * The whole mock world as plain JSON-serialisable data, so that it can be written to a file or to
 * localStorage and read back. Times are epoch milliseconds on the mock clock. Nothing here is computed:
 * an invitation's `expired` status and every `stale` flag are derived at read time (views.ts).
 */
import * as z from 'zod/mini';
import { MAX_OUTBOX_MESSAGES } from './limits.js';
import { stateProblems } from './state-checks.js';

export const STATE_VERSION = 1;

const ms = z.number();
const nullableMs = z.nullable(z.number());

export const PersonRecord = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type PersonRecord = z.infer<typeof PersonRecord>;

export const MemberRecord = z.object({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  role: z.string(),
  joinedAt: ms,
  joinedVia: z.enum(['invitation', 'sso', 'scim', 'seed']),
});
export type MemberRecord = z.infer<typeof MemberRecord>;

/** A code that a renewal replaced: it keeps answering `expired`, with the expiry it had. */
export const ReplacedCode = z.object({ code: z.string(), expiresAt: ms });
export type ReplacedCode = z.infer<typeof ReplacedCode>;

export const InvitationRecord = z.object({
  id: z.string(),
  email: z.string(),
  /** Stored state; `expired` is never stored, it is `pending` read after `expiresAt`. */
  state: z.enum(['pending', 'accepted', 'declined', 'revoked']),
  role: z.nullable(z.string()),
  invitedAt: ms,
  expiresAt: ms,
  invitedBy: z.nullable(PersonRecord),
  source: z.enum(['manual', 'bulk', 'request']),
  resendCount: z.number(),
  lastSentAt: ms,
  acceptedAt: nullableMs,
  declinedAt: nullableMs,
  revokedAt: nullableMs,
  code: z.string(),
  replacedCodes: z.array(ReplacedCode),
});
export type InvitationRecord = z.infer<typeof InvitationRecord>;

export const RequestRecord = z.object({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  message: z.nullable(z.string()),
  status: z.enum(['pending', 'approved', 'dismissed']),
  requestedAt: ms,
});
export type RequestRecord = z.infer<typeof RequestRecord>;

export const OrgSettingsRecord = z.object({
  invitationRequestsEnabled: z.boolean(),
  invitationTtlDays: z.number(),
  allowedDomains: z.array(z.string()),
});
export type OrgSettingsRecord = z.infer<typeof OrgSettingsRecord>;

export const OrganizationState = z.object({
  slug: z.string(),
  name: z.string(),
  /** The roles an invitation may name; `defaultRole` is the one an invitation without a role grants. */
  roles: z.array(z.string()),
  defaultRole: z.string(),
  settings: OrgSettingsRecord,
  members: z.array(MemberRecord),
  invitations: z.array(InvitationRecord),
  requests: z.array(RequestRecord),
});
export type OrganizationState = z.infer<typeof OrganizationState>;

/** Credentials the mock knows: a bearer token (or session cookie value) and the person holding it. */
export const TokenRecord = z.object({
  token: z.string(),
  person: PersonRecord,
  /** Organization slug → permissions there. An entry, even empty, means "a member of that organization". */
  grants: z.record(z.string(), z.array(z.string())),
});
export type TokenRecord = z.infer<typeof TokenRecord>;

export const OutboxMessage = z.object({
  to: z.string(),
  kind: z.enum(['invitation', 'resend', 'renewal']),
  org: z.string(),
  subject: z.string(),
  url: z.string(),
  code: z.string(),
  sentAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const IdempotencyRecord = z.object({
  scope: z.string(),
  body: z.string(),
  response: z.unknown(),
  at: ms,
});
export type IdempotencyRecord = z.infer<typeof IdempotencyRecord>;

export const RateHit = z.object({ key: z.string(), at: ms });
export type RateHit = z.infer<typeof RateHit>;

export const Faults = z.object({ latencyMs: z.number(), failureRate: z.number() });
export type Faults = z.infer<typeof Faults>;

export const StoreState = z.object({
  version: z.literal(STATE_VERSION),
  seed: z.enum(['default', 'empty']),
  /** The mock clock is real time plus this offset; the controls only ever move it forward. */
  clockOffsetMs: ms,
  orgs: z.array(OrganizationState),
  tokens: z.array(TokenRecord),
  outbox: z.array(OutboxMessage),
  idempotency: z.array(IdempotencyRecord),
  rateHits: z.array(RateHit),
  faults: Faults,
});
export type StoreState = z.infer<typeof StoreState>;

/**
 * Checks that `data` (read from a file or localStorage) is a state this version understands: its types, then its
 * ranges and invariants (state-checks.ts). Throws an Error naming the first problems: a corrupt or out-of-range
 * file must be a clear error, never a silent reset. An outbox longer than the bound keeps its newest messages.
 */
export function parseState(data: unknown): StoreState {
  const parsed = StoreState.safeParse(data);
  const problems = parsed.success
    ? stateProblems(parsed.data)
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (parsed.success && problems.length === 0) {
    const state = parsed.data;
    if (state.outbox.length > MAX_OUTBOX_MESSAGES) state.outbox = state.outbox.slice(-MAX_OUTBOX_MESSAGES);
    return state;
  }
  throw new Error(`Not an invitekit mock state (version ${STATE_VERSION}): ${problems.slice(0, 3).join('; ')}`);
}

/** A deep copy: snapshots handed out never alias the live state. */
export function cloneState(state: StoreState): StoreState {
  return structuredClone(state);
}
