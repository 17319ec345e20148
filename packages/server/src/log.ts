/**
 * One structured JSON line per request: method, path, status, duration, request id. Never a code or a token:
 * the path's code segment (`/invites/{code}`) is replaced by `:code` and query strings are left out (`q` may hold
 * an address). A log line is an object handed to the `log` option; the default writes it to stdout.
 */
import { maskEmail } from '@invitekit/sdk';

export interface RequestLogLine {
  time: string;
  level: 'info' | 'error';
  msg: 'request';
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
}

export interface ErrorLogLine {
  time: string;
  level: 'error';
  msg: string;
  requestId?: string;
  error: string;
}

/** What the server says once at start (with `devAuth`: which tokens and organizations exist). */
export interface InfoLogLine {
  time: string;
  level: 'info';
  msg: string;
}

export type LogLine = RequestLogLine | ErrorLogLine | InfoLogLine;
export type Logger = (line: LogLine) => void;

/** Request lines not yet written: under load, the lines of many requests go out in one write. */
let held = '';
let writesAtExit = false;

function writeHeld(): void {
  if (held === '') return;
  const text = held;
  held = '';
  process.stdout.write(text);
}

/**
 * How long a request line may wait for others. Each write to stdout is a system call that also wakes the reader
 * (a pipe to a log collector): one per event-loop turn still cost a twentieth of a list request under load, one per
 * 10 ms costs a few writes per hundred requests, and a line is never later than that.
 */
const HOLD_MS = 10;

/**
 * One JSON line per call on stdout. Request lines wait up to HOLD_MS and go out together. Any other line goes out
 * at once, after them, so the order stays; the process's exit writes the rest.
 */
export const jsonLogger: Logger = (line) => {
  const text = `${JSON.stringify(line)}\n`;
  if (line.msg !== 'request') {
    writeHeld();
    process.stdout.write(text);
    return;
  }
  if (held === '') setTimeout(writeHeld, HOLD_MS);
  held += text;
  if (!writesAtExit) {
    writesAtExit = true;
    process.once('exit', writeHeld);
  }
};

/** The path as it may be logged: invitation codes replaced by `:code`. */
export function loggablePath(pathname: string): string {
  return pathname.replace(/\/invites\/[^/]+/, '/invites/:code');
}

/** The client's `X-Request-Id` when it is a short visible-ASCII string, else a fresh one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given !== null && /^[\x21-\x7e]{1,128}$/.test(given) ? given : crypto.randomUUID();
}

/** Anything shaped like an address, such as the recipient an SMTP server quotes when it refuses one. */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * An error without anything that could carry a secret: its name and message, first line only, every email
 * address in it masked as the public lookup masks it (`j***@example.com`): logs hold no full address.
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
  return (text.split('\n')[0] ?? '').replace(ADDRESS, (address) => maskEmail(address)).slice(0, 300);
}
