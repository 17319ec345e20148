/**
 * The invitation list in one statement, each part on an index (migration 0002), so a page costs the same at a
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
 */
import { type InvitationListQuery, type OrganizationRecord, type Slice } from '@invitekit/engine';
import { type InvitationStatus, SEARCH_TOTAL_CAP } from '@invitekit/sdk';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database, InvitationsTable, OrganizationsTable } from '../db/schema.js';
import { containsPattern, replacedCodesOf } from './invitations.js';
import { organizationJson, organizationOf } from './lists.js';
import { type InvitationRecord, type InvitationRow, invitationFromRow, toDate } from './rows.js';

type Db = Kysely<Database>;
type InvitationsEb = ExpressionBuilder<Database, 'invitations'>;

/** One status range: the stored rows it covers and, for the status sort, the status it shows. */
interface Range {
  status: string;
  where: (eb: InvitationsEb) => Expression<SqlBool>;
}

const STORED_ONLY = ['accepted', 'declined', 'revoked'] as const;
const COLUMN = { email: 'email', invitedAt: 'invited_at', expiresAt: 'expires_at' } as const;

function ranges(query: InvitationListQuery): Range[] {
  const at = toDate(query.now);
  const want = new Set<InvitationStatus>(query.statuses);
  const pending: Range = {
    status: 'pending',
    where: (eb) => eb.and([eb('state', '=', 'pending'), eb('expires_at', '>', at)]),
  };
  const expired: Range = {
    status: 'expired',
    where: (eb) => eb.and([eb('state', '=', 'pending'), eb('expires_at', '<=', at)]),
  };
  const list: Range[] = STORED_ONLY.filter((s) => want.has(s)).map((s) => ({
    status: s,
    where: (eb) => eb('state', '=', s),
  }));
  if (want.has('pending') && want.has('expired') && query.sort !== 'status') {
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
function rangeRows(db: Db, org: string, query: InvitationListQuery, range: Range, rank: number, source: Source) {
  const direction = query.order === 'asc' ? 'asc' : 'desc';
  const comparison = sql.raw(query.order === 'asc' ? '>' : '<');
  const after = query.after;
  let rows = db
    .withTables<{ matches: InvitationsTable }>()
    .selectFrom(`${source} as invitations`)
    .selectAll('invitations')
    .select(sql.lit(rank).as('rank'))
    .where('org', '=', org)
    .where(range.where);
  if (query.q !== '' && source === 'invitations') rows = rows.where('email', 'like', containsPattern(query.q));
  if (query.sort === 'status') {
    if (after !== null && after.key === range.status) rows = rows.where(sql<SqlBool>`id ${comparison} ${after.id}`);
    rows = rows.orderBy('id', direction);
  } else {
    const column = COLUMN[query.sort];
    if (after !== null) {
      const key = typeof after.key === 'number' ? toDate(after.key) : after.key;
      rows = rows.where(sql<SqlBool>`(${sql.ref(column)}, id) ${comparison} (${key}, ${after.id})`);
    }
    rows = rows.orderBy(column, direction).orderBy('id', direction);
  }
  return query.limit === null ? rows : rows.limit(query.limit);
}

/** Whether a range comes after the position in the status sort (its rows all, or some of them, follow it). */
function afterPosition(query: InvitationListQuery, range: Range): boolean {
  const key = query.after?.key;
  if (query.sort !== 'status' || key === undefined) return true;
  return query.order === 'asc' ? range.status >= String(key) : range.status <= String(key);
}

/**
 * A search's matches, read once: at most SEARCH_TOTAL_CAP + 1 rows of the ranges that contain the text (one
 * trigram scan). They give the search's total, capped, and, when the cap is not reached, the page itself.
 */
function searchMatches(db: Db, org: string, query: InvitationListQuery, list: Range[]) {
  return db
    .selectFrom('invitations')
    .selectAll('invitations')
    .where('org', '=', org)
    .where((eb) => eb.or(list.map((r) => r.where(eb))))
    .where('email', 'like', containsPattern(query.q))
    .limit(SEARCH_TOTAL_CAP + 1);
}

/** How many invitations match: exact from the counts, or a search's matches (up to the cap plus one). */
function totalOf(org: string, query: InvitationListQuery): RawBuilder<number> {
  if (query.q !== '') return sql<number>`(SELECT count(*) FROM matches)`;
  const want = new Set<InvitationStatus>(query.statuses);
  const states: string[] = STORED_ONLY.filter((s) => want.has(s));
  if (want.has('pending')) states.push('pending');
  const counted =
    states.length === 0
      ? sql<number>`0`
      : sql<number>`(SELECT coalesce(sum(n), 0) FROM invitation_counts WHERE org = ${org} AND state IN (${sql.join(states)}))`;
  if (want.has('pending') === want.has('expired')) return counted;
  // Expired rows are stored pending: counted through the (org, state, expires_at) index, and taken from the
  // pending count or added on their own.
  const expired = sql<number>`(SELECT count(*) FROM invitations
    WHERE org = ${org} AND state = 'pending' AND expires_at <= ${toDate(query.now)})`;
  return want.has('pending') ? sql`${counted} - ${expired}` : sql`${counted} + ${expired}`;
}

/** A row of the page beside the total; with an empty page, one row of nulls but the total. */
type PageRow = (InvitationRow | { [K in keyof InvitationRow]: null }) & {
  total: string | number;
  organization: Selectable<OrganizationsTable> | null;
  is_member: boolean;
};

export interface InvitationPage extends Slice<InvitationRecord> {
  /** The page's addresses that belong to members. */
  memberEmails: Set<string>;
  /** The organization's row, read by the same statement (undefined: there is none). */
  organization: OrganizationRecord | undefined;
}

/** The page's rows from `source`: each range after the position, merged in the list's order and cut to `limit`. */
function pageFrom(db: Db, org: string, query: InvitationListQuery, list: Range[], source: Source) {
  const parts = list
    .map((range, rank) => ({ range, rank }))
    .filter(({ range }) => afterPosition(query, range))
    .map(({ range, rank }) => sql`(${rangeRows(db, org, query, range, rank, source)})`);
  const limit = query.limit === null ? sql`` : sql`LIMIT ${query.limit}`;
  if (parts.length === 0) return sql`SELECT invitations.*, 0 AS rank FROM invitations WHERE false`;
  if (parts.length === 1) return parts[0] as RawBuilder<unknown>;
  return sql`${sql.join(parts, sql` UNION ALL `)} ORDER BY ${orderBy(query, '')} ${limit}`;
}

function orderBy(query: InvitationListQuery, table: string) {
  const direction = sql.raw(query.order === 'asc' ? 'ASC' : 'DESC');
  const column = query.sort === 'status' ? 'rank' : COLUMN[query.sort];
  return sql`${sql.ref(`${table}${column}`)} ${direction}, ${sql.ref(`${table}id`)} ${direction}`;
}

export async function listInvitations(db: Db, org: string, query: InvitationListQuery): Promise<InvitationPage> {
  const list = ranges(query);
  // A search reads its matches once; the page comes from them unless there are more than the cap, when they
  // are not all there and the indexes give the page (PostgreSQL runs only the branch whose test holds).
  const search = query.q !== '';
  const matches = search ? sql`WITH matches AS MATERIALIZED (${searchMatches(db, org, query, list)})` : sql``;
  const page = search
    ? sql`SELECT * FROM (${pageFrom(db, org, query, list, 'matches')}) AS few WHERE t.total <= ${SEARCH_TOTAL_CAP}
        UNION ALL
        SELECT * FROM (${pageFrom(db, org, query, list, 'invitations')}) AS many WHERE t.total > ${SEARCH_TOTAL_CAP}`
    : pageFrom(db, org, query, list, 'invitations');
  // The WITH sits in a subquery so that the statement starts with SELECT: the read-only guard passes it, and
  // PostgreSQL allows no data-modifying WITH below the top level (read-only.ts).
  const { rows } = await sql<PageRow>`SELECT * FROM (${matches}
    SELECT t.total, t.organization, p.*, ${replacedCodesOf(sql.ref('p.id'))} AS replaced_codes,
      EXISTS (SELECT 1 FROM members m WHERE m.org = p.org AND m.email = p.email) AS is_member
    FROM (SELECT ${totalOf(org, query)} AS total,
      ${organizationJson(org)} AS organization) AS t
    LEFT JOIN LATERAL (${page}) AS p ON true) AS list
    ORDER BY ${orderBy(query, 'list.')}`.execute(db);
  const found = rows.filter((r): r is InvitationRow & PageRow => r.id !== null);
  return {
    items: found.map(invitationFromRow),
    total: Number(rows[0]?.total ?? 0),
    memberEmails: new Set(found.filter((r) => r.is_member).map((r) => r.email)),
    organization: organizationOf(rows[0]?.organization),
  };
}
