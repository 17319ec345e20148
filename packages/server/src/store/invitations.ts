/**
 * Invitation queries of the SQL store: reads with their replaced codes, inserts and compare-and-set updates
 * that keep every code in `invitation_codes`, and the keyset list.
 */
import { type InvitationListQuery, type Slice, StoreConflict } from '@invitekit/engine';
import type { InvitationStatus } from '@invitekit/sdk';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import {
  type InvitationRecord,
  type InvitationRow,
  epochMs,
  invitationColumns,
  invitationFromRow,
  toDate,
} from './rows.js';

type Db = Kysely<Database>;
type InvitationsEb = ExpressionBuilder<Database, 'invitations'>;

/** Selects invitations with their replaced codes, oldest first, as JSON beside each row. */
export function selectInvitations(db: Db) {
  return db
    .selectFrom('invitations')
    .selectAll('invitations')
    .select((eb) =>
      sql<InvitationRow['replaced_codes']>`coalesce((${eb
        .selectFrom('invitation_codes as c')
        .select(
          sql`jsonb_agg(jsonb_build_object('code', c.code, 'expiresAt', ${epochMs(sql.ref('c.replaced_expires_at'))}) order by c.seq)`.as(
            'codes',
          ),
        )
        .whereRef('c.invitation_id', '=', 'invitations.id')
        .where('c.replaced_expires_at', 'is not', null)}), '[]'::jsonb)`.as('replaced_codes'),
    );
}

/** The status at `now`, as SQL: `expired` is a stored `pending` past its expiry. */
export function statusAt(eb: InvitationsEb, now: number): Expression<string> {
  return sql<string>`(CASE WHEN ${eb.ref('state')} = 'pending' AND ${eb.ref('expires_at')} <= ${toDate(now)} THEN 'expired' ELSE ${eb.ref('state')} END) COLLATE "C"`;
}

/** Whether an invitation's status at `now` is one of `statuses`. */
function statusIn(eb: InvitationsEb, statuses: readonly InvitationStatus[], now: number): Expression<SqlBool> {
  const at = toDate(now);
  const stored = statuses.filter((s) => s !== 'pending' && s !== 'expired');
  const alternatives: Expression<SqlBool>[] = [];
  if (stored.length > 0) alternatives.push(eb('state', 'in', stored));
  if (statuses.includes('pending') && statuses.includes('expired')) alternatives.push(eb('state', '=', 'pending'));
  else if (statuses.includes('pending'))
    alternatives.push(eb.and([eb('state', '=', 'pending'), eb('expires_at', '>', at)]));
  else if (statuses.includes('expired'))
    alternatives.push(eb.and([eb('state', '=', 'pending'), eb('expires_at', '<=', at)]));
  return eb.or(alternatives);
}

/** `q` as a LIKE pattern matching it anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function sortKey(eb: InvitationsEb, query: InvitationListQuery): Expression<unknown> {
  switch (query.sort) {
    case 'email':
      return eb.ref('email');
    case 'status':
      return statusAt(eb, query.now);
    case 'invitedAt':
      return eb.ref('invited_at');
    case 'expiresAt':
      return eb.ref('expires_at');
  }
}

export async function listInvitations(
  db: Db,
  org: string,
  query: InvitationListQuery,
): Promise<Slice<InvitationRecord>> {
  const filter = (eb: InvitationsEb) => {
    const conditions: Expression<SqlBool>[] = [eb('org', '=', org), statusIn(eb, query.statuses, query.now)];
    if (query.q !== '') conditions.push(eb('email', 'like', containsPattern(query.q)));
    return eb.and(conditions);
  };
  const direction = query.order === 'asc' ? 'asc' : 'desc';
  let page = selectInvitations(db)
    .where(filter)
    .orderBy((eb) => sortKey(eb, query), direction)
    .orderBy('id', direction);
  const after = query.after;
  if (after !== null) {
    const key = typeof after.key === 'number' ? toDate(after.key) : after.key;
    const comparison = query.order === 'asc' ? '>' : '<';
    page = page.where(
      (eb) => sql<SqlBool>`(${sortKey(eb, query)}, ${eb.ref('id')}) ${sql.raw(comparison)} (${key}, ${after.id})`,
    );
  }
  if (query.limit !== null) page = page.limit(query.limit);
  // One statement at a time: a transaction's statements share one connection (pg 9 refuses overlapping ones).
  const rows = await page.execute();
  const total =
    query.q === ''
      ? await totalFromCounts(db, org, query.statuses, query.now)
      : Number(
          (
            await db
              .selectFrom('invitations')
              .where(filter)
              .select(db.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return { items: rows.map(invitationFromRow), total };
}

/**
 * The number of invitations with these statuses at `now`, from the trigger-kept counts: stored states are a
 * lookup; pending and expired (both stored `pending`) need the expired ones counted, through their expiry index.
 */
async function totalFromCounts(
  db: Db,
  org: string,
  statuses: readonly InvitationStatus[],
  now: number,
): Promise<number> {
  const counts = await db.selectFrom('invitation_counts').select(['state', 'n']).where('org', '=', org).execute();
  const stored = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
  let total = statuses.filter((s) => s !== 'pending' && s !== 'expired').reduce((sum, state) => sum + stored(state), 0);
  const wantPending = statuses.includes('pending');
  const wantExpired = statuses.includes('expired');
  if (wantPending && wantExpired) return total + stored('pending');
  if (wantPending || wantExpired) {
    const expired = await db
      .selectFrom('invitations')
      .where('org', '=', org)
      .where('state', '=', 'pending')
      .where('expires_at', '<=', toDate(now))
      .select(db.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    total += wantExpired ? Number(expired.n) : stored('pending') - Number(expired.n);
  }
  return total;
}

/** Compare-and-set on (state, code, resendCount): the guard that makes codes single-use and the resend cap exact. */
export async function updateInvitation(
  db: Db,
  org: string,
  next: InvitationRecord,
  previous: InvitationRecord,
): Promise<void> {
  const { id } = next;
  const columns = invitationColumns(next);
  const result = await db
    .updateTable('invitations')
    .set(columns)
    .where('id', '=', id)
    .where('org', '=', org)
    .where('state', '=', previous.state)
    .where('code', '=', previous.code)
    .where('resend_count', '=', previous.resendCount)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new StoreConflict('invitation_changed');
  const known = new Set(previous.replacedCodes.map((c) => c.code));
  for (const replaced of next.replacedCodes.filter((c) => !known.has(c.code))) {
    const marked = await db
      .updateTable('invitation_codes')
      .set({ replaced_expires_at: toDate(replaced.expiresAt) })
      .where('code', '=', replaced.code)
      .where('invitation_id', '=', next.id)
      .executeTakeFirst();
    if (marked.numUpdatedRows === 0n) {
      const row = { code: replaced.code, invitation_id: next.id, replaced_expires_at: toDate(replaced.expiresAt) };
      await db.insertInto('invitation_codes').values(row).execute();
    }
  }
  if (next.code !== previous.code) {
    await db
      .insertInto('invitation_codes')
      .values({ code: next.code, invitation_id: next.id, replaced_expires_at: null })
      .execute();
  }
}
