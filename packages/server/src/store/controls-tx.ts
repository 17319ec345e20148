/**
 * The test controls on the SQL store (`testControls` only; production never builds one): the moved clock and
 * the injected faults in the `meta` table, the seeded tokens, the outbox as `/__mock/outbox` shows it, and the
 * whole state at once (whole-state.ts).
 */
import {
  type ControlsTx,
  type Faults,
  MAX_OUTBOX_MESSAGES,
  type OutboxMessage,
  type StoreState,
  type TokenRecord,
} from '@invitekit/engine';
import { sql } from 'kysely';
import { messageFromRow, tokenFromRow } from './rows.js';
import { SqlTx } from './tx.js';
import { getMeta, replaceAll, setMeta, snapshot } from './whole-state.js';

const NO_FAULTS: Faults = { latencyMs: 0, failureRate: 0 };

export class SqlControlsTx extends SqlTx implements ControlsTx {
  /** Of the newest MAX_OUTBOX_MESSAGES (what the mock keeps), those to `to`, oldest first; the table keeps all. */
  async listMessages(to: string | null): Promise<OutboxMessage[]> {
    await this.buffer.flushMessages();
    const recent = this.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(MAX_OUTBOX_MESSAGES);
    const rows = await this.db
      .selectFrom(recent.as('recent'))
      .selectAll()
      .$if(to !== null, (qb) => qb.where('to', '=', to ?? ''))
      .orderBy('id')
      .execute();
    return rows.map(messageFromRow);
  }

  /** A database that was never reset has no offset row: its clock is real time. */
  async clockOffset(): Promise<number> {
    return Number((await getMeta(this.db, 'clock_offset_ms')) ?? 0);
  }

  setClockOffset(ms: number): Promise<void> {
    return setMeta(this.db, 'clock_offset_ms', ms);
  }

  async faults(): Promise<Faults> {
    return { ...NO_FAULTS, ...((await getMeta(this.db, 'faults')) as Partial<Faults> | undefined) };
  }

  setFaults(faults: Faults): Promise<void> {
    return setMeta(this.db, 'faults', faults);
  }

  async token(token: string): Promise<TokenRecord | undefined> {
    const row = await this.db.selectFrom('tokens').selectAll().where('token', '=', token).executeTakeFirst();
    return row && tokenFromRow(row);
  }

  async grantMembership(key: string, org: string): Promise<void> {
    await this.db
      .updateTable('tokens')
      .set((eb) => ({
        grants: sql`${eb.ref('grants')} || jsonb_build_object(${org}::text, coalesce(${eb.ref('grants')} -> ${org}::text, '[]'::jsonb))`,
      }))
      .where('token', '=', key)
      .execute();
  }

  replaceAll(state: StoreState): Promise<void> {
    this.buffer.discard();
    this.knownMembers.clear();
    this.knownOrganizations.clear();
    return replaceAll(this.db, state);
  }

  async snapshot(): Promise<StoreState> {
    await this.buffer.flush();
    return snapshot(this.db);
  }
}
