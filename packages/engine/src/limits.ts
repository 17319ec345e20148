/**
 * The limits only the server's workings need (rules.md, Lifecycle, Inviting and Abuse limits), one constant each.
 * Clients learn them from the answers (`rate_limited` with Retry-After, `payload_too_large`). The published ones
 * (addresses per invite, resends, the idempotency window, page sizes, TTL range) live in `@invitekit/sdk`; they
 * are re-exported here so the rules name every limit from one module.
 */
export { IDEMPOTENCY_WINDOW_MS, MAX_RESENDS } from '@invitekit/sdk/limits';

/** The invitation lifetime of a new organization, in days (`invitationTtlDays`, changeable from 1 to 30). */
export const DEFAULT_TTL_DAYS = 7;

/** Public request submissions are counted in a sliding window of this length. */
export const RATE_WINDOW_MS = 60 * 60 * 1000;
/** Accepted submissions per address per organization in one window. */
export const REQUESTS_PER_ADDRESS_PER_HOUR = 5;
/** Accepted submissions per client (remote address), across organizations, in one window. */
export const REQUESTS_PER_CLIENT_PER_HOUR = 30;

/** Request bodies larger than this answer `payload_too_large` (413). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The latest time the mock clock may show. Past it, times no longer print as the four-digit-year ISO strings of
 * api.md (and past year 275760 not at all), which would break every later answer, and a saved state with them.
 */
export const CLOCK_MAX = Date.parse('9999-12-31T23:59:59.999Z');

/** The mock's injected latency (`/__mock/faults`) is at most this; a failure rate is between 0 and 1. */
export const MAX_FAULT_LATENCY_MS = 60_000;

/** The mock keeps the most recent messages of its outbox only, so that its state (and data file) stays bounded. */
export const MAX_OUTBOX_MESSAGES = 1000;
