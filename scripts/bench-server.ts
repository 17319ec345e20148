/**
 * `npm run bench:server`: the cost of the main operations as an organization grows, on the mock (memory store),
 * on @invitekit/server with PGlite, and with a real PostgreSQL, in one run, through the same HTTP layer
 * (in-process `fetch` handlers, no network). At 1,000 and at 100,000 invitations in one organization: p50 and
 * p99 of a list page, a search, inviting 100 addresses, and an accept. Invitations are seeded with bulk SQL.
 *   npm run bench:server [-- --sizes 1000,100000 --targets mock,pglite,postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TTL_DAYS, ControlledEngine, type StoreState, seedState } from '@invitekit/engine';
import { createApiHandler, credentialsOf } from '@invitekit/engine/http';
import { sql } from 'kysely';
import { type OpenDatabase, SqlControlledStore, createInvitekitServer, migrate, openDatabase } from '@invitekit/server';
import { startPostgres } from '../test/server/postgres.js';

type Target = 'mock' | 'pglite' | 'postgres';
type Handler = (request: Request) => Promise<Response>;
const DAY = 24 * 60 * 60 * 1000;
const SPACING_MS = 5_000; // 100,000 invitations 5 s apart span 5.8 days: all still pending
const ORIGIN = 'http://bench.local';
const ADMIN = { authorization: 'Bearer acme-admin' };
const RUNS = { list: 100, search: 100, invite100: 20, accept: 100 } as const;
type Operation = keyof typeof RUNS;

const code = (i: number) => `bench-code-${String(i).padStart(8, '0')}`;

/** The seed plus `size` pending invitations in acme, in memory (for the mock). */
function benchState(now: number, size: number): StoreState {
  const state = seedState(now, 'default');
  const acme = state.orgs.find((o) => o.slug === 'acme');
  if (!acme) throw new Error('the seed has no acme');
  for (let i = 1; i <= size; i++) {
    const invitedAt = now - i * SPACING_MS;
    acme.invitations.push({
      id: `inv_bench_${String(i)}`,
      email: `user${String(i)}@bench.test`,
      state: 'pending',
      role: null,
      invitedAt,
      expiresAt: invitedAt + DEFAULT_TTL_DAYS * DAY,
      invitedBy: null,
      source: 'bulk',
      resendCount: 0,
      lastSentAt: invitedAt,
      acceptedAt: null,
      declinedAt: null,
      revokedAt: null,
      code: code(i),
      replacedCodes: [],
    });
  }
  return state;
}

/**
 * The same invitations in SQL, in one transaction of three statements. Row triggers (the per-state counts) are
 * off while it runs and the counts are computed once at the end: seeding is not what is measured.
 */
async function seedSql(database: OpenDatabase, now: number, size: number): Promise<void> {
  await migrate(database.db);
  await new SqlControlledStore(database.db).transaction((tx) => tx.replaceAll(seedState(now, 'default')));
  await database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`
      INSERT INTO invitations (id, org, email, state, invited_at, expires_at, source, resend_count, last_sent_at, code)
      SELECT 'inv_bench_' || i, 'acme', 'user' || i || '@bench.test', 'pending', t,
             t + ${`${String(DEFAULT_TTL_DAYS)} days`}::interval, 'bulk', 0, t, 'bench-code-' || lpad(i::text, 8, '0')
      FROM generate_series(1, ${size}::int) AS i,
           LATERAL (SELECT to_timestamp((${now}::float8 - i * ${SPACING_MS}::float8) / 1000) AS t) AS time`.execute(
      trx,
    );
    await sql`INSERT INTO invitation_codes (code, invitation_id)
      SELECT code, id FROM invitations WHERE id LIKE 'inv_bench_%'`.execute(trx);
    await sql`DELETE FROM invitation_counts`.execute(trx);
    await sql`INSERT INTO invitation_counts (org, state, n) SELECT org, state, count(*) FROM invitations GROUP BY org, state`.execute(
      trx,
    );
  });
  await sql`ANALYZE`.execute(database.db);
}

async function handlerFor(
  target: Target,
  size: number,
  now: number,
  cleanup: (() => Promise<void>)[],
): Promise<Handler> {
  if (target === 'mock') {
    const engine = new ControlledEngine({ state: benchState(now, size), acceptUrl: `${ORIGIN}/redeem/` });
    return createApiHandler({ engine, authenticate: (request) => engine.authenticate(credentialsOf(request)) });
  }
  let database: OpenDatabase;
  if (target === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'invitekit-bench-'));
    database = await openDatabase({ pglite: dir });
    cleanup.push(() => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    });
  } else {
    const postgres = await startPostgres();
    database = await openDatabase(await postgres.createDatabase('bench'));
    cleanup.push(() => postgres.stop());
  }
  await seedSql(database, now, size);
  const server = createInvitekitServer({ database, acceptUrl: `${ORIGIN}/redeem/`, devAuth: true, log: false });
  cleanup.unshift(() => server.close());
  await server.ready;
  return (request) => server.fetch(request);
}

