/**
 * The Node adapter on its own (`nodeListener`, as an Express or Fastify host mounts it, without `serveNode`): a body
 * that trickles is still cut off with 408 problem+json after `bodyTimeoutMs`, and the handler never sees it.
 */
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { after, before, it } from 'node:test';
import { nodeListener } from '../../src/http/node.js';
import { json } from '../../src/http/problem.js';

let server: Server;
let port = 0;
const seen: string[] = [];

before(async () => {
  const target = Object.assign(
    async (request: Request) => {
      seen.push(await request.text());
      return new Response('ok');
    },
    { allowed: () => ['POST'] },
  );
  server = createServer(nodeListener(target, { bodyTimeoutMs: 300 }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('a listener alone cuts off a slow body with 408 problem+json and closes', { timeout: 5_000 }, async () => {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  const started = performance.now();
  const text = await new Promise<string>((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
    });
    socket.on('close', () => {
      resolve(received);
    });
    socket.write('POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc');
  });
  const ms = performance.now() - started;
  assert.match(text, /^HTTP\/1\.1 408 /);
  assert.match(text, /content-type: application\/problem\+json/i);
  assert.match(text, /connection: close/i);
  assert.ok(ms >= 250 && ms < 2_000, `closed after ${String(Math.round(ms))} ms`);
  assert.deepEqual(seen, [], 'the handler never saw the request');
});

it('writes a json() answer whole: Content-Length in bytes, the same text, no body for HEAD', async () => {
  const data = { name: 'Équipe 東京', items: ['a'] };
  const target = Object.assign(() => Promise.resolve(json(data)), { allowed: () => ['GET', 'HEAD'] });
  const own = createServer(nodeListener(target));
  await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${String((own.address() as AddressInfo).port)}/`;
    const text = JSON.stringify(data);
    const got = await fetch(url);
    assert.equal(got.headers.get('content-length'), String(Buffer.byteLength(text)));
    assert.equal(got.headers.get('content-type'), 'application/json');
    assert.equal(await got.text(), text);
    // HEAD's length is the router's (headOf); the adapter only writes no body.
    const head = await fetch(url, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  } finally {
    own.closeAllConnections();
    await new Promise((resolve) => own.close(resolve));
  }
});
