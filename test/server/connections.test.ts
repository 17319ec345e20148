/**
 * The Node listener under slow and greedy clients (server.md, Operating it): a body that trickles is cut off with
 * 408 problem+json and its connection closed; one client address holds at most so many connections at once.
 */
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type InvitekitServer, createInvitekitServer } from '@invitekit/server';
import { freshPglite } from './pglite.js';

let invitekit: InvitekitServer;
let http: Server;
let port = 0;

before(async () => {
  invitekit = createInvitekitServer({
    database: await freshPglite(),
    acceptUrl: 'http://127.0.0.1/redeem/',
    authenticate: () => null,
    timeouts: { bodyMs: 500 },
    maxConnectionsPerClient: 3,
    log: false,
  });
  await invitekit.ready;
  http = createServer();
  invitekit.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
});
after(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await invitekit.close();
});

/** A socket and everything it receives until the server closes it (or `ms` pass). */
function open(): { socket: Socket; received: Promise<{ text: string; closedAfterMs: number }> } {
  const socket = connect(port, '127.0.0.1');
  const started = performance.now();
  const received = new Promise<{ text: string; closedAfterMs: number }>((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      resolve({ text, closedAfterMs: performance.now() - started });
    });
  });
  return { socket, received };
}

describe('slow and greedy clients', () => {
  it('cuts off a body that trickles: 408 problem+json, connection closed', { timeout: 10_000 }, async () => {
    const { socket, received } = open();
    socket.write(
      'POST /api/orgs/acme/invitation-requests HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
    );
    const { text, closedAfterMs } = await received;
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.match(text, /content-type: application\/problem\+json/i);
    assert.match(text, /did not arrive in time/);
    assert.ok(closedAfterMs < 3_000, `closed after ${String(Math.round(closedAfterMs))} ms`);
  });

  it(
    'refuses a connection past the per-client limit with 429 problem+json, and takes one again once one closes',
    { timeout: 10_000 },
    async () => {
      const held = [open(), open(), open()];
      await new Promise((resolve) => setTimeout(resolve, 100));
      const extra = open();
      const refused = await extra.received;
      assert.match(refused.text, /^HTTP\/1\.1 429 /);
      assert.match(refused.text, /"code":"rate_limited"/);
      held[0]?.socket.destroy();
      await held[0]?.received;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const answer = await fetch(`http://127.0.0.1:${String(port)}/api/orgs/acme/access`, {
        headers: { connection: 'close' },
      });
      assert.equal(answer.status, 404);
      for (const h of held) h.socket.destroy();
    },
  );
});
