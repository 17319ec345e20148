/**
 * The standalone server's `--data FILE`: read on start (a corrupt file is an error, never a silent reset), and
 * written atomically after every change: a temp file in the same directory, fsync, rename. A kill at any
 * moment leaves either the previous or the new state on disk, never a torn file.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type MockState, parseState } from '@invitekit/engine';

export class DataFileError extends Error {}

/** The saved state, or `undefined` when the file does not exist yet. */
export function loadState(file: string): MockState | undefined {
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(`Cannot read the data file ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(`The data file ${file} is not valid JSON (${(error as Error).message}). Fix or delete it.`);
  }
  try {
    return parseState(data);
  } catch (error) {
    throw new DataFileError(`The data file ${file} is not usable: ${(error as Error).message}. Fix or delete it.`);
  }
}

let counter = 0;

export function saveState(file: string, state: MockState): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${counter++}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // Make the rename itself durable: fsync the directory (not possible on every platform; best effort).
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  }
}

/** Removes temp files a killed server left behind (they never hold the only copy of anything). */
export function removeStaleTemps(file: string): void {
  const prefix = `.${basename(file)}.`;
  for (const name of readdirSync(dirname(file))) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(file), name), { force: true });
  }
}
