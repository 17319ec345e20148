/**
 * `@invitekit/engine/http/node`: Node's `http` in front of a fetch handler, for the mock's server and
 * `@invitekit/server`. IncomingMessage → Request (the body read up to the limit), Response → ServerResponse, and
 * problem+json for what Node refuses before a request exists (a header block too large, a broken request line, a
 * method it does not know), written straight to the socket.
 */
import { type IncomingMessage, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_BODY_BYTES } from '../limits.js';
import { methodRefusal } from './dispatch.js';
import { bufferedText, problem } from './problem.js';
import { isStreamed } from './stream.js';

/** A fetch handler that also tells which methods a path takes (a `FetchHandler`, or the server's wrapper of one). */
export interface NodeTarget {
  (request: Request): Promise<Response>;
  allowed(pathname: string): string[] | undefined;
}

export interface NodeAdapterOptions {
  /**
   * Keep the client's `X-Forwarded-For` (behind a proxy you run). Otherwise the address rate limits count by is
   * the socket's, which a client cannot choose.
   */
  trustProxy?: boolean;
  /** The origin of the requests' URLs; default the `Host` header when it is a plain host, else `localhost`. */
  origin?: () => string;
  /** Request bodies are read up to one byte past this (default `MAX_BODY_BYTES`), enough to answer 413. */
  maxBodyBytes?: number;
  /** Told about a failure to answer at all (the answer is `unavailable`, or the connection is closed). */
  onError?: (error: unknown) => void;
  /** Told of every answer made here without the handler (a refused method, a malformed request); may add headers. */
  onRefusal?: (refusal: { method: string; target: string; response: Response }) => void;
  /**
   * A request whose body is still arriving after this long is answered 408 and its connection closed (default
   * 30 s; Node's own limit is 300 s, long enough for slow clients to hold every socket).
   */
  bodyTimeoutMs?: number;
  /**
   * Open connections one client address may hold on a server given to {@link serveNode} (default 64); the next is
   * answered 429 and closed. Behind a proxy every client shares its address: raise this to the proxy's pool size.
   */
  maxConnectionsPerClient?: number;
}

export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECTIONS_PER_CLIENT = 64;

/** The body, keeping at most one byte past the limit (enough for the handler to answer 413), draining the rest. */
async function readLimited(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size > limit) continue;
    chunks.push(chunk);
    size += chunk.length;
  }
  return size === 0 ? undefined : new Uint8Array(Buffer.concat(chunks).subarray(0, limit + 1));
}

async function toRequest(req: IncomingMessage, options: NodeAdapterOptions = {}): Promise<Request> {
  const { trustProxy = false } = options;
  // Pairs rather than a Headers object, which the Request would copy and check a second time.
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    // The body is re-framed below.
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding' || name === 'connection') {
      continue;
    }
    if (name === 'x-forwarded-for' && !trustProxy) continue;
    if (Array.isArray(value)) for (const v of value) headers.push([name, v]);
    else headers.push([name, value]);
  }
  if (!trustProxy || req.headers['x-forwarded-for'] === undefined) {
    headers.push(['x-forwarded-for', req.socket.remoteAddress ?? '']);
  }
  const host = /^[\w.:[\]-]+$/.test(req.headers.host ?? '') ? (req.headers.host ?? '') : 'localhost';
  const body = await readLimited(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
  return new Request(new URL(req.url ?? '/', options.origin?.() ?? `http://${host}`), {
    method: req.method ?? 'GET',
    headers,
    ...(body ? { body } : {}),
  });
}

/** A streamed body failed after the status line went out; the connection was cut so that the client sees it. */
export class AnswerCutOff extends Error {
  constructor(cause: unknown) {
    super('The answer failed after its status line; its body was cut off.', { cause });
    this.name = 'AnswerCutOff';
  }
}

/** Resolves once `res` can take more (or is gone). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * A streamed body (stream.ts), chunked, read only as fast as the client takes it. A client that goes cancels the
 * body, which stops the reads behind it. A body that fails midway cannot change the status any more: the
 * connection is closed before the chunked terminator, which every HTTP client reports as a truncated answer
 * (fetch rejects, curl exits 18), rather than ending it cleanly on a partial file.
 */
async function sendStream(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  const gone = () => {
    reader.cancel().catch(() => undefined);
  };
  res.once('close', gone);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch (error) {
    // What was written goes out first (the socket's end flushes it, a destroy would drop it), then the connection
    // closes without the terminating chunk.
    if (res.socket) res.socket.end();
    else res.destroy();
    throw new AnswerCutOff(error);
  } finally {
    res.off('close', gone);
  }
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (response.body !== null && isStreamed(response)) {
    res.writeHead(response.status, headers);
    await sendStream(res, response.body);
    return;
  }
  const body = bufferedText(response) ?? Buffer.from(await response.arrayBuffer());
  // A HEAD answer brings the GET's Content-Length along; Node writes no body for HEAD whatever end() is given.
  if (res.req.method !== 'HEAD') headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Methods a `Request` cannot carry (fetch refuses to construct one): answered here, 405 on a known path. */
const FETCH_FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);

