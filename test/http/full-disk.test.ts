/**
 * `--data FILE` on a full disk (api.md, The mock server): a real one, a small tmpfs, where this machine lets the
 * test mount one (as root); otherwise an injected write that stops short stands in for it. The diagnostic line
 * of the test says which ran.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startMockHttpServer } from '../../packages/mock-server/src/http-server.js';
import { loadState } from '../../packages/mock-server/src/persistence.js';
import { startServer } from './server.js';

const dir = mkdtempSync(join(tmpdir(), 'invitekit-full-'));
const mounted: string[] = [];
after(() => {
  for (const point of mounted) spawnSync('umount', [point]);
  rmSync(dir, { recursive: true, force: true });
});
const ADMIN = { authorization: 'Bearer acme-admin', 'content-type': 'application/json' };
const ALL = 'status=pending,expired,accepted,declined,revoked&limit=100';

/** A directory on a 32 KiB tmpfs, or `undefined` where mounting is not permitted (not root, no CAP_SYS_ADMIN). */
function smallDisk(): string | undefined {
  // INVITEKIT_TEST_NO_MOUNT=1 runs the fallback on a machine that could mount, to check it too.
  if (process.env['INVITEKIT_TEST_NO_MOUNT']) return undefined;
  const point = join(dir, 'small-disk');
  mkdirSync(point);
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32k', 'tmpfs', point]);
  if (result.status !== 0) return undefined;
  mounted.push(point);
  return point;
}

interface Target {
  url: string;
  stop(): Promise<unknown>;
}

async function emails(url: string): Promise<string[]> {
  const page = (await (await fetch(`${url}/api/orgs/acme/invitations?${ALL}`, { headers: ADMIN })).json()) as {
    items: { email: string }[];
  };
  return page.items.map((i) => i.email).sort();
}

describe('a full disk', () => {
  it('answers unavailable 503, keeps the good file, and leaves memory and disk agreeing with what was answered', async (t) => {
    const disk = smallDisk();
    const file = join(disk ?? dir, 'full.json');
    let target: Target;
    if (disk) {
      t.diagnostic('a real full disk: a 32 KiB tmpfs');
      target = await startServer(['--data', file]);
    } else {
      t.diagnostic('mount not permitted: an injected write that stops after 24 KiB stands in for the full disk');
      let budget = 24 * 1024;
      const running = await startMockHttpServer({
        dataFile: file,
        saveIo: {
          write: (fd, buffer, offset) => {
            const room = Math.min(budget, buffer.byteLength - offset);
            budget -= room;
            return room > 0 ? writeSync(fd, buffer, offset, room) : 0;
          },
        },
      });
      target = { url: running.url, stop: () => running.close() };
    }
    try {
      const answered: string[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 200 && !refused; i++) {
        const email = `filler-${String(i).padStart(3, '0')}-${'x'.repeat(40)}@example.com`;
        const response = await fetch(`${target.url}/api/orgs/acme/invitations`, {
          method: 'POST',
          headers: ADMIN,
          body: JSON.stringify({ emails: [email] }),
        });
        if (response.status === 200) answered.push(email);
        else refused = response;
      }
      assert.ok(refused, 'the disk filled up');
      assert.ok(answered.length > 0, 'some changes fitted before');
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('content-type'), 'application/problem+json');
      const problem = (await refused.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'unavailable');
      // What failed (the data file) is for the log; the answer says only that nothing changed.
      assert.match(problem.detail, /change was not made/);
      assert.doesNotMatch(problem.detail, /ENOSPC|data file|\//);
      const onDisk = loadState(file);
      assert.ok(onDisk, 'the good file still loads');
      const acme = onDisk.orgs.find((o) => o.slug === 'acme');
      assert.deepEqual(
        acme?.invitations
          .filter((i) => i.email.startsWith('filler-'))
          .map((i) => i.email)
          .sort(),
        answered,
        'the file holds exactly what was answered',
      );
      const listed = (await emails(target.url)).filter((e) => e.startsWith('filler-'));
      assert.deepEqual(listed, answered, 'memory holds exactly what was answered: the refused change is undone');
      assert.deepEqual(
        readdirSync(disk ?? dir).filter((n) => n.endsWith('.tmp')),
        [],
        'no temp file left behind',
      );
    } finally {
      await target.stop();
    }
  });
});
