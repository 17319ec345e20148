/**
 * One server per data file: `FILE.lock`, created exclusively (O_EXCL) and holding the owner's pid. A second
 * server on the same file finds it and refuses to start; the lock of a process that no longer runs (a server
 * killed with SIGKILL) is taken over. Released on close, and on exit (SIGINT and SIGTERM end through close).
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { DataFileError } from './persistence.js';

/** A lock file with no pid yet may be one being written this very moment; past this age it is debris. */
const UNWRITTEN_GRACE_MS = 5_000;

export interface DataLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Throws while the lock at `path` is held by a running process; returns when it is stale or gone. */
function refuseIfHeld(path: string, dataFile: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // released meanwhile
    throw error;
  }
  const pid = /^\d+$/.test(text) ? Number(text) : undefined;
  if (pid === undefined) {
    if (Date.now() - statSync(path).mtimeMs > UNWRITTEN_GRACE_MS) return;
    throw new DataFileError(`The data file ${dataFile} is being opened by another mock server (${path}).`);
  }
  if (pid !== process.pid && isRunning(pid)) {
    throw new DataFileError(
      `The data file ${dataFile} is in use by another mock server (pid ${pid}); stop it or use another file.`,
    );
  }
}

export function lockDataFile(dataFile: string): DataLock {
  const path = `${dataFile}.lock`;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataFileError(`Cannot lock the data file ${dataFile}: ${(error as Error).message}`);
      }
      refuseIfHeld(path, dataFile);
      if (attempt > 0) throw new DataFileError(`The data file ${dataFile} was locked by another server meanwhile.`);
      rmSync(path, { force: true }); // the lock of a server that is gone
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    break;
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { path, release };
}
