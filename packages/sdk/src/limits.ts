/**
 * The published limits (rules.md): those the SDK and the elements enforce themselves before anything is sent, and
 * those of the server that the contract states (the OpenAPI text and `settings.maxResends` tell clients about
 * them). Limits only the server's workings need (rate windows, body size) live with the rules in
 * `@invitekit/engine`.
 */
export const MAX_EMAILS_PER_INVITE = 100;
export const MAX_CSV_ROWS = 100;
export const MIN_TTL_DAYS = 1;
export const MAX_TTL_DAYS = 30;
export const DEFAULT_PAGE_LIMIT = 25;
export const MAX_PAGE_LIMIT = 100;

/** Resends of one code; `resendsRemaining` = this − `resendCount`; one more is `resend_limit_reached`. */
export const MAX_RESENDS = 3;

/** An Idempotency-Key's first answer is kept, and replayed, for this long. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A search's `total` counts matches up to this many; past it a page answers this number with `totalCapped: true`
 * ("1,000+"), so a broad search costs the same in any organization.
 */
export const SEARCH_TOTAL_CAP = 1000;
