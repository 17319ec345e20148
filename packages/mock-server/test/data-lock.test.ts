/** One server per data file: the lock refuses a live holder, takes over a dead one's, and is released. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lockDataFile } from '../src/data-lock.js';
import { DataFileError } from '../src/persistence.js';

const dir = mkdtempSync(join(tmpdir(), 'invitekit-lock-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (so it runs no more). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('lockDataFile', () => {
  it('holds FILE.lock with our pid, refuses a second holder naming the first, and releases', () => {
    const file = join(dir, 'a.json');
    const lock = lockDataFile(file);
    assert.equal(readFileSync(`${file}.lock`, 'utf8').trim(), String(process.pid));
    // A live holder (this test process stands in for the other server: the file holds a running pid).
    writeFileSync(`${file}.lock`, `${process.ppid}\n`);
    assert.throws(
      () => lockDataFile(file),
      (e: unknown) =>
        e instanceof DataFileError && e.message.includes(`pid ${process.ppid}`) && !e.message.includes('\n'),
    );
    lock.release();
    assert.ok(existsSync(`${file}.lock`), 'a lock that is no longer ours is left to its owner');
    rmSync(`${file}.lock`);
    const again = lockDataFile(file);
    again.release();
    again.release();
    assert.equal(existsSync(`${file}.lock`), false);
  });

  it('takes over the lock of a process that is gone', () => {
    const file = join(dir, 'b.json');
    writeFileSync(`${file}.lock`, `${deadPid()}\n`);
    const lock = lockDataFile(file);
    assert.equal(readFileSync(`${file}.lock`, 'utf8').trim(), String(process.pid));
    lock.release();
  });

  it('waits out a lock file still being written, and takes over one left empty long ago', () => {
    const file = join(dir, 'c.json');
    writeFileSync(`${file}.lock`, '');
    assert.throws(() => lockDataFile(file), DataFileError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    lockDataFile(file).release();
  });

  it('refuses with the cause when the directory cannot hold a lock', () => {
    assert.throws(
      () => lockDataFile(join(dir, 'no-such-dir', 'd.json')),
      (e: unknown) => e instanceof DataFileError && /Cannot lock the data file/.test(e.message),
    );
  });
});
