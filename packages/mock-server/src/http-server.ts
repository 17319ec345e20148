/**
 * The mock as a real HTTP server: Node's `http` in front of the very same MSW handlers, resolved through MSW's
 * own `getResponse` (no second router). IncomingMessage → Fetch Request, Response → ServerResponse.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from '@invitekit/engine';
import { getResponse } from 'msw';
import { problem } from './http-utils.js';
import { type Mock, type MockState, createMock } from './index.js';
import { loadState, removeStaleTemps, saveState } from './persistence.js';

export interface MockHttpServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep the state in this file across restarts. */
  dataFile?: string;
  /** Default: the server's own origin + `/redeem/`. */
  acceptUrl?: string;
}

export interface MockHttpServer {
  server: Server;
  mock: Mock;
  /** `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

/** The body, keeping at most one byte past the limit (enough for the handlers to answer 413) and draining the rest. */
async function readLimited(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size > MAX_BODY_BYTES) continue;
    chunks.push(chunk);
    size += chunk.length;
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1));
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // The body is re-framed below; the client address comes from the socket, never from the client.
    if (value === undefined || ['content-length', 'transfer-encoding', 'connection', 'x-forwarded-for'].includes(name))
      continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  headers.set('x-forwarded-for', req.socket.remoteAddress ?? 'unknown');
  const body = await readLimited(req);
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(body ? { body } : {}),
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

export async function startMockHttpServer(options: MockHttpServerOptions = {}): Promise<MockHttpServer> {
  const { dataFile } = options;
  let saved: MockState | undefined;
  if (dataFile) {
    saved = loadState(dataFile);
    removeStaleTemps(dataFile);
  }
  const mock = createMock({
    ...(saved ? { state: saved } : {}),
    ...(dataFile ? { onChange: (state: MockState) => saveState(dataFile, state) } : {}),
  });
  // Known once listening (the port may be picked by the system); no request arrives before then.
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await toRequest(req, origin);
        const response =
          (await getResponse(mock.handlers, request)) ??
          problem('not_found', `No such endpoint: ${request.method} ${new URL(request.url).pathname}.`);
        await send(res, response);
      } catch (error) {
        if (!res.headersSent) {
          await send(res, problem('unavailable', `The mock server failed: ${(error as Error).message}`));
        } else res.destroy();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address}:${address.port}`;
  mock.acceptUrl = options.acceptUrl ?? `${origin}/redeem/`;
  // A new data file is written once the port is ours, so a server that cannot start leaves no file behind.
  if (dataFile && !saved) saveState(dataFile, await mock.state());
  return {
    server,
    mock,
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
