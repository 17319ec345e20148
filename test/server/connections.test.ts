/**
 * The shared Node adapter (`@invitekit/engine/http/node`) under slow and greedy clients, through
 * `@invitekit/server`'s `attach` (server.md, Operating it): a body that trickles is cut off with 408 problem+json
 * and its connection closed; one client address holds at most so many connections at once, others unaffected.
 */
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type InvitekitServer, createInvitekitServer } from '@invitekit/server';
import { undeclared } from '../http/declared.js';
import { freshPglite } from './pglite.js';

let invitekit: InvitekitServer;
let http: Server;
let port = 0;
const logged: Record<string, unknown>[] = [];

before(async () => {
  invitekit = createInvitekitServer({
    database: await freshPglite(),
    acceptUrl: 'http://127.0.0.1/redeem/',
    authenticate: () => null,
    timeouts: { bodyMs: 500 },
    maxConnectionsPerClient: 3,
    log: (line) => logged.push(line as unknown as Record<string, unknown>),
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

/** A socket (from `localAddress`) and everything it receives until the server closes it. */
function open(localAddress = '127.0.0.1'): {
  socket: Socket;
  received: Promise<{ text: string; closedAfterMs: number }>;
} {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
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

const BODY = '{"email":"ada@example.com"}';
const POST_HEAD =
  'POST /api/orgs/acme/invitation-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n' +
  `Content-Type: application/json\r\nContent-Length: ${String(BODY.length)}\r\n\r\n`;

describe('slow and greedy clients', () => {
  it('cuts off a body that trickles: 408 problem+json, logged, connection closed', { timeout: 10_000 }, async () => {
    const { socket, received } = open();
    socket.write(POST_HEAD + BODY.slice(0, 4));
    const { text, closedAfterMs } = await received;
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.match(text, /content-type: application\/problem\+json/i);
    assert.match(text, /"code":"invalid_request"/);
    assert.match(text, /did not arrive in time/);
    const requestId = /x-request-id: ([\w-]+)/i.exec(text)?.[1];
    assert.ok(requestId, 'the 408 carries a request id');
    assert.ok(
      logged.some((line) => line.requestId === requestId && line.status === 408),
      'and is logged with it',
    );
    assert.ok(closedAfterMs >= 450 && closedAfterMs < 3_000, `closed after ${String(Math.round(closedAfterMs))} ms`);
    assert.equal(undeclared('POST /api/orgs/{org}/invitation-requests', 408, 'invalid_request'), undefined);
  });

  it('leaves a body that arrives in pieces within the limit alone', { timeout: 10_000 }, async () => {
    const { socket, received } = open();
    socket.write(POST_HEAD + BODY.slice(0, 4));
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write(BODY.slice(4));
    const { text } = await received;
    // The whole body reached the handler: it parsed and looked the organization up (none in a fresh database).
    assert.match(text, /^HTTP\/1\.1 404 /);
    assert.match(text, /No organization/);
  });

  it(
    'refuses a connection past the per-client limit with 429 problem+json, and takes one again once one closes',
    { timeout: 10_000 },
    async () => {
      const held = [open(), open(), open()];
      await connectionsAre(3);
      const extra = open();
      extra.socket.write('GET /api/orgs/acme/access HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const refused = await extra.received;
      assert.match(refused.text, /^HTTP\/1\.1 429 /);
      assert.match(refused.text, /content-type: application\/problem\+json/i);
      assert.match(refused.text, /retry-after: 1/i);
      assert.match(refused.text, /"code":"rate_limited"/);
      assert.equal(refused.text.match(/HTTP\/1\.1/g)?.length, 1, 'the refused connection is not served');
      // Refused before any route, so possible on every operation: the document says so.
      assert.equal(undeclared('GET /api/orgs/{org}/access', 429, 'rate_limited'), undefined);
      assert.equal(undeclared('PATCH /api/orgs/{org}/invitations/{id}', 429, 'rate_limited'), undefined);

      // Another client address is not held back by this one.
      const other = await fetchFrom('127.0.0.2');
      assert.equal(other, 404);

      held[0]?.socket.destroy();
      await held[0]?.received;
      // The server has seen the close (the limit counts on the same event), and the other client's is gone too.
      await connectionsAre(2);
      assert.equal(await fetchFrom('127.0.0.1'), 404);
      for (const h of held) h.socket.destroy();
    },
  );
});

/**
 * Resolves once the server holds exactly `count` connections, by its own count: a socket is counted (and the
 * per-client limit counts it) when the server accepts it, and uncounted when it sees it close.
 */
async function connectionsAre(count: number): Promise<void> {
  for (;;) {
    const open = await new Promise<number>((resolve, reject) => {
      http.getConnections((error, n) => {
        if (error) reject(error);
        else resolve(n);
      });
    });
    if (open === count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The status of one GET sent from `localAddress` on its own connection. */
async function fetchFrom(localAddress: string): Promise<number> {
  const { socket, received } = open(localAddress);
  socket.write('GET /api/orgs/acme/access HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  const { text } = await received;
  return Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]);
}
