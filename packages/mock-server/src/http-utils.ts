/**
 * Node's `http` and the fetch handlers: IncomingMessage → Request, Response → ServerResponse, and problem+json
 * answers for what Node refuses before any handler runs (a header block too large, a broken request line, a
 * method it does not know), written straight to the socket.
 */
import { type IncomingMessage, STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { MAX_BODY_BYTES } from '@invitekit/engine';
import { type FetchHandler, problem } from '@invitekit/engine/http';

/** The body, keeping at most one byte past the limit (enough for the handler to answer 413) and draining the rest. */
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

export async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
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

export async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  // A HEAD answer brings the GET's Content-Length along; Node writes no body for HEAD whatever end() is given.
  if (res.req.method !== 'HEAD') headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Methods a `Request` cannot carry (fetch refuses to construct one), answered here: 405 on a known path. */
const FETCH_FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** What a method fetch cannot carry, or Node does not parse, gets on `target`: 405 with `Allow`, or 404. */
export function unknownMethod(handlers: readonly FetchHandler[], method: string, target: string): Response {
  let pathname = '';
  try {
    pathname = new URL(target, 'http://host').pathname;
  } catch {
    return problem('invalid_request', 'The request target is not a path.');
  }
  const allow = handlers.find((h) => h.handles(pathname))?.allowed(pathname);
  if (!allow) return problem('not_found', `No such endpoint: ${method} ${pathname}.`);
  return problem('method_not_allowed', `${pathname} does not take ${method}; it takes ${allow.join(', ')}.`, {
    headers: { Allow: allow.join(', ') },
  });
}

export function isFetchForbidden(method: string | undefined): boolean {
  return method !== undefined && FETCH_FORBIDDEN.has(method.toUpperCase());
}

/** The answer to a request Node could not parse (its `clientError`), from the parser's error code. */
export function clientErrorAnswer(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, handlers: FetchHandler[]) {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return problem('invalid_request', 'The request line and header fields are too large (Node limits them).', {
        status: 431,
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem('invalid_request', 'The request did not arrive in time.', { status: 408 });
    case 'HPE_INVALID_METHOD': {
      const [method = '', target = ''] = (error.rawPacket?.toString('latin1').split('\r\n')[0] ?? '').split(' ');
      return target.startsWith('/')
        ? unknownMethod(handlers, method, target)
        : problem('invalid_request', 'The request line is malformed.');
    }
    default:
      return problem('invalid_request', `The request is malformed (${error.code ?? error.message}).`);
  }
}

/** Writes `response` (a small problem) on a raw socket and closes it: there is no ServerResponse to use. */
export async function writeRaw(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  lines.push(`content-length: ${body.byteLength}`, 'connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]));
}
