/**
 * The CSV export (rules.md, Export): the list's filter and order, RFC 4180 escaping, and formula neutralising so
 * that no spreadsheet runs a field as a formula.
 *
 * It streams (server.md, Operating it): the rows are read in keyset pages of the list's own order (its indexes),
 * each page a read of its own (no transaction is held across pages), and written as they come, so an export of any size holds one page.
 * Page by page rather than one snapshot: a transaction held open for the whole download would hold PGlite's only
 * connection (every other request waiting) and, on PostgreSQL, run into the idle-in-transaction and statement
 * timeouts whenever the client reads slowly. Every page is computed at the instant of the first, so statuses agree
 * across pages; keyset positions never repeat or skip an invitation that does not change meanwhile. One changed
 * during the download shows as it was when its page was read, and one whose sort value changed (a renewal under
 * the `expiresAt` sort, a status change under the `status` sort) may show twice or not at all.
 */
import type { Actor } from './auth.js';
import type { Ctx } from './context.js';
import { iso } from './context.js';
import { exportQuery, positionOf } from './listing.js';
import type { InvitationRecord } from './state.js';
import type { InvitationListQuery, KeysetPosition } from './store.js';
import { invitationStatus } from './views.js';

export const EXPORT_HEADER = ['email', 'status', 'role', 'invited_at', 'expires_at', 'invited_by', 'resend_count'];

/** Invitations read per page: about 100 KB of CSV, a few hundred KB of records at a time. */
export const EXPORT_PAGE_SIZE = 1000;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` to a field a spreadsheet would read as a formula, then quotes it per RFC 4180 where needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line with its CRLF (RFC 4180). */
function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** What the first transaction of an export settles: who may, what is exported, and its first page. */
export interface ExportStart {
  slug: string;
  defaultRole: string;
  /** The list query every page reads, `limit` being the page size; `after` moves on page by page. */
  query: InvitationListQuery;
  first: InvitationRecord[];
}

/** Checks the admin and the query, and reads the first page: all that can be refused before the status line. */
export async function startExport(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  rawQuery: unknown,
  pageSize: number,
): Promise<ExportStart> {
  const { org, query } = await exportQuery(ctx, actor, slug, rawQuery);
  const paged = { ...query, after: null, limit: pageSize };
  const first = await ctx.tx.listInvitations(slug, paged);
  return { slug, defaultRole: org.defaultRole, query: paged, first: first.items };
}

function rowOf(inv: InvitationRecord, start: ExportStart): string {
  return csvLine([
    inv.email,
    invitationStatus(inv, start.query.now),
    // The role the invitee gets: an invitation without one grants the organization's default role.
    inv.role ?? start.defaultRole,
    iso(inv.invitedAt),
    iso(inv.expiresAt),
    inv.invitedBy?.email ?? '',
    String(inv.resendCount),
  ]);
}

/**
 * The export as text chunks: the header line, then one chunk per page. `readPage` reads the page after a
 * position (in a transaction of its own); it is called only when the consumer asks for more, so a consumer that
 * stops (a client gone) stops the reads.
 */
export async function* csvChunks(
  start: ExportStart,
  readPage: (after: KeysetPosition) => Promise<InvitationRecord[]>,
): AsyncGenerator<string, void, undefined> {
  yield csvLine(EXPORT_HEADER);
  const limit = start.query.limit ?? EXPORT_PAGE_SIZE;
  let items = start.first;
  for (;;) {
    if (items.length > 0) yield items.map((inv) => rowOf(inv, start)).join('');
    const last = items.at(-1);
    if (items.length < limit || last === undefined) return;
    items = await readPage(positionOf(start.query, last));
  }
}

/** The whole export as one string (tests and scripts; the HTTP route streams the chunks). */
export async function csvText(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
