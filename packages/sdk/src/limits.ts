/** The fixed limits of rules.md, shared by the SDK, the mock server and the elements. */
export const MAX_RESENDS = 3;
export const MAX_EMAILS_PER_INVITE = 100;
export const MAX_CSV_ROWS = 100;
export const DEFAULT_TTL_DAYS = 7;
export const MIN_TTL_DAYS = 1;
export const MAX_TTL_DAYS = 30;
export const DEFAULT_PAGE_LIMIT = 25;
export const MAX_PAGE_LIMIT = 100;
/** Request bodies larger than this answer `payload_too_large` (413). */
export const MAX_BODY_BYTES = 64 * 1024;
/** Idempotency records are kept (and replayed) for this long. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Public request submissions: per address per organization, and per client, in a sliding hour. */
export const REQUESTS_PER_ADDRESS_PER_HOUR = 5;
export const REQUESTS_PER_CLIENT_PER_HOUR = 30;
export const RATE_WINDOW_MS = 60 * 60 * 1000;
