/**
 * The SQL store: the engine's {@link Store} on PostgreSQL or PGlite. Each engine operation that writes is one
 * database transaction (READ COMMITTED), a read its statements on their own (read-only.ts); the guarantees that
 * must hold across processes are constraints and compare-and-set updates, and a lost race surfaces as
 * `StoreConflict` so that the engine reruns the operation.
 */
import {
  type ControlledStore,
  type ControlsTx,
  type Store,
  StoreConflict,
  type StoreTx,
  StoreUnavailable,
  type TransactionOptions,
} from '@invitekit/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { SqlControlsTx } from './controls-tx.js';
import { readOnlyGuard } from './read-only.js';
import { SqlTx } from './tx.js';

export interface SqlStoreOptions {
  /** Called after a transaction that queued email commits (the sender drains the outbox). */
  onMessages?: () => void;
}

/** SQLSTATE classes: 23505 unique, 23P01 exclusion, 40001 serialization failure, 40P01 deadlock. */
const CONFLICTS = new Set(['23505', '23P01', '40001', '40P01']);

function sqlState(error: unknown): { code: string; constraint?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  return typeof constraint === 'string' ? { code, constraint } : { code };
}

/** Lost connections, a server shutting down, too many clients, a refused socket: try again later. */
function isUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return /^(08|53|57)/.test(state.code);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NOTFOUND)$/.test(code)) {
    return true;
  }
  return (
    error instanceof Error &&
    /Connection terminated|connection .*closed|timeout exceeded|Query read timeout/i.test(error.message)
  );
}

/** A database error as the engine expects it: conflicts to rerun, unavailability to answer 503; others as is. */
export function storeError(error: unknown): unknown {
  if (error instanceof StoreConflict || error instanceof StoreUnavailable) return error;
  const state = sqlState(error);
  if (state && CONFLICTS.has(state.code)) return new StoreConflict(state.constraint ?? `sqlstate_${state.code}`);
  if (isUnavailable(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new StoreUnavailable(`The database is unavailable: ${message}`, { cause: error });
  }
  return error;
}

/**
 * Runs `fn` over a tx of `make`; errors as the engine expects them. A write is one database transaction; a read
 * runs its statements on their own, guarded against writing (read-only.ts says why that is as safe and two
 * round trips cheaper).
 */
async function runTransaction<Tx extends SqlTx, T>(
  db: Kysely<Database>,
  make: (db: Kysely<Database>) => Tx,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions & SqlStoreOptions,
): Promise<T> {
  let tx: Tx | undefined;
  let result: T;
  try {
    if (options.readOnly) {
      const reader = make(db.withPlugin(readOnlyGuard));
      const value = await fn(reader);
      await reader.buffer.flush(); // empty, or a write held back, which the guard refuses here
      return value;
    }
    result = await db.transaction().execute(async (trx) => {
      const current = make(trx);
      tx = current;
      const value = await fn(current);
      await current.buffer.flush();
      return value;
    });
  } catch (error) {
    throw storeError(error);
  }
  if (tx?.appendedMessages) options.onMessages?.();
  return result;
}

/** The production store: the rules' operations only. */
export class SqlStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    private readonly options: SqlStoreOptions = {},
  ) {}

  transaction<T>(fn: (tx: StoreTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return runTransaction(this.db, (db) => new SqlTx(db), fn, { ...this.options, ...options });
  }
}

/** The store under test controls (`testControls`, the engine's tests on SQL): the rules and the controls. */
export class SqlControlledStore implements ControlledStore {
  constructor(
    readonly db: Kysely<Database>,
    private readonly options: SqlStoreOptions = {},
  ) {}

  transaction<T>(fn: (tx: StoreTx & ControlsTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return runTransaction<SqlControlsTx, T>(this.db, (db) => new SqlControlsTx(db), fn, {
      ...this.options,
      ...options,
    });
  }
}
