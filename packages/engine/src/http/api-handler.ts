/**
 * Every endpoint of api.md as one fetch-style handler, `(request: Request) => Promise<Response>`, over any
 * implementation of the rules (the mock's in-memory engine, the server's engine over SQL): the same routes,
 * body and query rules and problem answers for both. Framework-free: Node, Bun, Deno, edge runtimes and MSW
 * all speak `Request` and `Response`.
 */
import {
  ExportInvitationsQuery,
  ListInvitationsQuery,
  ListMembersQuery,
  ListRequestsQuery,
  SESSION_COOKIE,
} from '@invitekit/sdk';
import { requireNoFields } from './body.js';
import { HttpRefusal, invalidRequest, json } from './problem.js';
import { queryFor } from './query.js';
import { type FetchHandler, type Route, type RouteCall, type RouterOptions, createRouter } from './router.js';

type Awaitable<T> = T | Promise<T>;

/**
 * The rules as the handler calls them, `C` being what `authenticate` makes of a request's credentials. Every
 * operation may answer now or later; each throws an `EngineError` to refuse.
 */
export interface ApiOperations<C> {
  listInvitations(cred: C, org: string, query: unknown): Awaitable<unknown>;
  createInvitations(
    cred: C,
    org: string,
    body: unknown,
    options: { idempotencyKey?: string | null },
  ): Awaitable<unknown>;
  exportCsv(cred: C, org: string, query: unknown): Awaitable<string>;
  revokeStale(cred: C, org: string): Awaitable<unknown>;
  getInvitation(cred: C, org: string, id: string): Awaitable<unknown>;
  link(cred: C, org: string, id: string): Awaitable<unknown>;
  resend(cred: C, org: string, id: string): Awaitable<unknown>;
  renew(cred: C, org: string, id: string): Awaitable<unknown>;
  revoke(cred: C, org: string, id: string): Awaitable<unknown>;
  listRequests(cred: C, org: string, query: unknown): Awaitable<unknown>;
  approveRequest(cred: C, org: string, id: string): Awaitable<unknown>;
  dismissRequest(cred: C, org: string, id: string): Awaitable<unknown>;
  dismissStale(cred: C, org: string): Awaitable<unknown>;
  listMembers(cred: C, org: string, query: unknown): Awaitable<unknown>;
  getSettings(cred: C, org: string): Awaitable<unknown>;
  updateSettings(cred: C, org: string, patch: unknown): Awaitable<unknown>;
  access(org: string): Awaitable<unknown>;
  submitRequest(org: string, body: unknown, remote: string): Awaitable<unknown>;
  lookupInvite(code: string): Awaitable<unknown>;
  acceptInvite(cred: C, code: string, body: unknown): Awaitable<unknown>;
  declineInvite(code: string): Awaitable<unknown>;
}

export interface ApiHandlerOptions<C> extends Omit<RouterOptions, 'basePath'> {
  engine: ApiOperations<C>;
  /** Turns a request's credentials into what the operations take (see {@link credentialsOf} for the mock's). */
  authenticate: (request: Request) => Promise<C>;
  /** Default `/api`. */
  basePath?: string;
  /** The client address rate limits count by. Default: the first `X-Forwarded-For` entry, else `local`. */
  clientAddress?: (request: Request) => string;
}

/** What a malformed Authorization header stands for: credentials that match no token (a token holds no NUL). */
const MALFORMED_CREDENTIALS = '\u0000malformed-authorization';

function cookie(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The mock's credentials: the bearer token, else the `invitekit_session` cookie (`cookies` when the transport
 * keeps them apart from the headers, as MSW in a browser does), else null. A malformed Authorization header
 * (another scheme, a bare token) is unknown credentials, so the admin surface answers `unauthenticated` even
 * when its text happens to be a token.
 */
export function credentialsOf(request: Request, cookies?: Record<string, string>): string | null {
  const header = request.headers.get('authorization');
  if (header) return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? MALFORMED_CREDENTIALS;
  return (cookies ? cookies[SESSION_COOKIE] : cookie(request.headers.get('cookie'), SESSION_COOKIE)) || null;
}

function forwardedFor(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
}

/** `Idempotency-Key`: 1 to 255 visible ASCII characters (api.md, Requests), or absent. */
function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get('idempotency-key');
  if (key !== null && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw invalidRequest('Idempotency-Key', 'Must be 1 to 255 visible ASCII characters');
  }
  return key;
}

