/**
 * One structured JSON line per request: method, path, status, duration, request id. Never a code or a token:
 * the path's code segment (`/invites/{code}`) is replaced by `:code` and query strings are left out (`q` may hold
 * an address). A log line is an object handed to the `log` option; the default writes it to stdout.
 */
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

export const jsonLogger: Logger = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
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

/** An error without anything that could carry a secret: its name and message, first line only. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
