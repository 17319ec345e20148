/**
 * The limits the SDK and the elements enforce themselves, before anything is sent (rules.md). The limits only the
 * server enforces (resend cap, rate limits, idempotency window, body size) live with the rules in
 * `@invitekit/engine`; clients read them from `settings` (`maxResends`) or from the server's answers.
 */
export const MAX_EMAILS_PER_INVITE = 100;
export const MAX_CSV_ROWS = 100;
export const MIN_TTL_DAYS = 1;
export const MAX_TTL_DAYS = 30;
export const DEFAULT_PAGE_LIMIT = 25;
export const MAX_PAGE_LIMIT = 100;
/**
 * A search's `total` counts matches up to this many; past it a page answers this number with `totalCapped: true`
 * ("1,000+"), so a broad search costs the same in any organization.
 */
export const SEARCH_TOTAL_CAP = 1000;
