/**
 * A Kysely dialect for PGlite. PGlite is one connection in this process, so the driver hands it out to one
 * user at a time (a queue): a transaction owns it from BEGIN to COMMIT and no other query can slip in between,
 * which would otherwise run inside someone else's transaction. (kysely-pglite's driver shares the connection
 * freely and does not report affected rows, which compare-and-set updates rely on.)
 */
import type { PgliteClient } from './pglite-worker.js';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PgliteClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query(compiled.sql, [...compiled.parameters]);
    const command = compiled.query.kind;
    const changes = command === 'InsertQueryNode' || command === 'UpdateQueryNode' || command === 'DeleteQueryNode';
    return {
      rows: result.rows as R[],
      ...(changes || result.affectedRows ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}),
    };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}

/** A first-come, first-served lock over the one connection. */
class ConnectionQueue {
  private tail: Promise<void> = Promise.resolve();
  private releases: (() => void)[] = [];

  async acquire(): Promise<void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    await before;
    this.releases.push(release);
  }

  release(): void {
    this.releases.shift()?.();
  }
}

class PGliteDriver implements Driver {
  private readonly queue = new ConnectionQueue();
  private readonly connection: PGliteConnection;

  constructor(
    private readonly client: PgliteClient,
    private readonly closeClient: boolean,
  ) {
    this.connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {
    await this.client.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.queue.acquire();
    return this.connection;
  }

  /** Honours Kysely's settings as its PostgreSQL driver does: a `READ ONLY` transaction refuses to write. */
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : '';
    const access = settings.accessMode ? ` ${settings.accessMode.toUpperCase()}` : '';
    await connection.executeQuery(CompiledQuery.raw(`START TRANSACTION${isolation}${access}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  releaseConnection(): Promise<void> {
    this.queue.release();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    if (this.closeClient) await this.client.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly client: PgliteClient,
    private readonly options: { closeClient?: boolean } = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.client, this.options.closeClient ?? true);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
