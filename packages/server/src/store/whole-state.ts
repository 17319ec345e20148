/**
 * The whole state at once: `replaceAll` (the seed at start, `/__mock/reset`) and `snapshot` (a deep copy in the
 * mock's shape, records in the order they were added). Bulk inserts go in chunks, under PostgreSQL's limit of
 * 65,535 parameters per statement.
 */
import { type StoreState, STATE_VERSION } from '@invitekit/engine';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { selectInvitations } from './invitations.js';
import {
  invitationFromRow,
  invitationRow,
  memberFromRow,
  memberRow,
  messageFromRow,
  messageRow,
  organizationFromRow,
  organizationRow,
  requestFromRow,
  requestRow,
  toDate,
  toMs,
  tokenFromRow,
  tokenRow,
} from './rows.js';

type Db = Kysely<Database>;

const CHUNK = 500;

/** A stored value, or undefined when it was never set. */
export async function getMeta(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

async function insertChunked(
  db: Db,
  table: keyof Database,
  rows: readonly Parameters<ReturnType<Db['insertInto']>['values']>[0][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export async function replaceAll(db: Db, state: StoreState): Promise<void> {
  await sql`TRUNCATE organizations, members, member_counts, invitations, invitation_codes, invitation_counts, requests, request_counts, idempotency, rate_hits, outbox, tokens, meta RESTART IDENTITY`.execute(
    db,
  );
  await insertChunked(db, 'organizations', state.orgs.map(organizationRow));
  await insertChunked(
    db,
    'members',
    state.orgs.flatMap((o) => o.members.map((m) => memberRow(o.slug, m))),
  );
  const invitations = state.orgs.flatMap((o) => o.invitations.map((i) => ({ org: o.slug, inv: i })));
  await insertChunked(
    db,
    'invitations',
    invitations.map(({ org, inv }) => invitationRow(org, inv)),
  );
  await insertChunked(
    db,
    'invitation_codes',
    invitations.flatMap(({ inv }) => [
      ...inv.replacedCodes.map((c) => ({
        code: c.code,
        invitation_id: inv.id,
        replaced_expires_at: toDate(c.expiresAt),
      })),
      { code: inv.code, invitation_id: inv.id, replaced_expires_at: null },
    ]),
  );
  await insertChunked(
    db,
    'requests',
    state.orgs.flatMap((o) => o.requests.map((r) => requestRow(o.slug, r))),
  );
  await insertChunked(db, 'tokens', state.tokens.map(tokenRow));
  await insertChunked(db, 'outbox', state.outbox.map(messageRow));
  await insertChunked(
    db,
    'idempotency',
    state.idempotency.map((r) => ({
      scope: r.scope,
      body: r.body,
      response: JSON.stringify(r.response),
      at: toDate(r.at),
    })),
  );
  await insertChunked(
    db,
    'rate_hits',
    state.rateHits.map((h) => ({ key: h.key, at: toDate(h.at) })),
  );
  await setMeta(db, 'clock_offset_ms', state.clockOffsetMs);
  await setMeta(db, 'faults', state.faults);
  await setMeta(db, 'seed', state.seed);
}

export async function snapshot(db: Db): Promise<StoreState> {
  // One statement at a time on the transaction's connection.
  const orgs = await db.selectFrom('organizations').selectAll().orderBy('position').execute();
  const members = await db.selectFrom('members').selectAll().orderBy('position').execute();
  const invitations = await selectInvitations(db).orderBy('position').execute();
  const requests = await db.selectFrom('requests').selectAll().orderBy('position').execute();
  const tokens = await db.selectFrom('tokens').selectAll().orderBy('position').execute();
  const outbox = await db.selectFrom('outbox').selectAll().orderBy('id').execute();
  const idempotency = await db.selectFrom('idempotency').selectAll().orderBy('position').execute();
  const rateHits = await db.selectFrom('rate_hits').selectAll().orderBy('id').execute();
  const seed = (await getMeta(db, 'seed')) === 'empty' ? 'empty' : 'default';
  return {
    version: STATE_VERSION,
    seed,
    clockOffsetMs: Number((await getMeta(db, 'clock_offset_ms')) ?? 0),
    orgs: orgs.map((row) => ({
      ...organizationFromRow(row),
      members: members.filter((m) => m.org === row.slug).map(memberFromRow),
      invitations: invitations.filter((i) => i.org === row.slug).map(invitationFromRow),
      requests: requests.filter((r) => r.org === row.slug).map(requestFromRow),
    })),
    tokens: tokens.map(tokenFromRow),
    outbox: outbox.map(messageFromRow),
    idempotency: idempotency.map((r) => ({
      scope: r.scope,
      body: r.body,
      response: JSON.parse(r.response) as unknown,
      at: toMs(r.at),
    })),
    rateHits: rateHits.map((h) => ({ key: h.key, at: toMs(h.at) })),
    faults: {
      latencyMs: 0,
      failureRate: 0,
      ...((await getMeta(db, 'faults')) as Partial<StoreState['faults']> | undefined),
    },
  };
}
