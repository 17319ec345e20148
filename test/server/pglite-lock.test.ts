/**
 * One process per PGlite directory: a second server (or `migrate`) on a directory in use refuses in one line
 * naming the directory and the holder; a stale lock of a dead process is taken over; a closed database frees it.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../packages/server/src/db/connect.js';
import { copyTemplate } from './pglite.js';
import { SERVER_CLI } from '../../tools/server-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', SERVER_CLI, ...args],
      { cwd: ROOT },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('a PGlite directory', () => {
  it('is refused to a second process while open, in one line naming it and the holder, and freed on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'invitekit-lock-')), 'data');
    await copyTemplate(dir);
    const first = await openDatabase({ pglite: dir });
    const second = await cli(['migrate', '--data', dir]);
    assert.equal(second.code, 1);
    assert.equal(
      second.stderr,
      `invitekit-server: The PGlite directory ${dir} is in use by another invitekit server (pid ${String(process.pid)}); ` +
        'stop it or run every process on PostgreSQL (--database postgres://…).\n',
    );
    await first.close();
    assert.equal(existsSync(`${dir}.lock`), false);
    const after = await cli(['migrate', '--data', dir]);
    assert.equal(after.code, 0, after.stderr);
    assert.match(after.stdout, /is up to date/);
  });

  it('takes over the lock a killed process left behind', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'invitekit-lock-')), 'data');
    await copyTemplate(dir);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${dir}.lock`, `${gone}\n`);
    const result = await cli(['migrate', '--data', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(existsSync(`${dir}.lock`), false, 'released at exit');
  });
});
