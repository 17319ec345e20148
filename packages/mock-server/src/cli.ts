#!/usr/bin/env node
/**
 * `invitekit-mock-server --port PORT [--data FILE] [--accept-url URL] [--allow-origin ORIGIN]...` (in this repo:
 * `npm run mock-server -- …`): the mock over real HTTP on 127.0.0.1.
 * Prints exactly one ready line once it listens; errors go to stderr with exit code 2 (usage) or 1.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

const USAGE = `Usage: invitekit-mock-server --port PORT [--data FILE] [--accept-url URL] [--allow-origin ORIGIN]...
  --port PORT           port on 127.0.0.1 (0 picks a free one)
  --data FILE           keep the state in FILE across restarts (created if missing)
  --accept-url URL      where invitation links point (default: http://127.0.0.1:PORT/redeem/)
  --allow-origin ORIGIN answer CORS (with credentials) for this origin, say http://localhost:5173 (repeatable)`;

function fail(message: string, code = 2): never {
  process.stderr.write(`invitekit mock server: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'accept-url': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const args = parse();
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.port === undefined) fail('--port is required');
if (!/^\d+$/.test(args.port) || Number(args.port) > 65535)
  fail(`--port must be a whole number from 0 to 65535, not "${args.port}"`);
const acceptUrl = args['accept-url'];
if (acceptUrl !== undefined) {
  let url: URL | undefined;
  try {
    url = new URL(acceptUrl);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    fail(`--accept-url must be an absolute http(s) URL, not "${acceptUrl}"`);
}
if (args.data === '') fail('--data needs a file name');
// Imported only when needed: a usage error answers before the server's modules load.
const { normalizeOrigin } = args['allow-origin'] ? await import('@invitekit/engine/http') : { normalizeOrigin: String };
const allowOrigins = (args['allow-origin'] ?? []).map((origin) => {
  try {
    return normalizeOrigin(origin);
  } catch (error) {
    return fail(`--allow-origin: ${(error as Error).message}`);
  }
});

// Loaded only once the arguments are good, so a usage error answers at once.
const { startMockHttpServer } = await import('./http-server.js');
const { DataFileError } = await import('./persistence.js');
try {
  const running = await startMockHttpServer({
    port: Number(args.port),
    ...(args.data ? { dataFile: resolve(args.data) } : {}),
    ...(acceptUrl ? { acceptUrl } : {}),
    allowOrigins,
  });
  const stop = () => {
    void running.close().finally(() => process.exit(0));
  };
  // Before the ready line: whoever reads it may signal at once, and without a listener the signal kills outright
  // (the lock file stays behind).
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`invitekit mock server listening on ${running.url}\n`);
} catch (error) {
  if (error instanceof DataFileError) fail(error.message, 1);
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') fail(`port ${args.port} is already in use`, 1);
  fail(e.message, 1);
}