async function time(handler: Handler, request: () => Request, expect: number): Promise<number> {
  const req = request();
  const started = performance.now();
  const response = await handler(req);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== expect) throw new Error(`${req.method} ${req.url}: ${String(response.status)}`);
  return elapsed;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(handler: Handler, size: number): Promise<Record<Operation, number[]>> {
  const get = (path: string) => () => new Request(`${ORIGIN}${path}`, { headers: ADMIN });
  const post = (path: string, body?: unknown) => () =>
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: body === undefined ? ADMIN : { ...ADMIN, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const pick = (i: number) => 1 + ((i * 7919) % size);
  const samples: Record<Operation, number[]> = { list: [], search: [], invite100: [], accept: [] };
  // One warm-up call each (connections, JIT, plans), not counted.
  await time(handler, get('/api/orgs/acme/invitations?limit=25'), 200);
  for (let i = 0; i < RUNS.list; i++) {
    samples.list.push(await time(handler, get('/api/orgs/acme/invitations?limit=25'), 200));
  }
  for (let i = 0; i < RUNS.search; i++) {
    const q = encodeURIComponent(`user${String(pick(i))}@`);
    samples.search.push(await time(handler, get(`/api/orgs/acme/invitations?limit=25&q=${q}`), 200));
  }
  for (let i = 0; i < RUNS.invite100; i++) {
    const emails = Array.from({ length: 100 }, (_, k) => `new${String(i)}-${String(k)}@fresh.test`);
    samples.invite100.push(await time(handler, post('/api/orgs/acme/invitations', { emails }), 200));
  }
  for (let i = 0; i < RUNS.accept; i++) {
    // Signed out, as someone following the link in their email (an admin's credentials would be email_mismatch).
    const accept = () => new Request(`${ORIGIN}/api/invites/${code(size - i)}/accept`, { method: 'POST' });
    samples.accept.push(await time(handler, accept, 200));
  }
  return samples;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,100000' },
      targets: { type: 'string', default: 'mock,pglite,postgres' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const targets = values.targets.split(',') as Target[];
  const results = new Map<string, { p50: number; p99: number }>();
  const key = (target: Target, size: number, op: Operation) => `${target}|${String(size)}|${op}`;
  process.stdout.write(`target    size     operation  p50 ms   p99 ms   (runs: ${JSON.stringify(RUNS)})\n`);
  for (const size of sizes) {
    for (const target of targets) {
      const cleanup: (() => Promise<void>)[] = [];
      try {
        const setup = performance.now();
        const handler = await handlerFor(target, size, Date.now(), cleanup);
        process.stderr.write(`${target} at ${String(size)}: ready in ${(performance.now() - setup).toFixed(0)} ms\n`);
        const samples = await measure(handler, size);
        for (const op of Object.keys(RUNS) as Operation[]) {
          const stats = { p50: percentile(samples[op], 50), p99: percentile(samples[op], 99) };
          results.set(key(target, size, op), stats);
          process.stdout.write(
            `${target.padEnd(9)} ${String(size).padEnd(8)} ${op.padEnd(10)} ${stats.p50.toFixed(2).padStart(7)}  ${stats.p99.toFixed(2).padStart(7)}\n`,
          );
        }
      } finally {
        for (const step of cleanup) await step();
      }
    }
  }
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  process.stdout.write(
    `\nratios (p99): at ${String(large)} / at ${String(small)}; mock / this target at ${String(large)}\n`,
  );
  for (const target of targets) {
    for (const op of Object.keys(RUNS) as Operation[]) {
      const growth =
        (results.get(key(target, large, op))?.p99 ?? NaN) / (results.get(key(target, small, op))?.p99 ?? NaN);
      const mock = results.get(key('mock', large, op))?.p99 ?? NaN;
      const versusMock =
        target === 'mock'
          ? ''
          : `   mock/${target} ${(mock / (results.get(key(target, large, op))?.p99 ?? NaN)).toFixed(1)}x`;
      process.stdout.write(`${target.padEnd(9)} ${op.padEnd(10)} growth ${growth.toFixed(2)}x${versusMock}\n`);
    }
  }
}

await main();
