/**
 * `createInvitekitServer(options)`: the rules engine over the SQL store, behind the HTTP layer every
 * implementation shares (`@invitekit/engine/http`), with the host's sign-in, real email and request logs.
 * `fetch(request)` serves any runtime that speaks `Request`/`Response`; `node` is a `(req, res)` listener.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type Actor, Engine, seedState } from '@invitekit/engine';
import { normalizeEmail } from '@invitekit/sdk';
import { type FetchHandler, composeHandlers, createHostHandler, credentialsOf, problem } from '@invitekit/engine/http';
import { type NodeAdapterOptions, nodeListener, serveNode } from '@invitekit/engine/http/node';
import { type OpenDatabase, openDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { OutboxSender } from './email/outbox-sender.js';
import { defaultSender } from './email/smtp.js';
import { DEFAULT_TEMPLATES } from './email/templates.js';
import { type HostMembers, hostMembers, hostOrganizations, type HostOrganizations } from './host-data.js';
import { type Logger, describeError, jsonLogger, loggablePath, requestIdOf } from './log.js';
import type { AcceptedEvent, HostUser, InvitekitServerOptions } from './options.js';
import { SqlStore } from './store/sql-store.js';

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
  /** Resolves once the database is open and migrated; `fetch` waits for it too. */
  ready: Promise<void>;
  /** The engine itself (its operations, for scripts and tests). */
  engine: Promise<Engine>;
  /** Delivers queued email now (tests, scripts); resolves when the outbox holds nothing due. */
  flushEmail(): Promise<void>;
  /** Stops the email sender and closes the database. */
  close(): Promise<void>;
}

/** A host's signed-in person as the engine's Actor; idempotency keys are scoped by the person's id. */
export function actorOf(user: HostUser): Actor {
  return {
    person: { id: user.id, name: user.name ?? user.email, email: normalizeEmail(user.email) },
    grants: user.grants,
    key: `user:${user.id}`,
  };
}

function refuseDevAuthInProduction(options: InvitekitServerOptions): void {
  if (options.devAuth && process.env['NODE_ENV'] === 'production') {
    throw new Error('--dev-auth accepts well-known tokens; it is refused when NODE_ENV=production.');
  }
  if (!options.devAuth && !options.authenticate) {
    throw new Error('createInvitekitServer needs `authenticate` (your sign-in), or `devAuth` for trying it out.');
  }
}

export function createInvitekitServer(options: InvitekitServerOptions): InvitekitServer {
  refuseDevAuthInProduction(options);
  const log: Logger = options.log === false ? () => undefined : (options.log ?? jsonLogger);
  let sender: OutboxSender | undefined;

  const started = (async () => {
    const given = options.database;
    const database: OpenDatabase =
      typeof given === 'object' && 'db' in given ? given : await openDatabase(given ?? undefined);
    if (options.migrate !== false) await migrate(database.db);
    const send = options.sendEmail ?? (await defaultSender());
    if (send) {
      sender = new OutboxSender(database.db, {
        send,
        templates: options.emailTemplates ?? DEFAULT_TEMPLATES,
        ...options.emailRetry,
        onFailure: ({ kind, attempts, error }) => {
          log({
            time: new Date().toISOString(),
            level: 'error',
            msg: `email (${kind}) not sent, attempt ${String(attempts)}`,
            error: describeError(error),
          });
        },
      });
    }
    const store = new SqlStore(database.db, { onMessages: () => sender?.wake() });
    const engine = new Engine({ store, acceptUrl: options.acceptUrl });
    // With dev tokens and test controls, an empty database starts with the mock's seed (api.md, "Seed").
    if (options.devAuth && options.testControls) {
      const orgs = await database.db.selectFrom('organizations').select('slug').limit(1).execute();
      if (orgs.length === 0) await store.transaction((tx) => tx.replaceAll(seedState(Date.now(), 'default')));
    }
    sender?.wake();
    return { database, store, engine };
  })();
  // Reported through `ready` and every request; never an unhandled rejection.
  started.catch(() => undefined);

  async function authenticate(request: Request): Promise<Actor | null> {
    const { engine } = await started;
    if (options.devAuth) {
      const actor = await engine.authenticate(credentialsOf(request));
      if (actor) return actor;
    }
    const user = options.authenticate ? await options.authenticate(request) : null;
    return user ? actorOf(user) : null;
  }

  const handlers = started.then(({ engine, store }) => {
    const operations = Object.create(engine) as Engine;
    // After an accept commits, the host hears about it (its own membership); a failure there is logged.
    operations.acceptInvite = async (actor, code, body) => {
      const answer = await engine.acceptInvite(actor, code, body);
      if (options.onAccepted) {
        const match = await store.transaction((tx) => tx.invitationByCode(code), { readOnly: true });
        const event: AcceptedEvent = {
          organization: answer.organization,
          member: answer.member,
          invitation: {
            id: match?.invitation.id ?? '',
            email: match?.invitation.email ?? '',
            role: match?.invitation.role ?? null,
          },
        };
        try {
          await options.onAccepted(event);
        } catch (error) {
          log({
            time: new Date().toISOString(),
            level: 'error',
            msg: 'onAccepted failed',
            error: describeError(error),
          });
        }
      }
      return answer;
    };
    return createHostHandler<Actor | null>({
      engine: operations,
      authenticate,
      basePath: options.basePath ?? '/api',
      allowOrigins: options.allowOrigins,
      ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
      controls: options.testControls ? engine : undefined,
      onError: (error) => {
        log({ time: new Date().toISOString(), level: 'error', msg: 'request failed', error: describeError(error) });
      },
    });
  });
  handlers.catch(() => undefined);

  async function route(request: Request): Promise<Response> {
    let dispatch;
    try {
      dispatch = await handlers;
    } catch (error) {
      return problem('unavailable', `The server could not start: ${describeError(error)}`);
    }
    return dispatch(request);
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
  let resolved: FetchHandler = composeHandlers([]);
  handlers.then((dispatch) => (resolved = dispatch)).catch(() => undefined);
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

  const engineReady = started.then(({ engine }) => engine);
  engineReady.catch(() => undefined);
  const node = nodeListener(target, nodeOptions);
  return {
    fetch,
    node,
    attach(server) {
      serveNode(server, target, nodeOptions);
    },
    members: hostMembers(started),
    organizations: hostOrganizations(started),
    ready: started.then(() => undefined),
    engine: engineReady,
    async flushEmail() {
      await started;
      sender?.wake();
      await sender?.idle();
    },
    async close() {
      const { database } = await started;
      await sender?.stop();
      await database.close();
    },
  };
}
