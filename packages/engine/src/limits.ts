/**
 * The limits the server enforces (rules.md, Lifecycle, Inviting and Abuse limits), one constant each. They live
 * with the rules, not in the client SDK: clients read them from `settings` (`maxResends`) or learn them from the
 * server's answers (`rate_limited` with Retry-After, `payload_too_large`). The seed, the OpenAPI text and the
 * tests use these names, never the numbers. Limits the SDK itself enforces before sending (100 addresses per
 * request, 100 CSV rows, page sizes, the TTL range of a settings change) stay in `@invitekit/sdk`.
 */

/** Resends of one code; `resendsRemaining` = this − `resendCount`; one more is `resend_limit_reached`. */
export const MAX_RESENDS = 3;

/** The invitation lifetime of a new organization, in days (`invitationTtlDays`, changeable from 1 to 30). */
export const DEFAULT_TTL_DAYS = 7;

/** An Idempotency-Key's first answer is kept, and replayed, for this long. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

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
