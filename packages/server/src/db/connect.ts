/**
 * Opens the database: an embedded PGlite in a data directory by default (`./invitekit-data`), or a PostgreSQL
 * server given as a `postgres://` URL (the `pg` driver, a connection pool). Both speak PostgreSQL, so the same
 * migrations and queries run on each.
 */
import { resolve } from 'node:path';
import { type ProcessLock, lockFile } from '@invitekit/engine/process-lock';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';
import { openPgliteWorker } from './pglite-worker.js';

export const DEFAULT_DATA_DIR = './invitekit-data';

/** A `postgres://` URL, or `{ pglite: dir }` (a directory, or `memory://` for a throwaway database). */
export type DatabaseOption = string | { pglite: string } | undefined;

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Where it is, without credentials (for the log line at start). */
  where: string;
  close(): Promise<void>;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/**
 * PGlite is one process's database: a second process opening the same directory would write beside the first
 * and lose its changes. So a directory is locked (`DIR.lock`, the holder's pid) while open; a stale lock is taken
 * over. Several processes share a PostgreSQL server instead. `memory://` needs no lock.
 */
function lockPglite(dataDir: string): ProcessLock | undefined {
  if (dataDir.startsWith('memory://')) return undefined;
  const dir = resolve(dataDir).replace(/[\\/]+$/, '');
  return lockFile(`${dir}.lock`, {
    what: `The PGlite directory ${dataDir}`,
    holder: 'another invitekit server',
    instead: 'run every process on PostgreSQL (--database postgres://…)',
  });
}

/**
 * How long PostgreSQL may take (server.md, Operating it: a frozen database answers 503 within seconds, never a
 * hung request). `connectMs` bounds getting a connection (a new one, or a free one of the pool); `statementMs` is
 * PostgreSQL's own `statement_timeout`, and this client gives up on an answer a little later (a stopped server
 * enforces nothing); a transaction left idle is ended by the server after `idleInTransactionMs`.
 */
export interface DatabaseTimeouts {
  connectMs?: number;
  statementMs?: number;
  idleInTransactionMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<DatabaseTimeouts> = {
  connectMs: 5_000,
  statementMs: 10_000,
  idleInTransactionMs: 30_000,
};

export async function openDatabase(
  option: DatabaseOption,
  options: { poolSize?: number; timeouts?: DatabaseTimeouts } = {},
): Promise<OpenDatabase> {
  if (typeof option === 'string') {
    if (!isPostgresUrl(option)) {
      throw new Error(`The database must be a postgres:// URL or { pglite: dir }, not "${redact(option)}"`);
    }
    const { default: pg } = await import('pg');
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const pool = new pg.Pool({
      connectionString: option,
      max: options.poolSize ?? 10,
      // Idle connections never keep a finished script or test process alive.
      allowExitOnIdle: true,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.statementMs + 2_000,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      keepAlive: true,
    });
    // A pooled connection that breaks while idle must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', where: redact(option), close: () => db.destroy() };
  }
  const dataDir = option?.pglite ?? DEFAULT_DATA_DIR;
  const lock = lockPglite(dataDir);
  try {
    // On a thread of its own: PGlite's work never holds up the server's requests (pglite-worker.ts).
    const client = await openPgliteWorker(dataDir);
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    };
    return { db, kind: 'pglite', where: `PGlite at ${dataDir}`, close };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
