/** `--data FILE`: state survives restarts, writes are atomic under SIGKILL, bad files fail clearly. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseState } from '@invitekit/mock-server';
import type { Invitation, Outbox, Page } from './harness.js';
import { type CliFailure, runCli, startServer } from './server.js';

/** The JSON of an answer, as the type the caller names. */
const json = async <T>(response: Promise<Response>) => (await (await response).json()) as T;

const dir = mkdtempSync(join(tmpdir(), 'invitekit-mock-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
const ADMIN = { authorization: 'Bearer acme-admin', 'content-type': 'application/json' };
const ALL = 'status=pending,expired,accepted,declined,revoked&limit=100';

describe('--data FILE', () => {
  it('keeps every invitation, request, outbox message and the clock across a restart', async () => {
    const file = join(dir, 'restart.json');
    const first = await startServer(['--data', file]);
    await fetch(`${first.url}/api/orgs/acme/invitations`, {
      method: 'POST',
      headers: ADMIN,
      body: JSON.stringify({ emails: ['kept@example.com', 'also@example.com'] }),
    });
    await fetch(`${first.url}/api/orgs/acme/invitations/inv_jane/revoke`, { method: 'POST', headers: ADMIN });
    const moved = await fetch(`${first.url}/__mock/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 3_600_000 }),
    });
    assert.equal(moved.status, 200);
    const before = await json<Page<Invitation>>(
      fetch(`${first.url}/api/orgs/acme/invitations?${ALL}`, { headers: ADMIN }),
    );
    const outboxBefore = await json<Outbox>(fetch(`${first.url}/__mock/outbox`));
    assert.equal(await first.stop(), 0, 'SIGTERM ends the server cleanly');

    const second = await startServer(['--data', file]);
    try {
      const afterRestart = await json<Page<Invitation>>(
        fetch(`${second.url}/api/orgs/acme/invitations?${ALL}`, { headers: ADMIN }),
      );
      assert.equal(afterRestart.total, before.total);
      assert.deepEqual(
        afterRestart.items.map((i) => [i.id, i.status]),
        before.items.map((i) => [i.id, i.status]),
      );
      assert.ok(afterRestart.items.some((i) => i.email === 'kept@example.com'));
      assert.deepEqual((await json<Outbox>(fetch(`${second.url}/__mock/outbox`))).items, outboxBefore.items);
    } finally {
      await second.stop();
    }
  });

  it('a SIGKILL during a burst of writes leaves a file that loads, holding a consistent state', async () => {
    const file = join(dir, 'killed.json');
    const server = await startServer(['--data', file]);
    let stop = false;
    let done = 0;
    let sixtyDone!: () => void;
    const sixty = new Promise<void>((resolve) => (sixtyDone = resolve));
    const burst = Array.from({ length: 8 }, async (_, worker) => {
      for (let i = 0; !stop; i++) {
        try {
          await fetch(`${server.url}/api/orgs/acme/invitations`, {
            method: 'POST',
            headers: ADMIN,
            body: JSON.stringify({ emails: [`w${worker}-${i}@example.com`] }),
          });
          if (++done === 60) sixtyDone();
        } catch {
          return; // the server is gone
        }
      }
    });
    await sixty;
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(burst);
    await server.stop();
    const state = parseState(JSON.parse(readFileSync(file, 'utf8')));
    const acme = state.orgs.find((o) => o.slug === 'acme');
    assert.ok(acme);
    assert.ok(acme.invitations.filter((i) => i.email.startsWith('w')).length >= 50, 'most of the burst is on disk');
    const restarted = await startServer(['--data', file]);
    try {
      const page = await json<Page<Invitation>>(
        fetch(`${restarted.url}/api/orgs/acme/invitations?q=@example.com&limit=1`, { headers: ADMIN }),
      );
      assert.ok(page.total >= 50);
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.endsWith('.tmp')),
        [],
        'leftover temp files are cleaned up on start',
      );
    } finally {
      await restarted.stop();
    }
  });

  it('refuses a corrupt or foreign data file with a clear error instead of resetting it', async () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"version": 1, "orgs": [');
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ hello: 'world' }));
    await Promise.all([
      assert.rejects(runCli(['--port', '0', '--data', corrupt]), (error: CliFailure) => {
        assert.equal(error.exitCode, 1);
        assert.match(error.stderr ?? '', /not valid JSON/);
        return true;
      }),
      assert.rejects(runCli(['--port', '0', '--data', foreign]), /not usable/),
    ]);
    assert.equal(readFileSync(corrupt, 'utf8'), '{"version": 1, "orgs": [', 'the file is left alone');
  });
});
