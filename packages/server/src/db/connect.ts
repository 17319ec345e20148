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

export async function openDatabase(option: DatabaseOption, options: { poolSize?: number } = {}): Promise<OpenDatabase> {
  if (typeof option === 'string') {
    if (!isPostgresUrl(option)) {
      throw new Error(`The database must be a postgres:// URL or { pglite: dir }, not "${redact(option)}"`);
    }
    const { default: pg } = await import('pg');
    // allowExitOnIdle: idle connections never keep a finished script or test process alive.
    const pool = new pg.Pool({ connectionString: option, max: options.poolSize ?? 10, allowExitOnIdle: true });
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
