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

export function createInvitekitServer(options: InvitekitServerOptions): InvitekitServer {
  refuseInProduction(options);
  refuseWithoutSignIn(options);
  const log: Logger = options.log === false ? () => undefined : (options.log ?? jsonLogger);
  // Opened once, on demand; a failed start is reported and the next request tries again (a database that was
  // down at first may be back).
  let opening: Promise<Started> | undefined;
  // Known once started; until then a method fetch cannot carry is answered as for an unknown path.
  let resolved: FetchHandler = composeHandlers([]);
  function started(): Promise<Started> {
    if (!opening) {
      const attempt = start(options, log);
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

  async function route(request: Request): Promise<Response> {
    let handler;
    try {
      handler = (await started()).handler;
    } catch (error) {
      log({ time: new Date().toISOString(), level: 'error', msg: 'start failed', error: describeError(error) });
      return problem('unavailable', 'The server could not start; try again in a moment.', {
        headers: { 'Retry-After': '1' },
      });
    }
    return handler(request);
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

  const target = Object.assign((request: Request) => fetch(request), {
    allowed: (pathname: string) => resolved.allowed(pathname),
  });
  const nodeOptions: NodeAdapterOptions = {
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
