/**
 * One process per file or directory that only one process may open (the mock's `--data` file, the server's
 * PGlite directory): a lock file created exclusively (O_EXCL) holding the owner's pid. A second process finds it
 * and refuses, naming the holder; the lock of a process that no longer runs (killed with SIGKILL) is taken over.
 * Released on `release()` and at exit. Node only: `@invitekit/engine/process-lock`.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

/** A lock file with no pid yet may be one being written this very moment; past this age it is debris. */
const UNWRITTEN_GRACE_MS = 5_000;

export interface ProcessLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** How the refusals name things: `The data file x.json` / `another mock server` / `file`. */
export interface LockSubject {
  /** What is locked, capitalised: `The PGlite directory ./invitekit-data`. */
  what: string;
  /** Who else would hold it: `another invitekit server`. */
  holder: string;
  /** What to do instead, after "stop it or …": `use another file`. */
  instead: string;
}

/** The lock is held by another running process, or could not be made; `message` is one line. */
export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
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
function refuseIfHeld(path: string, subject: LockSubject): void {
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
    throw new LockError(`${subject.what} is being opened by ${subject.holder} (${path}).`);
  }
  if (pid !== process.pid && isRunning(pid)) {
    throw new LockError(`${subject.what} is in use by ${subject.holder} (pid ${pid}); stop it or ${subject.instead}.`);
  }
}

/** Takes the lock file at `path` for this process, or throws a {@link LockError}. */
export function lockFile(path: string, subject: LockSubject): ProcessLock {
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new LockError(`Cannot lock ${subject.what.replace(/^The /, 'the ')}: ${(error as Error).message}`);
      }
      refuseIfHeld(path, subject);
      if (attempt > 0) throw new LockError(`${subject.what} was locked by ${subject.holder} meanwhile.`);
      rmSync(path, { force: true }); // the lock of a process that is gone
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
