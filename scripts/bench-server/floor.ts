/**
 * The floor for the list page: a bare node:http server on `pg` that runs invitekit's own list statements (captured
 * once from the SQL store's `listInvitations` for the first page of the default list, then replayed with the same
 * parameters) and answers their rows as JSON. No framework, no sign-in, no transaction: what PostgreSQL and Node
 * allow for the same page. Run as a child process of the benchmark:
 *   tsx --conditions=source scripts/bench-server/floor.ts postgres://…
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { OpenDatabase } from '@invitekit/server';
// Not exported on purpose: the floor must replay invitekit's own statements (allowed in the import check).
import { listInvitations } from '../../packages/server/src/store/invitation-list.js';

/** The server's schema, as its public `openDatabase` types it. */
type Database = OpenDatabase['db'] extends Kysely<infer D> ? D : never;

const url = process.argv[2];
if (!url) throw new Error('usage: floor.ts postgres://…');
const pool = new pg.Pool({ connectionString: url, max: 10 });

const captured: { sql: string; parameters: readonly unknown[] }[] = [];
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  },
});
await listInvitations(db, 'acme', {
  now: Date.now(),
  statuses: ['pending', 'expired'],
  q: '',
  sort: 'invitedAt',
  order: 'desc',
  after: null,
  limit: 26,
});

const server = createServer((_req, res) => {
  Promise.all(captured.map((s) => pool.query<Record<string, unknown>>(s.sql, [...s.parameters])))
    .then((results) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: results[0]?.rows.slice(0, 25), rest: results.slice(1).map((r) => r.rows) }));
    })
    .catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`floor listening on http://127.0.0.1:${String(port)} (${String(captured.length)} statements)\n`);
});
process.once('SIGTERM', () => {
  server.close();
  void pool.end();
});