function refuse(target: NodeTarget, options: NodeAdapterOptions, method: string, url: string): Response {
  const response = methodRefusal((pathname) => target.allowed(pathname), method, url);
  options.onRefusal?.({ method, target: url, response });
  return response;
}

/** A `(req, res)` listener for node:http, Express, Fastify. */
export function nodeListener(
  target: NodeTarget,
  options: NodeAdapterOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // Set by the timer below; an object so that the checks after an await are not narrowed away.
    const body = { cutOff: false };
    // A client sending its body slower than this holds a socket and a handler for nothing: answer, then close.
    const timer = setTimeout(() => {
      body.cutOff = true;
      if (res.headersSent) {
        req.destroy();
        return;
      }
      res.shouldKeepAlive = false;
      res.once('finish', () => req.destroy());
      const response = problem('invalid_request', 'The request body did not arrive in time.', { status: 408 });
      options.onRefusal?.({ method: req.method ?? '', target: req.url ?? '/', response });
      send(res, response).catch(() => req.destroy());
    }, options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS);
    void (async () => {
      try {
        const method = req.method ?? 'GET';
        if (FETCH_FORBIDDEN.has(method.toUpperCase())) {
          req.resume();
          clearTimeout(timer);
          await send(res, refuse(target, options, method, req.url ?? '/'));
          return;
        }
        const request = await toRequest(req, options);
        clearTimeout(timer);
        if (body.cutOff) return;
        await send(res, await target(request));
      } catch (error) {
        clearTimeout(timer);
        // The 408 is the answer; reading the body failed because the connection was then closed.
        if (body.cutOff) return;
        options.onError?.(error);
        // A body cut off midway is closing already, what was written first.
        if (error instanceof AnswerCutOff) return;
        if (res.headersSent) res.destroy();
        else await send(res, problem('unavailable', 'The server could not answer this request. Try again.'));
      }
    })();
  };
}

/** Writes a small answer on a raw socket and closes it: Node refused the request before any `res` existed. */
async function writeRaw(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${String(response.status)} ${STATUS_CODES[response.status] ?? ''}`];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  lines.push(`content-length: ${String(body.byteLength)}`, 'connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]));
}

/** The answer to a request Node could not parse (its `clientError`), from the parser's error code. */
function clientErrorAnswer(
  target: NodeTarget,
  options: NodeAdapterOptions,
  error: NodeJS.ErrnoException & { rawPacket?: Buffer },
): Response {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return problem('invalid_request', 'The request line and header fields are too large (Node limits them).', {
        status: 431,
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem('invalid_request', 'The request did not arrive in time.', { status: 408 });
    case 'HPE_INVALID_METHOD': {
      const [method = '', url = ''] = (error.rawPacket?.toString('latin1').split('\r\n')[0] ?? '').split(' ');
      return url.startsWith('/')
        ? refuse(target, options, method, url)
        : problem('invalid_request', 'The request line is malformed.');
    }
    default:
      return problem('invalid_request', `The request is malformed (${error.code ?? error.message}).`);
  }
}

/**
 * At most `maxConnectionsPerClient` open connections from one client address: one more is answered 429 and closed,
 * so that one client cannot hold every socket the server has.
 */
function limitConnectionsPerClient(server: Server, options: NodeAdapterOptions): WeakSet<Socket> {
  const max = options.maxConnectionsPerClient ?? DEFAULT_CONNECTIONS_PER_CLIENT;
  const open = new Map<string, number>();
  const refused = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? '';
    const count = (open.get(client) ?? 0) + 1;
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left === 0) open.delete(client);
      else open.set(client, left);
    });
    if (count <= max) return;
    const response = problem('rate_limited', 'Too many connections from this address at once; close one and retry.', {
      headers: { 'Retry-After': '1' },
    });
    refused.add(socket);
    options.onRefusal?.({ method: '', target: '', response });
    void writeRaw(socket, response);
  });
  return refused;
}

/**
 * Serves a node:http server entirely: its requests through {@link nodeListener}, and what Node refuses before a
 * request exists (oversized headers, unknown methods, broken request lines, CONNECT), all as problem+json.
 */
export function serveNode(server: Server, target: NodeTarget, options: NodeAdapterOptions = {}): void {
  const refused = limitConnectionsPerClient(server, options);
  const listener = nodeListener(target, options);
  // A refused connection has its 429; whatever request it still sends is not served.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (refused.has(req.socket)) req.socket.destroy();
    else listener(req, res);
  });
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    void writeRaw(socket, clientErrorAnswer(target, options, error));
  });
  // CONNECT never reaches the request listener; it is a method like any other this server does not take.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    void writeRaw(socket, refuse(target, options, 'CONNECT', req.url ?? ''));
  });
}
