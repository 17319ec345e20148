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

/**
 * How long a request line may wait for others, and how much may wait. Each write to stdout is a system call that
 * also wakes the reader (a pipe to a log collector), about a third of a millisecond of the server's CPU on a busy
 * 2-core machine: one per event-loop turn cost a twentieth of a list request under load, and one every 10 ms
 * still 3 % of the server's CPU at 900 requests a second. Every 50 ms (or 16 KB, about 80 lines) it is well under
 * 1 %, and a line is never later than that.
 */
export const HOLD_MS = 50;
export const HOLD_CHARS = 16_384;

/**
 * One JSON line per call, handed to `write`. Request lines wait up to HOLD_MS (or until HOLD_CHARS wait) and go out
 * together. Any other line goes out at once, after them, so the order stays; the process's exit writes the rest.
 */
export function heldLogger(write: (text: string) => void): Logger {
  let held = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writesAtExit = false;
  const writeHeld = () => {
    clearTimeout(timer);
    timer = undefined;
    if (held === '') return;
    const text = held;
    held = '';
    write(text);
  };
  return (line) => {
    const text = `${JSON.stringify(line)}\n`;
    if (line.msg !== 'request') {
      writeHeld();
      write(text);
      return;
    }
    held += text;
    if (held.length >= HOLD_CHARS) writeHeld();
    else timer ??= setTimeout(writeHeld, HOLD_MS);
    if (!writesAtExit) {
      writesAtExit = true;
      process.once('exit', writeHeld);
    }
  };
}

/** The default log: JSON lines on stdout (request lines held as {@link heldLogger} says). */
export const jsonLogger: Logger = heldLogger((text) => process.stdout.write(text));

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
