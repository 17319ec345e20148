/**
 * `createInvitekitServer(options)`: the rules engine over the SQL store, behind the HTTP layer every
 * implementation shares (`@invitekit/engine/http`), with the host's sign-in, real email and request logs.
 * `fetch(request)` serves any runtime that speaks `Request`/`Response`; `node` is a `(req, res)` listener.
 * Nothing opens at creation (a `next build` importing the route handler writes nothing): the database opens on
 * `ready` or the first request, and requests that arrive meanwhile wait for it.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Engine } from '@invitekit/engine';
import { type FetchHandler, composeHandlers, problem } from '@invitekit/engine/http';
import { type NodeAdapterOptions, nodeListener, serveNode } from '@invitekit/engine/http/node';
import { type HostMembers, type HostOrganizations, hostMembers, hostOrganizations } from './host-data.js';
import { type Logger, describeError, jsonLogger, loggablePath, requestIdOf } from './log.js';
import type { InvitekitServerOptions } from './options.js';
import { type Started, start } from './start.js';

export { actorOf } from './start.js';

export interface InvitekitServer {
  /** `(Request) => Promise<Response>`: Node 20+, Bun, Deno, edge runtimes, Next.js route handlers. */
  fetch(request: Request): Promise<Response>;
  /** A `(req, res)` listener for node:http, Express, Fastify. */
  node: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * Serves a node:http server of your own entirely (its requests, and what Node refuses before a request exists:
   * oversized headers, unknown methods, broken request lines, all answered as problem+json).
   */
  attach(server: Server): void;
  /** Joins and departures outside invitations (SSO, SCIM): they make pending invitations and requests stale. */
  members: HostMembers;
  /** The organizations the kit knows (created by the host, with their roles). */
  organizations: HostOrganizations;
  /** Opens the database (once) and resolves when it is migrated; the first request does the same. */
  readonly ready: Promise<void>;
  /** The engine itself (its operations, for scripts and tests); opens the database like `ready`. */
  readonly engine: Promise<Engine>;
  /** Delivers queued email now (tests, scripts); resolves when the outbox holds nothing due. */
  flushEmail(): Promise<void>;
  /** Stops the email sender and closes the database. */
  close(): Promise<void>;
}

/** What must never reach production: well-known tokens, and controls that reset the database without credentials. */
export function refuseInProduction(options: Pick<InvitekitServerOptions, 'devAuth' | 'testControls'>): void {
  const production = process.env['NODE_ENV'] === 'production';
  if (options.devAuth && production) {
    throw new Error('--dev-auth accepts well-known tokens; it is refused when NODE_ENV=production.');
  }
  if (options.testControls && production) {
    throw new Error('--test-controls lets anyone reset the database; it is refused when NODE_ENV=production.');
  }
}

function refuseWithoutSignIn(options: InvitekitServerOptions): void {
  if (!options.devAuth && !options.authenticate) {
    throw new Error('createInvitekitServer needs `authenticate` (your sign-in), or `devAuth` for trying it out.');
  }
}

/**
 * The answer with `X-Request-Id`; a 5xx problem also carries it in its body (`requestId`), the one thing it says
 * beyond "try again": the log line with the same id holds what failed (server.md, Operating it).
 */
