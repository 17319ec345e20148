/**
 * `npm run demo:server [-- --port 8080 --data ./invitekit-data]`: the demo against the real backend. Builds the
 * demo without its MSW worker (VITE_INVITEKIT_BACKEND=server), then serves it and @invitekit/server (PGlite,
 * dev auth with the seeded tokens, the /__mock controls the demo toolbar and mailbox use) on one origin, so the
 * session cookie reaches the server exactly as a host's cookie reaches its own backend. People who join get an
 * account of Acme's own (demo-accounts.ts), which the server's `authenticate` recognises.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { createInvitekitServer } from '@invitekit/server';
import { demoAccounts } from './demo-accounts.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    data: { type: 'string', default: join(ROOT, 'invitekit-data') },
  },
});

const out = mkdtempSync(join(tmpdir(), 'invitekit-demo-server-'));
process.stdout.write('building the demo for @invitekit/server…\n');
execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--logLevel', 'warn'],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_INVITEKIT_BACKEND: 'server' },
  },
);

/** A built file for a URL path (`/login/` → login/index.html), or undefined. */
function staticFile(pathname: string): string | undefined {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(out, relative);
  if (!file.startsWith(out)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

/** Text files are served compressed (brotli, else gzip), as any production host serves them; made once per file. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);
const compressed = new Map<string, { br: Buffer; gzip: Buffer }>();
function encodedBody(file: string, req: IncomingMessage): { body: Buffer; encoding?: 'br' | 'gzip' } {
  const raw = readFileSync(file);
  if (!COMPRESSIBLE.has(extname(file))) return { body: raw };
  let both = compressed.get(file);
  if (!both) {
    both = {
      br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(raw, { level: 9 }),
    };
    compressed.set(file, both);
  }
  const accepted = req.headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accepted)) return { body: both.br, encoding: 'br' };
  if (/\bgzip\b/.test(accepted)) return { body: both.gzip, encoding: 'gzip' };
  return { body: raw };
}

const http = createServer();
await new Promise<void>((resolve) => http.listen(Number(values.port), '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${String((http.address() as AddressInfo).port)}`;
// Acme's own accounts for the people who join (the host's side: its sign-in, and the membership an accept makes).
// Beside PGlite's files in the data directory, so that one directory holds the demo's whole state.
const accounts = demoAccounts(join(values.data, 'demo-accounts.json'));
const invitekit = createInvitekitServer({
  database: { pglite: values.data },
  acceptUrl: `${origin}/redeem/`,
  devAuth: true,
  testControls: true,
  authenticate: (request) => accounts.authenticate(request),
  onAccepted: (event) => {
    accounts.onAccepted(event);
  },
});
await invitekit.ready;
http.on('request', (req, res) => {
  const pathname = new URL(req.url ?? '/', origin).pathname;
  if (pathname === '/demo/sign-in' && req.method === 'POST') {
    accounts.signIn(req, res);
    return;
  }
  if (pathname === '/__mock/reset' && req.method === 'POST') {
    res.once('finish', () => {
      if (res.statusCode === 204) accounts.forget();
    });
  }
  if (pathname.startsWith('/api/') || pathname.startsWith('/__mock/')) {
    invitekit.node(req, res);
    return;
  }
  const file = staticFile(pathname);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const { body, encoding } = encodedBody(file, req);
  res
    .writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Vite names every built asset by its content hash: it never changes under its name.
      'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    })
    .end(body);
});
const stop = () => {
  http.close();
  http.closeAllConnections();
  void invitekit.close().finally(() => {
    rmSync(out, { recursive: true, force: true });
    process.exit(0);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
process.stdout.write(`invitekit demo on @invitekit/server (PGlite in ${values.data}): ${origin}/\n`);
