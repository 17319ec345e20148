/**
 * `--data FILE` writes, deterministically: the SIGKILL test under test/http proves a killed server leaves a
 * loadable file, but an in-place write would tear only when the kill lands mid-write. These tests prove the
 * mechanism instead: every save replaces the file by a rename (a new inode), leaves no temp file behind, and
 * never writes into the file a reader has open.
 */
import assert from 'node:assert/strict';
import {
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ControlledEngine, seedState } from '@invitekit/engine';
import { DataFileError, loadState, removeStaleTemps, saveState } from '../src/persistence.js';

const dir = mkdtempSync(join(tmpdir(), 'invitekit-persist-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});
const T0 = Date.parse('2030-01-01T00:00:00.000Z');

describe('saveState', () => {
  it('replaces the file through a rename: a new inode every save, no temp file left, the content whole', async () => {
    const file = join(dir, 'state.json');
    const engine = new ControlledEngine({ realNow: () => T0 });
    saveState(file, await engine.snapshot());
    const inodes = [statSync(file).ino];
    for (let i = 0; i < 3; i++) {
      await engine.createInvitations(await engine.authenticate('acme-admin'), 'acme', {
        emails: [`save${i}@example.com`],
      });
      saveState(file, await engine.snapshot());
      inodes.push(statSync(file).ino);
    }
    // The file system may recycle a freed inode for a later temp file, so compare each save with the one before.
    for (let i = 1; i < inodes.length; i++)
      assert.notEqual(inodes[i], inodes[i - 1], 'an in-place write would keep the inode');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes('state.json') && n !== 'state.json'),
      [],
    );
    assert.deepEqual(loadState(file), await engine.snapshot());
  });

  it('leaves a reader of the previous file its previous bytes', () => {
    const file = join(dir, 'reader.json');
    saveState(file, seedState(T0, 'empty'));
    const before = readFileSync(file);
    const fd = openSync(file, 'r');
    try {
      saveState(file, seedState(T0, 'default'));
      const held = Buffer.alloc(before.length + 16);
      const read = readSync(fd, held, 0, held.length, 0);
      assert.deepEqual(held.subarray(0, read), before, 'the open file was not written into');
    } finally {
      closeSync(fd);
    }
    assert.equal(loadState(file)?.seed, 'default');
  });
});

describe('saveState writes every byte or fails without touching the good file', () => {
  it('keeps writing when a write takes only part of the bytes (as writeSync may)', () => {
    const file = join(dir, 'partial.json');
    const calls: number[] = [];
    // At most 1,000 bytes a call, through the real writeSync.
    saveState(file, seedState(T0), {
      write: (fd, buffer, offset) => {
        const written = writeSync(fd, buffer, offset, Math.min(1000, buffer.byteLength - offset));
        calls.push(written);
        return written;
      },
    });
    assert.ok(calls.length > 3, `${calls.length} writes`);
    assert.deepEqual(loadState(file), seedState(T0));
  });

  for (const [name, write] of [
    ['a write that makes no progress (a full disk)', () => 0],
    [
      'a write that fails with ENOSPC half way',
      (fd: number, buffer: Uint8Array, offset: number) => {
        if (offset > 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return writeSync(fd, buffer, offset, 100);
      },
    ],
  ] as const) {
    it(`${name}: throws DataFileError, leaves the good file and no temp file`, () => {
      const sub = mkdtempSync(join(dir, 'full-'));
      const file = join(sub, 'data.json');
      saveState(file, seedState(T0, 'empty'));
      const good = readFileSync(file);
      assert.throws(
        () => {
          saveState(file, seedState(T0), { write });
        },
        (e: unknown) => e instanceof DataFileError && /Cannot save the data file/.test(e.message),
      );
      assert.deepEqual(readFileSync(file), good, 'the good file is untouched');
      assert.deepEqual(readdirSync(sub), ['data.json'], 'no temp file left');
    });
  }
});

describe('loadState and temp files', () => {
  it('answers undefined for a missing file and refuses corrupt or foreign content with DataFileError', () => {
    assert.equal(loadState(join(dir, 'missing.json')), undefined);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"version": 1, "or');
    assert.throws(
      () => loadState(corrupt),
      (e: unknown) => e instanceof DataFileError && /not valid JSON/.test(e.message),
    );
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ ...seedState(T0), version: 99 }));
    assert.throws(
      () => loadState(foreign),
      (e: unknown) => e instanceof DataFileError && /not usable/.test(e.message),
    );
  });

  it('removes the temp files a killed writer left, and nothing else', () => {
    const sub = mkdtempSync(join(dir, 'temps-'));
    const file = join(sub, 'data.json');
    writeFileSync(file, '{}');
    writeFileSync(join(sub, '.data.json.123.0.tmp'), '{"torn');
    writeFileSync(join(sub, '.other.json.1.0.tmp'), 'x');
    writeFileSync(join(sub, 'notes.txt'), 'x');
    removeStaleTemps(file);
    assert.deepEqual(readdirSync(sub).sort(), ['.other.json.1.0.tmp', 'data.json', 'notes.txt']);
  });
});