export function createApiHandler<C>(options: ApiHandlerOptions<C>): FetchHandler {
  const { engine, authenticate, clientAddress = forwardedFor } = options;
  const route = (
    method: Route['method'],
    path: string,
    handle: (call: RouteCall & { cred: () => Promise<C> }) => Promise<Response>,
  ): Route => ({ method, path, handle: (call) => handle({ ...call, cred: () => authenticate(call.request) }) });
  const p = (call: RouteCall, name: string): string => {
    const value = call.params[name];
    if (value === undefined) throw new HttpRefusal('not_found', `No ${name} in ${call.url.pathname}.`);
    return value;
  };
  const noBody = (call: RouteCall) => {
    requireNoFields(call.body);
  };
  const org = '/orgs/:org';
  const inv = `${org}/invitations/:id`;
  const req = `${org}/invitation-requests/:id`;

  const routes: Route[] = [
    route('GET', `${org}/invitations`, async (c) =>
      json(await engine.listInvitations(await c.cred(), p(c, 'org'), queryFor(c.url, ListInvitationsQuery))),
    ),
    route('POST', `${org}/invitations`, async (c) => {
      const idempotencyKey = idempotencyKeyOf(c.request);
      return json(await engine.createInvitations(await c.cred(), p(c, 'org'), c.body, { idempotencyKey }));
    }),
    route('GET', `${org}/invitations/export.csv`, async (c) => {
      const csv = await engine.exportCsv(await c.cred(), p(c, 'org'), queryFor(c.url, ExportInvitationsQuery));
      return new Response(csv, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="invitations-${encodeURIComponent(p(c, 'org'))}.csv"`,
        },
      });
    }),
    route('POST', `${org}/invitations/revoke-stale`, async (c) => {
      noBody(c);
      return json(await engine.revokeStale(await c.cred(), p(c, 'org')));
    }),
    route('GET', inv, async (c) => json(await engine.getInvitation(await c.cred(), p(c, 'org'), p(c, 'id')))),
    route('GET', `${inv}/link`, async (c) => json(await engine.link(await c.cred(), p(c, 'org'), p(c, 'id')))),
    ...(['resend', 'renew', 'revoke'] as const).map((action) =>
      route('POST', `${inv}/${action}`, async (c) => {
        noBody(c);
        return json(await engine[action](await c.cred(), p(c, 'org'), p(c, 'id')));
      }),
    ),

    route('GET', `${org}/invitation-requests`, async (c) =>
      json(await engine.listRequests(await c.cred(), p(c, 'org'), queryFor(c.url, ListRequestsQuery))),
    ),
    route('POST', `${org}/invitation-requests`, async (c) =>
      json(await engine.submitRequest(p(c, 'org'), c.body, clientAddress(c.request)), 202),
    ),
    route('POST', `${org}/invitation-requests/dismiss-stale`, async (c) => {
      noBody(c);
      return json(await engine.dismissStale(await c.cred(), p(c, 'org')));
    }),
    route('POST', `${req}/approve`, async (c) => {
      noBody(c);
      return json(await engine.approveRequest(await c.cred(), p(c, 'org'), p(c, 'id')));
    }),
    route('POST', `${req}/dismiss`, async (c) => {
      noBody(c);
      return json(await engine.dismissRequest(await c.cred(), p(c, 'org'), p(c, 'id')));
    }),

    route('GET', `${org}/members`, async (c) =>
      json(await engine.listMembers(await c.cred(), p(c, 'org'), queryFor(c.url, ListMembersQuery))),
    ),
    route('GET', `${org}/settings`, async (c) => json(await engine.getSettings(await c.cred(), p(c, 'org')))),
    route('PATCH', `${org}/settings`, async (c) =>
      json(await engine.updateSettings(await c.cred(), p(c, 'org'), c.body)),
    ),
    route('GET', `${org}/access`, async (c) => json(await engine.access(p(c, 'org')))),

    route('GET', '/invites/:code', async (c) => json(await engine.lookupInvite(p(c, 'code')))),
    // The accept body is optional (`{ name? }`); when sent it is an object, never `null`.
    route('POST', '/invites/:code/accept', async (c) =>
      json(await engine.acceptInvite(await c.cred(), p(c, 'code'), c.body ?? {})),
    ),
    route('POST', '/invites/:code/decline', async (c) => {
      noBody(c);
      return json(await engine.declineInvite(p(c, 'code')));
    }),
  ];
  return createRouter(routes, { ...options, basePath: options.basePath ?? '/api' });
}