async function withRequestId(response: Response, requestId: string): Promise<Response> {
  response.headers.set('x-request-id', requestId);
  const problemJson = response.headers.get('content-type') === 'application/problem+json';
  if (response.status < 500 || !problemJson || response.body === null) return response;
  const body = (await response.json()) as Record<string, unknown>;
  const given = typeof body['detail'] === 'string' ? body['detail'] : 'The server failed.';
  const detail = `${given} (request id ${requestId})`;
  return new Response(JSON.stringify({ ...body, detail, requestId }), {
    status: response.status,
    headers: response.headers,
  });
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/**
 * The answer, or 503 once `ms` have passed: a request never hangs on a frozen database. The work itself goes on
 * (a transaction cannot be cut from outside); when it is a write, it may still commit, so the answer does not say
 * nothing changed.
 */
async function withinDeadline(answer: Promise<Response>, ms: number): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Response>((resolve) => {
    timer = setTimeout(() => {
      resolve(
        problem('unavailable', 'The server did not answer in time; try again in a moment.', {
          headers: { 'Retry-After': '1' },
        }),
      );
    }, ms);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function createInvitekitServer(options: InvitekitServerOptions): InvitekitServer {
  refuseInProduction(options);
  refuseWithoutSignIn(options);
  const log: Logger = options.log === false ? () => undefined : (options.log ?? jsonLogger);
  const deadlineMs = options.timeouts?.requestMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // Opened once, on demand; a failed start is reported and the next request tries again (a database that was
  // down at first may be back).
  let opening: Promise<Started> | undefined;
  // Known once started; until then a method fetch cannot carry is answered as for an unknown path.
  let resolved: FetchHandler = composeHandlers([]);
  function started(): Promise<Started> {
    if (!opening) {
      const attempt = start(options, log, onError);
      opening = attempt;
      attempt.then(
        (s) => (resolved = s.handler),
        () => {
          if (opening === attempt) opening = undefined;
        },
      );
    }
    return opening;
  }

  // The id of each request in flight, so that a failure's log line and its answer carry the same one.
  const requestIds = new WeakMap<Request, string>();
  function onError(error: unknown, request: Request, msg = 'request failed'): void {
    const requestId = requestIds.get(request);
    log({
      time: new Date().toISOString(),
      level: 'error',
      msg,
      ...(requestId ? { requestId } : {}),
      error: describeError(error),
    });
  }

  async function route(request: Request): Promise<Response> {
    let handler;
    try {
      handler = (await started()).handler;
    } catch (error) {
      onError(error, request, 'start failed');
      return problem('unavailable', 'The server could not start; try again in a moment.', {
        headers: { 'Retry-After': '1' },
      });
    }
    return handler(request);
  }

  async function fetch(request: Request): Promise<Response> {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    requestIds.set(request, requestId);
    const response = await withRequestId(await withinDeadline(route(request), deadlineMs), requestId);
    log({
      time: new Date().toISOString(),
      level: response.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: request.method,
      path: loggablePath(new URL(request.url).pathname),
      status: response.status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      requestId,
    });
    return response;
  }

  const target = Object.assign((request: Request) => fetch(request), {
    allowed: (pathname: string) => resolved.allowed(pathname),
  });
  const nodeOptions: NodeAdapterOptions = {
    ...(options.timeouts?.bodyMs !== undefined ? { bodyTimeoutMs: options.timeouts.bodyMs } : {}),
    ...(options.maxConnectionsPerClient !== undefined
      ? { maxConnectionsPerClient: options.maxConnectionsPerClient }
      : {}),
    // A method a `Request` cannot carry (TRACE, CONNECT) is answered by the adapter; logged here like the rest.
    onRefusal: ({ method, target: url, response }) => {
      const requestId = crypto.randomUUID();
      response.headers.set('x-request-id', requestId);
      let path = '?';
      try {
        path = loggablePath(new URL(url, 'http://host').pathname);
      } catch {
        // not a path: logged as '?'
      }
      log({
        time: new Date().toISOString(),
        level: 'info',
        msg: 'request',
        method,
        path,
        status: response.status,
        durationMs: 0,
        requestId,
      });
    },
    onError: (error) => {
      log({ time: new Date().toISOString(), level: 'error', msg: 'answer failed', error: describeError(error) });
    },
  };
  const node = nodeListener(target, nodeOptions);
  return {
    fetch,
    node,
    attach(server) {
      serveNode(server, target, nodeOptions);
    },
    members: hostMembers(() => started().then((s) => s.engine)),
    organizations: hostOrganizations(() => started().then((s) => s.engine)),
    get ready() {
      return started().then(() => undefined);
    },
    get engine() {
      return started().then((s) => s.engine);
    },
    async flushEmail() {
      const { sender } = await started();
      sender?.wake();
      await sender?.idle();
    },
    async close() {
      if (!opening) return;
      const { database, sender } = await opening.catch(() => ({ database: undefined, sender: undefined }));
      opening = undefined;
      await sender?.stop();
      await database?.close();
    },
  };
}
