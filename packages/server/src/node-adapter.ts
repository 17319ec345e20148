/**
 * Node's `(req, res)` in front of a fetch handler: IncomingMessage → Request, Response → ServerResponse. The
 * client address rate limits count by comes from the socket (a client cannot choose it) unless `trustProxy`
 * keeps the proxy's `X-Forwarded-For`. Methods a `Request` cannot carry (TRACE, CONNECT) are answered by the
 * `fallback`, so that every answer is still problem+json.
 */
import { type IncomingMessage, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_BODY_BYTES } from '@invitekit/engine';

/** The body, keeping at most one byte past the limit (enough for the handler to answer 413), draining the rest. */
async function readLimited(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size > MAX_BODY_BYTES) continue;
    chunks.push(chunk);
    size += chunk.length;
  }
  return size === 0 ? undefined : new Uint8Array(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1));
}

const FETCH_FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);

export async function toRequest(req: IncomingMessage, trustProxy: boolean): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || ['content-length', 'transfer-encoding', 'connection'].includes(name)) continue;
    if (name === 'x-forwarded-for' && !trustProxy) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  if (!trustProxy || !headers.has('x-forwarded-for')) headers.set('x-forwarded-for', req.socket.remoteAddress ?? '');
  const host = /^[\w.:[\]-]+$/.test(req.headers.host ?? '') ? (req.headers.host ?? '') : 'localhost';
  const body = await readLimited(req);
  return new Request(new URL(req.url ?? '/', `http://${host}`), {
    method: req.method ?? 'GET',
    headers,
    ...(body ? { body } : {}),
  });
}

export async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  if (res.req.method !== 'HEAD') headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

export interface NodeListenerOptions {
  trustProxy?: boolean;
  /** Answers a request whose method fetch cannot carry (405 on a known path, else 404). */
  fallback: (method: string, target: string) => Response;
  /** Told about a failure to answer at all. */
  onError?: (error: unknown) => void;
  /** A body still arriving after this long is cut off with `slowBody` (server.md: slow bodies are cut off). */
  bodyTimeoutMs?: number;
  slowBody?: () => Response;
}

export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

export function nodeListener(
  handle: (request: Request) => Promise<Response>,
  options: NodeListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // An object, not a `let`: the timer's callback sets it after the awaits below began.
    const body = { cutOff: false };
    // A client that sends its body slower than this holds a socket and a handler for nothing: answer and close.
    const timer = setTimeout(() => {
      body.cutOff = true;
      if (res.headersSent) {
        req.destroy();
        return;
      }
      res.once('finish', () => req.destroy());
      res.shouldKeepAlive = false;
      const slow = options.slowBody?.() ?? new Response(null, { status: 408 });
      void send(res, slow).catch(() => req.destroy());
    }, options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS);
    void (async () => {
      try {
        if (FETCH_FORBIDDEN.has((req.method ?? '').toUpperCase())) {
          req.resume();
          clearTimeout(timer);
          await send(res, options.fallback(req.method ?? '', req.url ?? '/'));
          return;
        }
        const request = await toRequest(req, options.trustProxy ?? false);
        clearTimeout(timer);
        if (body.cutOff) return;
        await send(res, await handle(request));
      } catch (error) {
        clearTimeout(timer);
        if (body.cutOff) return;
        options.onError?.(error);
        if (!res.headersSent) {
          res.writeHead(503, { 'content-type': 'application/problem+json' });
          res.end(
            JSON.stringify({
              type: 'https://invitekit.dev/errors/unavailable',
              title: 'Service unavailable',
              status: 503,
              code: 'unavailable',
              detail: 'The server could not answer this request.',
            }),
          );
        } else res.destroy();
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

/**
 * At most `max` open connections from one client address (server.md, Operating it): one more is answered with
 * `busy` and closed, so that one client cannot hold every socket the server has.
 */
export function limitConnectionsPerClient(server: Server, max: number, busy: () => Response): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? '';
    const count = (open.get(client) ?? 0) + 1;
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left === 0) open.delete(client);
      else open.set(client, left);
    });
    if (count > max) void writeRaw(socket, busy());
  });
}

/**
 * What Node's own parser refuses still gets problem+json (api.md, Requests): a header block too large (431), a
 * method its parser does not know (405 on a known path, via `fallback`), a broken request line (400), CONNECT.
 */
export function answerNodeRefusals(
  server: Server,
  fallback: (method: string, target: string) => Response,
  problem: (status: number, detail: string) => Response,
): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    let response: Response;
    switch (error.code) {
      case 'HPE_HEADER_OVERFLOW':
        response = problem(431, 'The request line and header fields are too large.');
        break;
      case 'ERR_HTTP_REQUEST_TIMEOUT':
        response = problem(408, 'The request did not arrive in time.');
        break;
      case 'HPE_INVALID_METHOD': {
        const [method = '', target = ''] = (error.rawPacket?.toString('latin1').split('\r\n')[0] ?? '').split(' ');
        response = target.startsWith('/') ? fallback(method, target) : problem(400, 'The request line is malformed.');
        break;
      }
      default:
        response = problem(400, `The request is malformed (${error.code ?? 'unparsable'}).`);
    }
    void writeRaw(socket, response);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    void writeRaw(socket, fallback('CONNECT', req.url ?? ''));
  });
}
