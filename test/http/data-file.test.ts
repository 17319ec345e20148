/**
 * `--data FILE` when things go wrong (api.md, The mock server): a second server on the same file, a server
 * killed with its lock held, and a hand-edited file with values out of range. (A full disk: full-disk.test.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type StoreState, seedState } from '@invitekit/engine';
import { runCli, startServer } from './server.js';

const dir = mkdtempSync(join(tmpdir(), 'invitekit-data-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('one server per data file', () => {
  it('refuses a second server on the same file with a one-line message; the first keeps serving', async () => {
    const file = join(dir, 'shared.json');
    const first = await startServer(['--data', file]);
    try {
      await assert.rejects(runCli(['--port', '0', '--data', file]), (error: { exitCode?: number; stderr?: string }) => {
        assert.equal(error.exitCode, 1);
        const lines = (error.stderr ?? '').trimEnd().split('\n');
        assert.equal(lines.length, 1, error.stderr);
        assert.match(lines[0] ?? '', /in use by another mock server \(pid \d+\)/);
        return true;
      });
      assert.equal((await fetch(`${first.url}/api/orgs/acme/access`)).status, 200);
    } finally {
      assert.equal(await first.stop(), 0);
    }
    assert.equal(existsSync(`${file}.lock`), false, 'SIGTERM releases the lock');
    const next = await startServer(['--data', file]);
    assert.equal(await next.stop('SIGINT'), 0);
    assert.equal(existsSync(`${file}.lock`), false, 'SIGINT releases the lock');
  });

  it('takes over the lock a killed server left behind', async () => {
    const file = join(dir, 'killed.json');
    const killed = await startServer(['--data', file]);
    await killed.stop('SIGKILL');
    assert.ok(existsSync(`${file}.lock`), 'a SIGKILL leaves its lock');
    const next = await startServer(['--data', file]);
    try {
      assert.equal(readFileSync(`${file}.lock`, 'utf8').trim(), String(next.child.pid));
    } finally {
      await next.stop();
    }
  });
});

describe('a data file with values out of range', () => {
  it('is refused at start like a corrupt one, naming the place, and left as it was', async () => {
    const acmeOf = (state: StoreState) => {
      const acme = state.orgs.find((o) => o.slug === 'acme');
      assert.ok(acme);
      return acme;
    };
    const cases: [string, (state: StoreState) => void, RegExp][] = [
      ['ttl.json', (state) => (acmeOf(state).settings.invitationTtlDays = -5), /invitationTtlDays/],
      [
        'resends.json',
        (state) => Object.assign(acmeOf(state).invitations[0] ?? {}, { resendCount: -10 }),
        /resendCount/,
      ],
      ['latency.json', (state) => (state.faults.latencyMs = 1e9), /latencyMs/],
    ];
    for (const [name, spoil, place] of cases) {
      const state = seedState(Date.now());
      spoil(state);
      const file = join(dir, name);
      const text = JSON.stringify(state);
      writeFileSync(file, text);
      await assert.rejects(runCli(['--port', '0', '--data', file]), (error: { exitCode?: number; stderr?: string }) => {
        assert.equal(error.exitCode, 1, name);
        assert.match(error.stderr ?? '', /not usable/, name);
        assert.match(error.stderr ?? '', place, name);
        return true;
      });
      assert.equal(readFileSync(file, 'utf8'), text, `${name} is left as it was`);
      assert.equal(existsSync(`${file}.lock`), false, `${name}: a refused start leaves no lock`);
    }
  });
});
