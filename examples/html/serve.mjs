/**
 * A static file server for a page without a bundler, with the API proxied on the same origin (as a product serves
 * its own backend): `node serve.mjs [--port 8080] [--api http://127.0.0.1:4010]`. `/api/*` and `/__mock/*` go to
 * the mock server; every other path is a file under this folder (or the folder given with `--root`).
 * No dependencies; the repo's consumer tests serve every built example with it too.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Starts serving `root`; resolves with the server and its origin once it listens on 127.0.0.1. */
export function serve({ root, api, port = 0 }) {
  const target = new URL(api);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (/^\/(api|__mock)(\/|$)/.test(url.pathname)) {
      const forwarded = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forwarded.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`The API at ${api} did not answer: ${error.message}`);
      });
      req.pipe(forwarded);
      return;
    }
    // Never outside root: normalize() removes every "..".
    let file = join(root, normalize(decodeURIComponent(url.pathname)));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolvePromise({
        server,
        origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      api: { type: 'string', default: 'http://127.0.0.1:4010' },
      root: { type: 'string', default: fileURLToPath(new URL('.', import.meta.url)) },
    },
  });
  const { origin } = await serve({ root: resolve(values.root), api: values.api, port: Number(values.port) });
  console.log(`Serving ${values.root} on ${origin} (API: ${values.api})`);
}
