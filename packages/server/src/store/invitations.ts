/**
 * Invitation queries of the SQL store: reads with their replaced codes, and compare-and-set updates that keep
 * every code in `invitation_codes`. The list is invitation-list.ts.
 */
import { StoreConflict } from '@invitekit/engine';
import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { type InvitationRecord, type InvitationRow, epochMs, invitationColumns, toDate } from './rows.js';

type Db = Kysely<Database>;

/** The replaced codes of the invitation `id` (oldest first), as a JSON array (empty when none). */
export function replacedCodesOf(id: Expression<string>): RawBuilder<InvitationRow['replaced_codes']> {
  return sql<InvitationRow['replaced_codes']>`coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code,
    'expiresAt', ${epochMs(sql.ref('c.replaced_expires_at'))}) ORDER BY c.seq) FROM invitation_codes c
    WHERE c.invitation_id = ${id} AND c.replaced_expires_at IS NOT NULL), '[]'::jsonb)`;
}

/** Selects invitations with their replaced codes beside each row. */
export function selectInvitations(db: Db) {
  return db
    .selectFrom('invitations')
    .selectAll('invitations')
    .select((eb) => replacedCodesOf(eb.ref('invitations.id')).as('replaced_codes'));
}

/** `q` as a LIKE pattern matching it anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
