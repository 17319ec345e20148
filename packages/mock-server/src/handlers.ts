/**
 * MSW handlers for every endpoint of api.md and the `/__mock` controls: a thin adapter from HTTP to the rules
 * engine. Paths start with `*` so the same handlers answer relative `/api` in the browser and absolute URLs in
 * Node and in the standalone server.
 */
import { type RequestHandler, delay, http } from 'msw';
import type { Engine } from '@invitekit/engine';
import {
  credentialsOf,
  json,
  noContent,
  problem,
  problemFromError,
  queryOf,
  readBody,
  remoteOf,
} from './http-utils.js';

type Info = {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
  cookies: Record<string, string>;
};

interface Call {
  request: Request;
  param: (name: string) => string;
  cred: string | null;
  body: unknown;
}

/** Wraps a resolver: reads the body of writes (64 KiB limit), and turns engine refusals into problems. */
function route(resolve: (call: Call) => Response | Promise<Response>) {
  return async ({ request, params, cookies }: Info): Promise<Response> => {
    try {
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
      const param = (name: string) => {
        const value = params[name];
        return typeof value === 'string' ? value : '';
      };
      return await resolve({ request, param, cred: credentialsOf(request, cookies), body });
    } catch (error) {
      return problemFromError(error);
    }
  };
}

/** The query keys each list takes (see queryOf); any other key in the URL is ignored. */
const QUERY_KEYS = {
  invitations: { lists: ['status'], strings: ['q', 'sort', 'order', 'cursor'], ints: ['limit'] },
  export: { lists: ['status'], strings: ['q', 'sort', 'order'] },
  requests: { lists: ['status'], strings: ['cursor'], ints: ['limit'] },
  members: { strings: ['q', 'cursor'], ints: ['limit'] },
};

function apiHandlers(engine: Engine, chance: () => number): RequestHandler[] {
  const org = '*/api/orgs/:org';
  return [
    // Injected faults first; answering nothing falls through to the real handler.
    http.all('*/api/*', async () => {
      const { latencyMs, failureRate } = engine.state.faults;
      if (latencyMs > 0) await delay(latencyMs);
      if (failureRate > 0 && chance() < failureRate) {
        return problem('unavailable', 'The service is unavailable (a fault injected through /__mock/faults).', {
          headers: { 'Retry-After': '1' },
        });
      }
      return undefined;
    }),

    http.get(
      `${org}/invitations`,
      route(({ request, param, cred }) =>
        json(engine.listInvitations(cred, param('org'), queryOf(request.url, QUERY_KEYS.invitations))),
      ),
    ),
    http.post(
      `${org}/invitations`,
      route(({ request, param, cred, body }) =>
        json(
          engine.createInvitations(cred, param('org'), body, {
            idempotencyKey: request.headers.get('idempotency-key'),
          }),
        ),
      ),
    ),
    http.get(
      `${org}/invitations/export.csv`,
      route(({ request, param, cred }) => {
        const csv = engine.exportCsv(cred, param('org'), queryOf(request.url, QUERY_KEYS.export));
        return new Response(csv, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="invitations-${param('org')}.csv"`,
          },
        });
      }),
    ),
    http.post(
      `${org}/invitations/revoke-stale`,
      route(({ param, cred }) => json(engine.revokeStale(cred, param('org')))),
    ),
    http.get(
      `${org}/invitations/:id`,
      route(({ param, cred }) => json(engine.getInvitation(cred, param('org'), param('id')))),
    ),
    http.get(
      `${org}/invitations/:id/link`,
      route(({ param, cred }) => json(engine.link(cred, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitations/:id/resend`,
      route(({ param, cred }) => json(engine.resend(cred, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitations/:id/renew`,
      route(({ param, cred }) => json(engine.renew(cred, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitations/:id/revoke`,
      route(({ param, cred }) => json(engine.revoke(cred, param('org'), param('id')))),
    ),

    http.get(
      `${org}/invitation-requests`,
      route(({ request, param, cred }) =>
        json(engine.listRequests(cred, param('org'), queryOf(request.url, QUERY_KEYS.requests))),
      ),
    ),
    http.post(
      `${org}/invitation-requests`,
      route(({ request, param, body }) => json(engine.submitRequest(param('org'), body, remoteOf(request)), 202)),
    ),
    http.post(
      `${org}/invitation-requests/dismiss-stale`,
      route(({ param, cred }) => json(engine.dismissStale(cred, param('org')))),
    ),
    http.post(
      `${org}/invitation-requests/:id/approve`,
      route(({ param, cred }) => json(engine.approveRequest(cred, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitation-requests/:id/dismiss`,
      route(({ param, cred }) => json(engine.dismissRequest(cred, param('org'), param('id')))),
    ),

    http.get(
      `${org}/members`,
      route(({ request, param, cred }) =>
        json(engine.listMembers(cred, param('org'), queryOf(request.url, QUERY_KEYS.members))),
      ),
    ),
    http.get(
      `${org}/settings`,
      route(({ param, cred }) => json(engine.getSettings(cred, param('org')))),
    ),
    http.patch(
      `${org}/settings`,
      route(({ param, cred, body }) => json(engine.updateSettings(cred, param('org'), body))),
    ),
    http.get(
      `${org}/access`,
      route(({ param }) => json(engine.access(param('org')))),
    ),

    http.get(
      '*/api/invites/:code',
      route(({ param }) => json(engine.lookupInvite(param('code')))),
    ),
    http.post(
      '*/api/invites/:code/accept',
      route(({ param, cred, body }) => json(engine.acceptInvite(cred, param('code'), body))),
    ),
    http.post(
      '*/api/invites/:code/decline',
      route(({ param }) => json(engine.declineInvite(param('code')))),
    ),

    http.all('*/api/*', ({ request }) =>
      problem('not_found', `No such endpoint: ${request.method} ${new URL(request.url).pathname}.`),
    ),
  ];
}

function controlHandlers(engine: Engine): RequestHandler[] {
  return [
    http.post(
      '*/__mock/reset',
      route(({ body }) => {
        engine.resetFromBody(body);
        return noContent();
      }),
    ),
    http.get('*/__mock/clock', () => json({ now: new Date(engine.now()).toISOString() })),
    http.post(
      '*/__mock/clock',
      route(({ body }) => {
        const b = (body ?? {}) as { advanceMs?: unknown; now?: unknown };
        const now = b.now !== undefined ? engine.setClock(b.now as string) : engine.advanceClock(b.advanceMs as number);
        return json({ now: new Date(now).toISOString() });
      }),
    ),
    http.get('*/__mock/outbox', ({ request }) =>
      json({ items: engine.outbox(new URL(request.url).searchParams.get('to')) }),
    ),
    http.post(
      '*/__mock/orgs/:org/members',
      route(({ param, body }) => {
        const { member, created } = engine.joinMember(param('org'), body);
        return json(member, created ? 201 : 200);
      }),
    ),
    http.post(
      '*/__mock/faults',
      route(({ body }) => {
        engine.setFaults(body);
        return noContent();
      }),
    ),
    http.all('*/__mock/*', ({ request }) =>
      problem('not_found', `No such control: ${request.method} ${new URL(request.url).pathname}.`),
    ),
  ];
}

/** Every handler of the mock, in matching order. `chance` decides injected failures (default Math.random). */
export function createHandlers(engine: Engine, chance: () => number = Math.random): RequestHandler[] {
  return [...controlHandlers(engine), ...apiHandlers(engine, chance)];
}
