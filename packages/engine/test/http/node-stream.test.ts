/**
 * Streamed answers through the Node adapter (stream.ts, node.ts): written chunk by chunk only as fast as the
 * client reads; a client that goes stops the chunks behind the body; a body that fails after the status line cuts
 * the connection, so the client sees a truncated answer, and the failure is reported.
 */
import assert from 'node:assert/strict';
import { type Server, createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { AnswerCutOff, nodeListener } from '../../src/http/node.js';
import { streamedBody } from '../../src/http/stream.js';

const CHUNK = 'x'.repeat(64 * 1024);

let server: Server;
let base = '';
/** What the current test's body does: how many chunks it made, and when its generator ended. */
let made = 0;
let ended: () => void = () => undefined;
const errors: unknown[] = [];
const told: unknown[] = [];

async function* endless(): AsyncGenerator<string> {
  try {
    for (;;) {
      made++;
      yield await Promise.resolve(CHUNK);
    }
  } finally {
    ended();
  }
}

async function* failing(): AsyncGenerator<string> {
  yield 'email,status\r\n';
  yield 'a@example.com,pending\r\n';
  await Promise.resolve();
  throw new Error('the database went away');
}

before(async () => {
  const target = Object.assign(
    (request: Request) => {
      const chunks = new URL(request.url).pathname === '/endless' ? endless() : failing();
      return Promise.resolve(new Response(streamedBody(chunks, (error) => told.push(error))));
    },
    { allowed: () => ['GET'] },
  );
  server = createServer(nodeListener(target, { onError: (error) => errors.push(error) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it(
  'writes a streamed body as the client reads it, and stops it when the client goes',
  { timeout: 10_000 },
  async () => {
    made = 0;
    const stopped = new Promise<void>((resolve) => (ended = resolve));
    const response = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      get(`${base}/endless`, resolve);
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['transfer-encoding'], 'chunked');
    assert.equal(response.headers['content-length'], undefined);
    // The client reads nothing: the server stops making chunks once the socket's buffers are full (checked until
    // the count holds still over 100 ms).
    response.pause();
    let before = -1;
    while (made !== before) {
      before = made;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(made < 200, `${String(made)} chunks of 64 KB made for a client that reads none`);
    response.destroy();
    // The generator's own end: it makes no chunk after this.
    await stopped;
    assert.deepEqual(errors, []);
  },
);

it('cuts the connection when the body fails after the status line, and reports it', { timeout: 10_000 }, async () => {
  const response = await fetch(`${base}/failing`);
  assert.equal(response.status, 200);
  await assert.rejects(response.text(), 'the client sees a truncated answer');
  assert.equal(told.length, 1);
  assert.match(String(told[0]), /the database went away/);
  assert.equal(errors.length, 1);
  assert.ok(errors[0] instanceof AnswerCutOff);
});
