/**
 * The SQL store on `pg` runs the statements of a transaction one at a time on its connection: pg 8 warns
 * ("client.query() when the client is already executing a query") where two are sent at once, and pg 9 throws.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedState } from '@invitekit/engine';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../../packages/server/src/db/connect.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { SqlControlledStore } from '../../packages/server/src/store/sql-store.js';
import { type InvitekitServer, type LogLine, createInvitekitServer } from '@invitekit/server';
import { type RunningPostgres, startPostgres } from '../../tools/postgres.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const ADMIN = { authorization: 'Bearer acme-admin' };
let postgres: RunningPostgres;
let database: OpenDatabase;
let stopped = false;

before(async () => {
  postgres = await startPostgres();
  database = await openDatabase(await postgres.createDatabase('queries'));
  await migrate(database.db);
});
after(async () => {
  await database.close();
  if (!stopped) await postgres.stop();
});

describe('the SQL store on pg', () => {
  it('sends one statement at a time in a transaction (lists, searches, snapshots)', async () => {
    // How many statements each connection has sent and not yet had answered, at most.
    const inFlight = new WeakMap<object, number>();
    let most = 0;
    const original = Reflect.get(pg.Client.prototype, 'query') as (...a: unknown[]) => unknown;
    const counting = function (this: object, ...args: unknown[]) {
      const now = (inFlight.get(this) ?? 0) + 1;
      inFlight.set(this, now);
      most = Math.max(most, now);
      const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
      const result = original.apply(this, args);
      if (result instanceof Promise) result.then(done, done);
      return result;
    };
    Reflect.set(pg.Client.prototype, 'query', counting);
    try {
      const store = new SqlControlledStore(database.db);
      await store.transaction((tx) => tx.replaceAll(seedState(T0, 'default')));
      most = 0;
      await store.transaction(async (tx) => {
        const query = { now: T0, statuses: ['pending'] as const, sort: 'email' as const, order: 'asc' as const };
        await tx.listInvitations('acme', { ...query, q: 'example', after: null, limit: 5 });
        await tx.listInvitations('acme', { ...query, q: '', after: null, limit: 5 });
        await tx.listMembers('acme', { q: 'a', after: null, limit: 5 });
        await tx.listRequests('acme', { statuses: ['pending'], after: null, limit: 5 });
        await tx.snapshot();
      });
    } finally {
      Reflect.set(pg.Client.prototype, 'query', original);
    }
    assert.equal(most, 1, 'statements sent at once on one connection');
  });
});

describe('a PostgreSQL that hangs or is gone (server.md, Operating it)', () => {
  const logs: LogLine[] = [];
  let server: InvitekitServer;
  const call = (path: string, init: RequestInit = {}) =>
    server.fetch(
      new Request(`http://127.0.0.1${path}`, {
        ...init,
        headers: { ...ADMIN, ...Object.fromEntries(new Headers(init.headers)) },
      }),
    );
  const invite = (email: string) =>
    call('/api/orgs/acme/invitations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emails: [email] }),
    });

  before(async () => {
    // The host's own sign-in and organization: no test controls, so nothing but the request reads the database.
    server = createInvitekitServer({
      database: await postgres.createDatabase('faults'),
      acceptUrl: 'http://127.0.0.1/redeem/',
      authenticate: () => ({ id: 'u1', email: 'ada@example.com', grants: { acme: ['member:manage'] } }),
      timeouts: { requestMs: 2_500, connectMs: 1_000, statementMs: 1_500 },
      log: (line) => logs.push(line),
    });
    await server.ready;
    await server.organizations.upsert({ slug: 'acme', name: 'Acme', roles: ['member'], defaultRole: 'member' });
  });
  after(() => server.close().catch(() => undefined));

  it('answers 503 within seconds while the database is frozen, public reads too, and recovers by itself', async () => {
    assert.equal((await call('/api/orgs/acme/invitations')).status, 200);
    postgres.freeze();
    // Resumed after 8 s at the latest, so that a server that hangs fails this test instead of hanging it.
    const safety = setTimeout(() => {
      postgres.thaw();
    }, 8_000);
    const started = performance.now();
    let answers: { status: number; ms: number }[];
    try {
      answers = await Promise.all(
        [
          () => call('/api/orgs/acme/invitations'),
          () => call('/api/orgs/acme/access', { headers: { authorization: '' } }),
          () => call('/api/orgs/acme/settings'),
          () => call('/api/orgs/acme/members'),
          () => call('/api/invites/some-code-that-is-not-there'),
          () => invite('frozen@example.com'),
        ].map(async (request) => {
          const response = await request();
          await response.text();
          return { status: response.status, ms: performance.now() - started };
        }),
      );
    } finally {
      clearTimeout(safety);
      postgres.thaw();
    }
    for (const answer of answers) {
      assert.equal(answer.status, 503, JSON.stringify(answers));
      assert.ok(answer.ms < 6_000, `answered after ${String(Math.round(answer.ms))} ms`);
    }
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await call('/api/orgs/acme/invitations');
      if (response.status === 200) break;
      assert.ok(Date.now() < deadline, `still ${String(response.status)} 20 s after the database resumed`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  it('answers a gone database with a generic 503 naming the request id; details only in the log', async () => {
    await postgres.stop();
    stopped = true;
    logs.length = 0;
    const read = await server.fetch(new Request('http://127.0.0.1/api/orgs/acme/access'));
    const write = await server.fetch(
      new Request('http://127.0.0.1/api/orgs/acme/invitation-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'gone@example.com' }),
      }),
    );
    for (const [response, wording] of [
      [read, /could not be read|could not reach/],
      [write, /change was not made/],
    ] as const) {
      assert.equal(response.status, 503);
      const id = response.headers.get('x-request-id');
      const text = await response.text();
      const body = JSON.parse(text) as { code: string; detail: string; requestId?: string };
      assert.equal(body.code, 'unavailable');
      assert.equal(body.requestId, id);
      assert.match(body.detail, wording);
      const infrastructure = new RegExp(
        `127\\.0\\.0\\.1|${String(postgres.port)}|ECONNREFUSED|connect|postgres|pg`,
        'i',
      );
      assert.doesNotMatch(text.replaceAll(id ?? '?', ''), infrastructure);
      const failure = logs.find((l) => l.msg === 'request failed' && 'error' in l && l.requestId === id);
      assert.ok(failure && 'error' in failure, JSON.stringify(logs));
      assert.match(failure.error, /ECONNREFUSED|connect/);
    }
    const again = (await (await server.fetch(new Request('http://127.0.0.1/api/orgs/acme/access'))).json()) as {
      detail: string;
    };
    assert.doesNotMatch(again.detail, /change was not made/, 'a read never says a change was not made');
  });
});
