/**
 * The invitation list: one statement per page (invitation-list-statement.ts says what it reads and why it stays
 * on indexes), built once per shape of query (statement-cache.ts), and its rows as the engine's records.
 */
import type { InvitationListQuery, OrganizationRecord, Slice } from '@invitekit/engine';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganizationsTable } from '../db/schema.js';
import { type ListShape, type ListValues, listStatement, shapeOf, valuesOf } from './invitation-list-statement.js';
import { organizationOf } from './lists.js';
import { type InvitationRecord, type InvitationRow, invitationFromRow } from './rows.js';
import { StatementCache } from './statement-cache.js';

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

const statements = new StatementCache<Database, ListShape, ListValues>(listStatement);

/** The statement of a page as it is sent: its text (one per shape) and this query's parameters. */
export function listInvitationsStatement(db: Kysely<Database>, org: string, query: InvitationListQuery) {
  return statements.statement(db, shapeOf(query), valuesOf(org, query));
}

export async function listInvitations(
  db: Kysely<Database>,
  org: string,
  query: InvitationListQuery,
): Promise<InvitationPage> {
  const { rows } = await db.executeQuery<PageRow>(listInvitationsStatement(db, org, query));
  const found = rows.filter((r): r is InvitationRow & PageRow => r.id !== null);
  return {
    items: found.map(invitationFromRow),
    total: Number(rows[0]?.total ?? 0),
    memberEmails: new Set(found.filter((r) => r.is_member).map((r) => r.email)),
    organization: organizationOf(rows[0]?.organization),
  };
}
