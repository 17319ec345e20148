/**
 * The benchmark's data: the default seed (organizations, members, dev tokens) plus `size` invitations in acme and
 * a few hundred pending requests, written with set-based SQL (a handful of statements whatever the size). The
 * newest 90 % are pending, the oldest 10 % expired, so the status sort and the default filter meet both.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_TTL_DAYS, seedState } from '@invitekit/engine';
import { sql } from 'kysely';
import { type OpenDatabase, SqlControlledStore, migrate } from '@invitekit/server';

const DAY = 24 * 60 * 60 * 1000;
/** Pending invitations 5 s apart: 90,000 of them span 5.2 days, inside the 7-day lifetime. */
const SPACING_MS = 5_000;
export const SEEDED_REQUESTS = 400;

/** Ids as production makes them (random hex, so their order says nothing of age or state): md5 of the number. */
export const benchId = (i: number) =>
  `inv_${createHash('md5')
    .update(`bench${String(i)}`)
    .digest('hex')
    .slice(0, 16)}`;
export const benchCode = (i: number) => `bench-code-${String(i).padStart(8, '0')}`;
export const benchRequestId = (i: number) => `req_bench_${String(i)}`;

/** Invitation `i` (1-based) is expired when it is among the oldest tenth. */
export const firstExpired = (size: number) => Math.floor(size * 0.9) + 1;

export async function seedBench(db: OpenDatabase['db'], now: number, size: number): Promise<void> {
  await migrate(db);
  await new SqlControlledStore(db).transaction((tx) => tx.replaceAll(seedState(now, 'default')));
  const expiredFrom = firstExpired(size);
  await db.transaction().execute(async (trx) => {
    // Row triggers (the per-state counts) are off while seeding; the counts are computed once at the end.
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`
      INSERT INTO invitations (id, org, email, state, invited_at, expires_at, source, resend_count, last_sent_at, code)
      SELECT 'inv_' || substr(md5('bench' || i), 1, 16), 'acme', 'user' || i || '@bench.test', 'pending', t,
             t + ${`${String(DEFAULT_TTL_DAYS)} days`}::interval, 'bulk', 0, t, 'bench-code-' || lpad(i::text, 8, '0')
      FROM generate_series(1, ${size}::int) AS i,
           LATERAL (SELECT to_timestamp((${now}::float8 - i * ${SPACING_MS}::float8
             - CASE WHEN i >= ${expiredFrom}::int THEN ${8 * DAY}::float8 ELSE 0 END) / 1000) AS t) AS time`.execute(
      trx,
    );
    await sql`INSERT INTO invitation_codes (code, invitation_id)
      SELECT code, id FROM invitations WHERE code LIKE 'bench-code-%'`.execute(trx);
    await sql`DELETE FROM invitation_counts`.execute(trx);
    await sql`INSERT INTO invitation_counts (org, state, n)
      SELECT org, state, count(*) FROM invitations GROUP BY org, state`.execute(trx);
    await sql`
      INSERT INTO requests (id, org, email, name, message, status, requested_at)
      SELECT 'req_bench_' || i, 'acme', 'asker' || i || '@bench.test', 'Asker ' || i, null, 'pending',
             to_timestamp((${now}::float8 - i * 1000) / 1000)
      FROM generate_series(1, ${SEEDED_REQUESTS}::int) AS i`.execute(trx);
    await sql`DELETE FROM request_counts`.execute(trx);
    await sql`INSERT INTO request_counts (org, status, n)
      SELECT org, status, count(*) FROM requests GROUP BY org, status`.execute(trx);
  });
  await sql`ANALYZE`.execute(db);
}
