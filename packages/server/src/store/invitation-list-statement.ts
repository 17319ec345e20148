/**
 * The invitation list's one statement, each part on an index (migration 0002), so a page costs the same at a
 * thousand invitations as at a million:
 * - Rows: a status is a range of stored state (and, for pending and expired, of `expires_at` against now), so the
 *   list is at most five ranges. Each range reads its first `limit` rows from an index in (sort value, id) order
 *   (`org, state, <column>, id`; for the status sort `org, state, id`, the status being constant within a range);
 *   the ranges are merged and cut to `limit`. No CASE to sort by, no scan of the organization.
 * - Total: the trigger-kept counts per stored state; only a lone `pending` or `expired` filter counts the
 *   expired rows (an index range). A search counts its matches up to SEARCH_TOTAL_CAP + 1 and stops there: the
 *   engine answers the cap with `totalCapped`.
 * - Members: whether each address belongs to a member (the rows' stale flags), so the engine's lookup that follows
 *   is answered without another statement (tx.ts).
 * - The organization's row, so that the engine's check that it exists, made after the page (auth.ts, `asAdmin`),
 *   costs no statement either: a list page is one round trip.
 *
 * Its text depends on the query's {@link ListShape} only; everything else is a {@link ListValues} parameter, so
 * it is built once per shape (statement-cache.ts).
 */
import type { InvitationListQuery } from '@invitekit/engine';
import { type InvitationSort, type InvitationStatus, SEARCH_TOTAL_CAP } from '@invitekit/sdk';
import { type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database, InvitationsTable } from '../db/schema.js';
import { containsPattern, replacedCodesOf } from './invitations.js';
import { organizationJson } from './lists.js';
import { toDate } from './rows.js';

type Db = Kysely<Database>;
type InvitationsEb = ExpressionBuilder<Database, 'invitations'>;

/** What the statement's text depends on. */
export interface ListShape {
  /** Distinct, in code-point order. */
  statuses: InvitationStatus[];
  sort: InvitationSort;
  order: 'asc' | 'desc';
  search: boolean;
  /** Whether the page starts after a position; in the status sort, the status of that position. */
  after: false | true | InvitationStatus;
  limited: boolean;
}

/** The statement's parameters (unused ones are left empty). */
export interface ListValues extends Record<string, unknown> {
  org: string;
  now: Date;
  /** The search as a LIKE pattern. */
  pattern: string;
  /** The position's sort value (a time as a Date) and id. */
  afterKey: string | Date;
  afterId: string;
  limit: number;
}

export function shapeOf(query: InvitationListQuery): ListShape {
  const after = query.after === null ? false : query.sort === 'status' ? (query.after.key as InvitationStatus) : true;
  return {
    statuses: [...new Set(query.statuses)].sort(),
    sort: query.sort,
    order: query.order,
    search: query.q !== '',
    after,
    limited: query.limit !== null,
  };
}

export function valuesOf(org: string, query: InvitationListQuery): ListValues {
  const key = query.after?.key ?? '';
  return {
    org,
    now: toDate(query.now),
    pattern: query.q === '' ? '' : containsPattern(query.q),
    afterKey: typeof key === 'number' ? toDate(key) : key,
    afterId: query.after?.id ?? '',
    limit: query.limit ?? 0,
  };
}

/** One status range: the stored rows it covers and, for the status sort, the status it shows. */
interface Range {
  status: string;
  where: (eb: InvitationsEb) => Expression<SqlBool>;
}

const STORED_ONLY = ['accepted', 'declined', 'revoked'] as const;
const COLUMN = { email: 'email', invitedAt: 'invited_at', expiresAt: 'expires_at' } as const;

