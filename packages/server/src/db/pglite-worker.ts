/**
 * PGlite in a worker thread. PGlite runs PostgreSQL in WebAssembly, synchronously, on the thread that calls it:
 * in the server's own thread every query stops every request (reading JSON, writing answers, the next query's
 * parameters) until it returns. Here the database lives on a thread of its own and the server's thread only
 * posts statements and receives rows (structured clone keeps Dates, numbers and JSON as PGlite parsed them).
 * PGlite's own PGliteWorker is made for browsers (tabs electing a leader); Node's worker_threads need only this.
 */
import { Worker } from 'node:worker_threads';

/** What the dialect needs of a PGlite: statements in, rows out. */
export interface PgliteClient {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  readonly waitReady: Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; rows: unknown[]; affectedRows?: number } | { id: number; error: Record<string, unknown> };

/**
 * The worker's code, as text so that it needs no file of its own in the package (nor a build step of its own):
 * it imports PGlite and the extensions from the URLs resolved here, opens the directory, and answers statements
 * one at a time in the order they came.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { PGlite } = await import(workerData.urls.pglite);
  const { btree_gist } = await import(workerData.urls.btree_gist);
  const { pg_trgm } = await import(workerData.urls.pg_trgm);
  let db;
  try {
    db = await PGlite.create({ dataDir: workerData.dataDir, extensions: { btree_gist, pg_trgm } });
  } catch (error) {
    parentPort.postMessage({ id: 0, error: { message: String(error && error.message || error) } });
    return;
  }
  parentPort.postMessage({ id: 0, rows: [] });
  parentPort.on('message', async (message) => {
    if (message.close) {
      await db.close();
      parentPort.postMessage({ id: message.id, rows: [] });
      parentPort.close();
      return;
    }
    try {
      const result = await db.query(message.sql, message.params);
      parentPort.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows });
    } catch (error) {
      // A database error's fields (code, constraint, detail…) travel as a plain object.
      parentPort.postMessage({ id: message.id, error: { ...error, message: error.message } });
    }
  });
})();
`;

/** Opens PGlite in `dataDir` on a worker thread; resolves once it is open (or rejects with PGlite's reason). */
export async function openPgliteWorker(dataDir: string): Promise<PgliteClient> {
  const urls = {
    pglite: import.meta.resolve('@electric-sql/pglite'),
    btree_gist: import.meta.resolve('@electric-sql/pglite/contrib/btree_gist'),
    pg_trgm: import.meta.resolve('@electric-sql/pglite/contrib/pg_trgm'),
  };
  const worker = new Worker(WORKER, { eval: true, workerData: { dataDir, urls } });
  const waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let next = 1;
  let failure: Error | undefined;
  worker.on('message', (reply: Reply) => {
    const call = waiting.get(reply.id);
    waiting.delete(reply.id);
    // Only a statement in flight keeps the process alive: an idle server exits as with PGlite in its own thread.
    if (waiting.size === 0) worker.unref();
    call?.resolve(reply);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  });
  worker.on('exit', () => {
    failure ??= new Error('The PGlite worker has stopped');
    for (const call of waiting.values()) call.reject(failure);
    waiting.clear();
  });
  const send = (id: number, message: object): Promise<Reply> =>
    new Promise((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      waiting.set(id, { resolve, reject });
      worker.ref();
      if (id !== 0) worker.postMessage({ id, ...message });
    });
  const opened = await send(0, {});
  if ('error' in opened) {
    await worker.terminate();
    throw Object.assign(new Error(String(opened.error['message'])), opened.error);
  }
  return {
    waitReady: Promise.resolve(),
    async query(sql: string, params: unknown[]) {
      const reply = await send(next++, { sql, params });
      if ('error' in reply) throw Object.assign(new Error(String(reply.error['message'])), reply.error);
      return {
        rows: reply.rows,
        ...(reply.affectedRows === undefined ? {} : { affectedRows: reply.affectedRows }),
      };
    },
    async close() {
      await send(next++, { close: true });
      await worker.terminate();
    },
  };
}
