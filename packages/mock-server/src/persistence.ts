/**
 * The standalone server's `--data FILE`: read on start (a corrupt file is an error, never a silent reset), and
 * written atomically after every change: a temp file in the same directory, every byte written, fsync, rename.
 * A kill at any moment leaves either the previous or the new state on disk, never a torn file; a save that
 * cannot complete (disk full) throws and leaves the previous file as it was.
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
import { type StoreState, parseState } from '@invitekit/engine';

export class DataFileError extends Error {}

/** The saved state, or `undefined` when the file does not exist yet. */
export function loadState(file: string): StoreState | undefined {
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

/** The file operations a save makes; tests inject a short or failing `write` where a full disk cannot be had. */
export interface SaveIo {
  /** Writes from `buffer[offset..]`, answering how many bytes went out (like `fs.writeSync`). */
  write(fd: number, buffer: Uint8Array, offset: number): number;
}

const nodeIo: SaveIo = { write: (fd, buffer, offset) => writeSync(fd, buffer, offset) };

/** Writes all of `bytes`: `writeSync` may write fewer than asked (a full disk, a signal), so it loops. */
function writeAll(io: SaveIo, fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const written = io.write(fd, bytes, offset);
    // No progress means no room: an error, never a silently shorter file.
    if (written <= 0) throw Object.assign(new Error('no space left to write the data file'), { code: 'ENOSPC' });
    offset += written;
  }
}

/**
 * Saves `state` whole or not at all: every byte to a temp file, fsync, then a rename over the good file. On any
 * failure (a full disk, a read-only directory) the temp file is removed, the good file is untouched, and a
 * {@link DataFileError} naming the cause is thrown.
 */
export function saveState(file: string, state: StoreState, io: SaveIo = nodeIo): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${counter++}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeAll(io, fd, Buffer.from(JSON.stringify(state)));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new DataFileError(`Cannot save the data file ${file}: ${(error as Error).message}`);
  }
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
