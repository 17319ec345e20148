/**
 * `createInvitekitServer(options)`: the rules engine over the SQL store, behind the HTTP layer every
 * implementation shares (`@invitekit/engine/http`), with the host's sign-in, real email and request logs.
 * `fetch(request)` serves any runtime that speaks `Request`/`Response`; `node` is a `(req, res)` listener.
 * Nothing opens at creation (a `next build` importing the route handler writes nothing): the database opens on
 * `ready` or the first request, and requests that arrive meanwhile wait for it.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Engine } from '@invitekit/engine';
import { type FetchHandler, problem } from '@invitekit/engine/http';
import { type HostMembers, type HostOrganizations, hostMembers, hostOrganizations } from './host-data.js';
import { type Logger, describeError, jsonLogger, loggablePath, requestIdOf } from './log.js';
import { answerNodeRefusals, nodeListener } from './node-adapter.js';
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

export function createInvitekitServer(options: InvitekitServerOptions): InvitekitServer {
  refuseInProduction(options);
  refuseWithoutSignIn(options);
  const log: Logger = options.log === false ? () => undefined : (options.log ?? jsonLogger);
  // Opened once, on demand; a failed start is reported and the next request tries again (a database that was
  // down at first may be back).
  let opening: Promise<Started> | undefined;
  let resolvedHandlers: FetchHandler[] = [];
  function started(): Promise<Started> {
    if (!opening) {
      const attempt = start(options, log);
      opening = attempt;
      attempt.then(
        (s) => (resolvedHandlers = s.handlers),
        () => {
          if (opening === attempt) opening = undefined;
        },
      );
    }
    return opening;
  }

  async function route(request: Request): Promise<Response> {
    let list;
    try {
      list = (await started()).handlers;
    } catch (error) {
      log({ time: new Date().toISOString(), level: 'error', msg: 'start failed', error: describeError(error) });
      return problem('unavailable', 'The server could not start; try again in a moment.', {
        headers: { 'Retry-After': '1' },
      });
    }
    const { pathname } = new URL(request.url);
    const handler = list.find((h) => h.handles(pathname));
    return handler ? handler(request) : problem('not_found', `No such endpoint: ${request.method} ${pathname}.`);
  }

  async function fetch(request: Request): Promise<Response> {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    const response = await route(request);
    response.headers.set('x-request-id', requestId);
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

  // Known once started; until then a method fetch cannot carry is answered as for an unknown path.
  /** A method a `Request` cannot carry (TRACE, CONNECT): 405 with `Allow` on a known path, else 404; logged too. */
  const fallback = (method: string, target: string): Response => {
    let pathname: string | undefined;
    try {
      pathname = new URL(target, 'http://host').pathname;
    } catch {
      pathname = undefined;
    }
    const allow =
      pathname === undefined ? undefined : resolvedHandlers.find((h) => h.handles(pathname))?.allowed(pathname);
    const response =
      pathname === undefined
        ? problem('invalid_request', 'The request target is not a path.')
        : allow
          ? problem('method_not_allowed', `${pathname} does not take ${method}; it takes ${allow.join(', ')}.`, {
              headers: { Allow: allow.join(', ') },
            })
          : problem('not_found', `No such endpoint: ${method} ${pathname}.`);
    const requestId = crypto.randomUUID();
    response.headers.set('x-request-id', requestId);
    log({
      time: new Date().toISOString(),
      level: 'info',
      msg: 'request',
      method,
      path: loggablePath(pathname ?? '?'),
      status: response.status,
      durationMs: 0,
      requestId,
    });
    return response;
  };

  const node = nodeListener(fetch, {
    fallback,
    onError: (error) => {
      log({ time: new Date().toISOString(), level: 'error', msg: 'answer failed', error: describeError(error) });
    },
  });
  return {
    fetch,
    node,
    attach(server) {
      server.on('request', node);
      answerNodeRefusals(server, fallback, (status, detail) => problem('invalid_request', detail, { status }));
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
