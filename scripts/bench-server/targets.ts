/**
 * What the benchmark measures against: `invitekit-server` (the CLI, a host's sign-in from auth.ts) on a seeded
 * database of one size, on PostgreSQL or PGlite, and, on PostgreSQL, the floor (floor.ts) on the same database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '@invitekit/server';
import type { RunningPostgres } from '../../tools/postgres.js';
import { startServerProcess } from '../../tools/server-process.js';
import { seedBench } from './seed.js';

const SEED_TIMEOUTS = { statementMs: 600_000 };

export type Target = 'postgres' | 'pglite';

export interface Running {
  target: Target;
  size: number;
  url: string;
  /** On PostgreSQL: a connection to the database (statement counts) and the floor's URL. */
  client: pg.Client | null;
  floorUrl: string | null;
}

/** Starts the floor server (floor.ts) and waits for its line. */
function startFloor(url: string): Promise<{ url: string; child: ChildProcess }> {
  const args = ['--conditions=source', '--import', 'tsx', 'scripts/bench-server/floor.ts', url];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /floor listening on (http:\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => {
      reject(new Error(`the floor exited with ${String(code)}`));
    });
  });
}

/** Seeds a database of `size` invitations and starts the server (and the floor) on it; `cleanup` undoes it all. */
export async function start(
  target: Target,
  size: number,
  postgres: RunningPostgres | null,
  cleanup: (() => unknown)[],
): Promise<Running> {
  let flags: string[];
  let databaseUrl: string | null = null;
  if (target === 'postgres') {
    if (!postgres) throw new Error('no PostgreSQL');
    databaseUrl = await postgres.createDatabase(`bench_${String(size)}`);
    // Seeding 100k rows takes longer than a request's statement may.
    const database = await openDatabase(databaseUrl, { timeouts: SEED_TIMEOUTS });
    await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`.execute(database.db);
    await seedBench(database.db, Date.now(), size);
    await database.close();
    flags = ['--database', databaseUrl];
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'invitekit-bench-'));
    cleanup.push(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const database = await openDatabase({ pglite: dir });
    await seedBench(database.db, Date.now(), size);
    await database.close();
    flags = ['--data', dir];
  }
  const args = ['--port', '0', '--auth', 'scripts/bench-server/auth.ts', ...flags];
  const server = await startServerProcess(args, {}, 180_000);
  cleanup.unshift(() => server.stop());
  if (!databaseUrl) return { target, size, url: server.url, client: null, floorUrl: null };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanup.unshift(() => client.end());
  const floor = await startFloor(databaseUrl);
  cleanup.unshift(() => floor.child.kill('SIGTERM'));
  return { target, size, url: server.url, client, floorUrl: floor.url };
}
