/**
 * The members and requests lists, each page in one statement: its rows, its total and the organization's row
 * (which the engine's check that follows the page reads without a statement: auth.ts, `asAdmin`), and for
 * requests whether each address belongs to a member (the stale flags). As for invitations (invitation-list.ts):
 * - Totals come from the counts triggers keep (migration 0004), not from counting the organization's rows.
 *   A members search counts its matches: a member's name has no index, so the page itself may read every member
 *   of the organization; members are not what grows (invitations are), and the search stays exact.
 * - Rows are a keyset range of an index: (org, email, id) for members, (org, status, requested_at, id) for one
 *   status of requests, in the page's order.
 */
import type { MemberListQuery, OrganizationRecord, RequestListQuery, Slice } from '@invitekit/engine';
import { type Kysely, type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { Database, MembersTable, OrganizationsTable, RequestsTable } from '../db/schema.js';
import { containsPattern } from './invitations.js';
import {
  type MemberRecord,
  type RequestRecord,
  memberFromRow,
  organizationFromRow,
  requestFromRow,
  toDate,
} from './rows.js';

type Db = Kysely<Database>;

/** The organization's row as one JSON value, for a page's statement (null: there is none). */
export function organizationJson(org: string): RawBuilder<Selectable<OrganizationsTable> | null> {
  return sql`(SELECT to_jsonb(o) FROM organizations o WHERE o.slug = ${org})`;
}

export function organizationOf(row: Selectable<OrganizationsTable> | null | undefined): OrganizationRecord | undefined {
  return row ? organizationFromRow(row) : undefined;
}

/** A row of a page beside its total and organization; an empty page is one row of nulls but those. */
type Nullable<T> = T | { [K in keyof T]: null };
type PageRow<T> = Nullable<T> & { total: string | number; organization: Selectable<OrganizationsTable> | null };

export interface ListPage<T> extends Slice<T> {
  /** The organization's row, read by the same statement (undefined: there is none). */
  organization: OrganizationRecord | undefined;
}

export async function listMembers(db: Db, org: string, query: MemberListQuery): Promise<ListPage<MemberRecord>> {
  const pattern = containsPattern(query.q);
  const matching = db
    .selectFrom('members')
    .where('org', '=', org)
    .$if(query.q !== '', (qb) =>
      qb.where((eb) => eb.or([eb('email', 'like', pattern), sql<SqlBool>`lower(${eb.ref('name')}) like ${pattern}`])),
    );
  const after = query.after;
  const page = matching
    .selectAll()
    .$if(after !== null, (qb) =>
      qb.where((eb) => sql<SqlBool>`(${eb.ref('email')}, ${eb.ref('id')}) > (${after?.key}, ${after?.id})`),
    )
    .orderBy('email')
    .orderBy('id')
    .limit(query.limit);
  const total =
    query.q === ''
      ? sql`(SELECT coalesce((SELECT n FROM member_counts WHERE org = ${org}), 0))`
      : sql`(${matching.select((eb) => eb.fn.countAll().as('n'))})`;
  const { rows } = await sql<PageRow<Selectable<MembersTable>>>`SELECT * FROM (
    SELECT t.total, t.organization, p.*
    FROM (SELECT ${total} AS total, ${organizationJson(org)} AS organization) AS t
    LEFT JOIN LATERAL (${page}) AS p ON true) AS list
    ORDER BY list.email, list.id`.execute(db);
  return {
    items: rows
      .filter((r): r is PageRow<Selectable<MembersTable>> & Selectable<MembersTable> => r.id !== null)
      .map(memberFromRow),
    total: Number(rows[0]?.total ?? 0),
    organization: organizationOf(rows[0]?.organization),
  };
}

export interface RequestPage extends ListPage<RequestRecord> {
  /** The page's addresses that belong to members. */
  memberEmails: Set<string>;
}

export async function listRequests(db: Db, org: string, query: RequestListQuery): Promise<RequestPage> {
  const after = query.after;
  const statuses = [...query.statuses];
  const page = db
    .selectFrom('requests')
    .selectAll()
    .where('org', '=', org)
    .where('status', 'in', statuses)
    .$if(after !== null, (qb) =>
      qb.where(
        (eb) =>
          sql<SqlBool>`(${eb.ref('requested_at')}, ${eb.ref('id')}) < (${toDate(Number(after?.key))}, ${after?.id})`,
      ),
    )
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit);
  const total = sql`(SELECT coalesce(sum(n), 0) FROM request_counts WHERE org = ${org} AND status IN (${sql.join(statuses)}))`;
  const { rows } = await sql<PageRow<Selectable<RequestsTable>> & { is_member: boolean | null }>`SELECT * FROM (
    SELECT t.total, t.organization, p.*,
      EXISTS (SELECT 1 FROM members m WHERE m.org = p.org AND m.email = p.email) AS is_member
    FROM (SELECT ${total} AS total, ${organizationJson(org)} AS organization) AS t
    LEFT JOIN LATERAL (${page}) AS p ON true) AS list
    ORDER BY list.requested_at DESC, list.id DESC`.execute(db);
  const found = rows.filter(
    (r): r is PageRow<Selectable<RequestsTable>> & Selectable<RequestsTable> & { is_member: boolean } => r.id !== null,
  );
  return {
    items: found.map(requestFromRow),
    total: Number(rows[0]?.total ?? 0),
    organization: organizationOf(rows[0]?.organization),
    memberEmails: new Set(found.filter((r) => r.is_member).map((r) => r.email)),
  };
}