function ranges(shape: ListShape, v: ListValues): Range[] {
  const want = new Set<InvitationStatus>(shape.statuses);
  const pending: Range = {
    status: 'pending',
    where: (eb) => eb.and([eb('state', '=', 'pending'), eb('expires_at', '>', v.now)]),
  };
  const expired: Range = {
    status: 'expired',
    where: (eb) => eb.and([eb('state', '=', 'pending'), eb('expires_at', '<=', v.now)]),
  };
  const list: Range[] = STORED_ONLY.filter((s) => want.has(s)).map((s) => ({
    status: s,
    where: (eb) => eb('state', '=', s),
  }));
  if (want.has('pending') && want.has('expired') && shape.sort !== 'status') {
    list.push({ status: 'pending', where: (eb) => eb('state', '=', 'pending') });
  } else {
    if (want.has('pending')) list.push(pending);
    if (want.has('expired')) list.push(expired);
  }
  // Status names compare by code point (ASCII here), the order the status sort shows them in.
  return list.sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

/**
 * Where a page's rows come from: the table through its indexes, or a search's matches (at most
 * SEARCH_TOTAL_CAP + 1 rows, read once by the statement's `matches`, already filtered by the search).
 */
type Source = 'invitations' | 'matches';

/** The rows of one range after the position, in the list's order, at most `limit` of them. */
function rangeRows(db: Db, shape: ListShape, v: ListValues, range: Range, rank: number, source: Source) {
  const direction = shape.order;
  const comparison = sql.raw(shape.order === 'asc' ? '>' : '<');
  let rows = db
    .withTables<{ matches: InvitationsTable }>()
    .selectFrom(`${source} as invitations`)
    .selectAll('invitations')
    .select(sql.lit(rank).as('rank'))
    .where('org', '=', v.org)
    .where(range.where);
  if (shape.search && source === 'invitations') rows = rows.where('email', 'like', v.pattern);
  if (shape.sort === 'status') {
    if (shape.after === range.status) rows = rows.where(sql<SqlBool>`id ${comparison} ${v.afterId}`);
    rows = rows.orderBy('id', direction);
  } else {
    const column = COLUMN[shape.sort];
    if (shape.after) {
      rows = rows.where(sql<SqlBool>`(${sql.ref(column)}, id) ${comparison} (${v.afterKey}, ${v.afterId})`);
    }
    rows = rows.orderBy(column, direction).orderBy('id', direction);
  }
  return shape.limited ? rows.limit(v.limit) : rows;
}

/** Whether a range comes after the position in the status sort (its rows all, or some of them, follow it). */
function afterPosition(shape: ListShape, range: Range): boolean {
  if (shape.sort !== 'status' || typeof shape.after !== 'string') return true;
  return shape.order === 'asc' ? range.status >= shape.after : range.status <= shape.after;
}

/**
 * A search's matches, read once: at most SEARCH_TOTAL_CAP + 1 rows of the ranges that contain the text (one
 * trigram scan). They give the search's total, capped, and, when the cap is not reached, the page itself.
 */
function searchMatches(db: Db, v: ListValues, list: Range[]) {
  return db
    .selectFrom('invitations')
    .selectAll('invitations')
    .where('org', '=', v.org)
    .where((eb) => eb.or(list.map((r) => r.where(eb))))
    .where('email', 'like', v.pattern)
    .limit(SEARCH_TOTAL_CAP + 1);
}

/** How many invitations match: exact from the counts, or a search's matches (up to the cap plus one). */
function totalOf(shape: ListShape, v: ListValues): RawBuilder<number> {
  if (shape.search) return sql<number>`(SELECT count(*) FROM matches)`;
  const want = new Set<InvitationStatus>(shape.statuses);
  const states: string[] = STORED_ONLY.filter((s) => want.has(s));
  if (want.has('pending')) states.push('pending');
  const counted =
    states.length === 0
      ? sql<number>`0`
      : sql<number>`(SELECT coalesce(sum(n), 0) FROM invitation_counts WHERE org = ${v.org} AND state IN (${sql.join(states)}))`;
  if (want.has('pending') === want.has('expired')) return counted;
  // Expired rows are stored pending: counted through the (org, state, expires_at) index, and taken from the
  // pending count or added on their own.
  const expired = sql<number>`(SELECT count(*) FROM invitations
    WHERE org = ${v.org} AND state = 'pending' AND expires_at <= ${v.now})`;
  return want.has('pending') ? sql`${counted} - ${expired}` : sql`${counted} + ${expired}`;
}

/** The page's rows from `source`: each range after the position, merged in the list's order and cut to `limit`. */
function pageFrom(db: Db, shape: ListShape, v: ListValues, list: Range[], source: Source) {
  const parts = list
    .map((range, rank) => ({ range, rank }))
    .filter(({ range }) => afterPosition(shape, range))
    .map(({ range, rank }) => sql`(${rangeRows(db, shape, v, range, rank, source)})`);
  const limit = shape.limited ? sql`LIMIT ${v.limit}` : sql``;
  if (parts.length === 0) return sql`SELECT invitations.*, 0 AS rank FROM invitations WHERE false`;
  if (parts.length === 1) return parts[0] as RawBuilder<unknown>;
  return sql`${sql.join(parts, sql` UNION ALL `)} ORDER BY ${orderBy(shape, '')} ${limit}`;
}

function orderBy(shape: ListShape, table: string) {
  const direction = sql.raw(shape.order === 'asc' ? 'ASC' : 'DESC');
  const column = shape.sort === 'status' ? 'rank' : COLUMN[shape.sort];
  return sql`${sql.ref(`${table}${column}`)} ${direction}, ${sql.ref(`${table}id`)} ${direction}`;
}

/** The whole statement: the page's rows, each with its replaced codes and member flag, beside the total and the organization. */
export function listStatement(db: Db, shape: ListShape, v: ListValues): RawBuilder<unknown> {
  const list = ranges(shape, v);
  // A search reads its matches once; the page comes from them unless there are more than the cap, when they
  // are not all there and the indexes give the page (PostgreSQL runs only the branch whose test holds).
  const matches = shape.search ? sql`WITH matches AS MATERIALIZED (${searchMatches(db, v, list)})` : sql``;
  const page = shape.search
    ? sql`SELECT * FROM (${pageFrom(db, shape, v, list, 'matches')}) AS few WHERE t.total <= ${SEARCH_TOTAL_CAP}
        UNION ALL
        SELECT * FROM (${pageFrom(db, shape, v, list, 'invitations')}) AS many WHERE t.total > ${SEARCH_TOTAL_CAP}`
    : pageFrom(db, shape, v, list, 'invitations');
  // The WITH sits in a subquery so that the statement starts with SELECT: the read-only guard passes it, and
  // PostgreSQL allows no data-modifying WITH below the top level (read-only.ts).
  return sql`SELECT * FROM (${matches}
    SELECT t.total, t.organization, p.*, ${replacedCodesOf(sql.ref('p.id'))} AS replaced_codes,
      EXISTS (SELECT 1 FROM members m WHERE m.org = p.org AND m.email = p.email) AS is_member
    FROM (SELECT ${totalOf(shape, v)} AS total,
      ${organizationJson(v.org)} AS organization) AS t
    LEFT JOIN LATERAL (${page}) AS p ON true) AS list
    ORDER BY ${orderBy(shape, 'list.')}`;
}
