/**
 * Two server processes on one PostgreSQL keep every rule (server.md, "Proof"): the guarantees live in the
 * database, not in a process's memory. Requests alternate between the processes and all start at once.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SEED_CODES } from '@invitekit/engine';
import { type RunningPostgres, startPostgres } from '../../tools/postgres.js';
import { type ServerProcess, startServerProcess } from '../../tools/server-process.js';

const ADMIN = { authorization: 'Bearer acme-admin' };
let postgres: RunningPostgres;
let servers: ServerProcess[] = [];

before(async () => {
  postgres = await startPostgres();
  const url = await postgres.createDatabase('two_processes');
  const args = ['--port', '0', '--database', url, '--dev-auth', '--test-controls'];
  // One after the other: the first seeds the empty database, the second finds it seeded.
  servers.push(await startServerProcess(args));
  servers.push(await startServerProcess(args));
});
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  await postgres.stop();
});
beforeEach(async () => {
  const reset = await fetch(`${servers[0]?.url ?? ''}/__mock/reset`, { method: 'POST' });
  assert.equal(reset.status, 204);
});

/** `count` requests made at once, alternating between the two processes. */
interface Answer {
  status: number;
  body: { code?: string };
  text: string;
}

async function race(count: number, path: string, init: RequestInit): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await fetch(`${servers[i % 2]?.url ?? ''}${path}`, init);
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text) as { code?: string }, text };
    }),
  );
}

function tally(results: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.status === 200 ? '200' : `${String(r.status)} ${r.body.code ?? '?'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${servers[1]?.url ?? ''}${path}`, { headers: ADMIN });
  assert.equal(response.status, 200);
  return (await response.json()) as T;
}

interface Total {
  total: number;
}
interface Outbox {
  items: { kind: string }[];
}

describe('two server processes on one PostgreSQL', () => {
  it('50 racing accepts of one code: exactly one succeeds, the others are already_used', async () => {
    const results = await race(50, `/api/invites/${SEED_CODES.jane}/accept`, { method: 'POST' });
    assert.deepEqual(tally(results), { '200': 1, '409 already_used': 49 });
    const members = await get<Total>('/api/orgs/acme/members?q=jane%40example.com');
    assert.equal(members.total, 1);
  });

  it('one Idempotency-Key from both: one invitation, one message, the same answer everywhere', async () => {
    const results = await race(10, '/api/orgs/acme/invitations', {
      method: 'POST',
      headers: { ...ADMIN, 'content-type': 'application/json', 'idempotency-key': 'double-click-1' },
      body: JSON.stringify({ emails: ['race@example.com'] }),
    });
    assert.deepEqual(tally(results), { '200': 10 });
    const first = results[0]?.text;
    for (const r of results) assert.equal(r.text, first);
    const list = await get<Total>('/api/orgs/acme/invitations?q=race%40example.com&status=pending');
    assert.equal(list.total, 1);
    const outbox = await get<Outbox>('/__mock/outbox?to=race%40example.com');
    assert.equal(outbox.items.length, 1);
  });

  it('50 racing resends: exactly 3 go out, the others are resend_limit_reached', async () => {
    const results = await race(50, '/api/orgs/acme/invitations/inv_jane/resend', { method: 'POST', headers: ADMIN });
    assert.deepEqual(tally(results), { '200': 3, '409 resend_limit_reached': 47 });
    const jane = await get<{ resendCount: number }>('/api/orgs/acme/invitations/inv_jane');
    assert.equal(jane.resendCount, 3);
    const outbox = await get<Outbox>('/__mock/outbox?to=jane%40example.com');
    assert.equal(outbox.items.filter((m) => m.kind === 'resend').length, 3);
  });

  it('racing approves and dismisses of one request, 10 rounds: one winner each, the others not_pending', async () => {
    for (let round = 0; round < 10; round++) {
      if (round > 0)
        assert.equal((await fetch(`${servers[0]?.url ?? ''}/__mock/reset`, { method: 'POST' })).status, 204);
      const results = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const action = i % 4 < 2 ? 'approve' : 'dismiss';
          const url = `${servers[i % 2]?.url ?? ''}/api/orgs/acme/invitation-requests/req_nora/${action}`;
          const response = await fetch(url, { method: 'POST', headers: ADMIN });
          const body = (await response.json()) as { code?: string };
          return { action, status: response.status, code: body.code };
        }),
      );
      const winners = results.filter((r) => r.status === 200);
      assert.equal(winners.length, 1, `round ${String(round)}: ${JSON.stringify(results)}`);
      for (const r of results.filter((x) => x.status !== 200))
        assert.deepEqual([r.status, r.code], [409, 'not_pending']);
      const made = await get<Total>('/api/orgs/acme/invitations?q=nora%40example.com&status=pending');
      assert.equal(made.total, winners[0]?.action === 'approve' ? 1 : 0, `round ${String(round)}: invitations made`);
    }
  });
});
