/**
 * MSW handlers for every endpoint of api.md and the `/__mock` controls: a thin adapter from HTTP to the rules
 * engine. Paths start with `*` so the same handlers answer relative `/api` in the browser and absolute URLs in
 * Node and in the standalone server.
 */
import { type RequestHandler, delay, http } from 'msw';
import type { Actor, Engine } from '@invitekit/engine';
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
  /** Whoever the request's credentials name (the mock's tokens), or null. */
  actor: Actor | null;
  body: unknown;
}

/** Wraps a resolver: reads the body of writes (64 KiB limit), and turns engine refusals into problems. */
function route(engine: Engine, resolve: (call: Call) => Response | Promise<Response>) {
  return async ({ request, params, cookies }: Info): Promise<Response> => {
    try {
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
      const param = (name: string) => {
        const value = params[name];
        return typeof value === 'string' ? value : '';
      };
      const actor = await engine.authenticate(credentialsOf(request, cookies));
      return await resolve({ request, param, actor, body });
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
      const { latencyMs, failureRate } = await engine.faults();
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
      route(engine, async ({ request, param, actor }) =>
        json(await engine.listInvitations(actor, param('org'), queryOf(request.url, QUERY_KEYS.invitations))),
      ),
    ),
    http.post(
      `${org}/invitations`,
      route(engine, async ({ request, param, actor, body }) =>
        json(
          await engine.createInvitations(actor, param('org'), body, {
            idempotencyKey: request.headers.get('idempotency-key'),
          }),
        ),
      ),
    ),
    http.get(
      `${org}/invitations/export.csv`,
      route(engine, async ({ request, param, actor }) => {
        const csv = await engine.exportCsv(actor, param('org'), queryOf(request.url, QUERY_KEYS.export));
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
      route(engine, async ({ param, actor }) => json(await engine.revokeStale(actor, param('org')))),
    ),
    http.get(
      `${org}/invitations/:id`,
      route(engine, async ({ param, actor }) => json(await engine.getInvitation(actor, param('org'), param('id')))),
    ),
    http.get(
      `${org}/invitations/:id/link`,
      route(engine, async ({ param, actor }) => json(await engine.link(actor, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitations/:id/resend`,
      route(engine, async ({ param, actor }) => json(await engine.resend(actor, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitations/:id/renew`,
      route(engine, async ({ param, actor }) => json(await engine.renew(actor, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitations/:id/revoke`,
      route(engine, async ({ param, actor }) => json(await engine.revoke(actor, param('org'), param('id')))),
    ),

    http.get(
      `${org}/invitation-requests`,
      route(engine, async ({ request, param, actor }) =>
        json(await engine.listRequests(actor, param('org'), queryOf(request.url, QUERY_KEYS.requests))),
      ),
    ),
    http.post(
      `${org}/invitation-requests`,
      route(engine, async ({ request, param, body }) =>
        json(await engine.submitRequest(param('org'), body, remoteOf(request)), 202),
      ),
    ),
    http.post(
      `${org}/invitation-requests/dismiss-stale`,
      route(engine, async ({ param, actor }) => json(await engine.dismissStale(actor, param('org')))),
    ),
    http.post(
      `${org}/invitation-requests/:id/approve`,
      route(engine, async ({ param, actor }) => json(await engine.approveRequest(actor, param('org'), param('id')))),
    ),
    http.post(
      `${org}/invitation-requests/:id/dismiss`,
      route(engine, async ({ param, actor }) => json(await engine.dismissRequest(actor, param('org'), param('id')))),
    ),

    http.get(
      `${org}/members`,
      route(engine, async ({ request, param, actor }) =>
        json(await engine.listMembers(actor, param('org'), queryOf(request.url, QUERY_KEYS.members))),
      ),
    ),
    http.get(
      `${org}/settings`,
      route(engine, async ({ param, actor }) => json(await engine.getSettings(actor, param('org')))),
    ),
    http.patch(
      `${org}/settings`,
      route(engine, async ({ param, actor, body }) => json(await engine.updateSettings(actor, param('org'), body))),
    ),
    http.get(
      `${org}/access`,
      route(engine, async ({ param }) => json(await engine.access(param('org')))),
    ),

    http.get(
      '*/api/invites/:code',
      route(engine, async ({ param }) => json(await engine.lookupInvite(param('code')))),
    ),
    http.post(
      '*/api/invites/:code/accept',
      route(engine, async ({ param, actor, body }) => json(await engine.acceptInvite(actor, param('code'), body))),
    ),
    http.post(
      '*/api/invites/:code/decline',
      route(engine, async ({ param }) => json(await engine.declineInvite(param('code')))),
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
      route(engine, async ({ body }) => {
        await engine.resetFromBody(body);
        return noContent();
      }),
    ),
    http.get('*/__mock/clock', async () => json({ now: new Date(await engine.now()).toISOString() })),
    http.post(
      '*/__mock/clock',
      route(engine, async ({ body }) => {
        const b = (body ?? {}) as { advanceMs?: unknown; now?: unknown };
        const now =
          b.now !== undefined
            ? await engine.setClock(b.now as string)
            : await engine.advanceClock(b.advanceMs as number);
        return json({ now: new Date(now).toISOString() });
      }),
    ),
    http.get('*/__mock/outbox', async ({ request }) =>
      json({ items: await engine.outbox(new URL(request.url).searchParams.get('to')) }),
    ),
    http.post(
      '*/__mock/orgs/:org/members',
      route(engine, async ({ param, body }) => {
        const { member, created } = await engine.joinMember(param('org'), body);
        return json(member, created ? 201 : 200);
      }),
    ),
    http.post(
      '*/__mock/faults',
      route(engine, async ({ body }) => {
        await engine.setFaults(body);
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
