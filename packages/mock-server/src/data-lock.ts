/**
 * One server per data file: `FILE.lock` holding the owner's pid (the engine's process lock, shared with the
 * server's PGlite directory). A second server on the same file refuses to start; the lock of a process that no
 * longer runs is taken over. Released on close, and on exit (SIGINT and SIGTERM end through close).
 */
import { LockError, type ProcessLock, lockFile } from '@invitekit/engine/process-lock';
import { DataFileError } from './persistence.js';

export type DataLock = ProcessLock;

export function lockDataFile(dataFile: string): DataLock {
  try {
    return lockFile(`${dataFile}.lock`, {
      what: `The data file ${dataFile}`,
      holder: 'another mock server',
      instead: 'use another file',
    });
  } catch (error) {
    throw error instanceof LockError ? new DataFileError(error.message) : error;
  }
}
