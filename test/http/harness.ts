/**
 * The HTTP test harness: one standalone server per test file (reset before every test), plain `fetch` calls,
 * problem+json assertions, and a record of which error codes and which endpoints of api.md the file exercised.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { ERROR_STATUS, Problem, type WireErrorCode } from '@invitekit/sdk';
import { type RunningServer, startServer } from './server.js';

export const ADMIN = { authorization: 'Bearer acme-admin' };

/** Every endpoint of api.md under BASE = /api, as `METHOD path-template`. */
export const API_ROUTES = [
  'GET /api/orgs/{org}/invitations',
  'POST /api/orgs/{org}/invitations',
  'GET /api/orgs/{org}/invitations/export.csv',
  'POST /api/orgs/{org}/invitations/revoke-stale',
  'GET /api/orgs/{org}/invitations/{id}',
  'GET /api/orgs/{org}/invitations/{id}/link',
  'POST /api/orgs/{org}/invitations/{id}/resend',
  'POST /api/orgs/{org}/invitations/{id}/renew',
  'POST /api/orgs/{org}/invitations/{id}/revoke',
  'GET /api/orgs/{org}/invitation-requests',
  'POST /api/orgs/{org}/invitation-requests/{id}/approve',
  'POST /api/orgs/{org}/invitation-requests/{id}/dismiss',
  'POST /api/orgs/{org}/invitation-requests/dismiss-stale',
  'GET /api/orgs/{org}/members',
  'GET /api/orgs/{org}/settings',
  'PATCH /api/orgs/{org}/settings',
  'GET /api/orgs/{org}/access',
  'POST /api/orgs/{org}/invitation-requests',
  'GET /api/invites/{code}',
  'POST /api/invites/{code}/accept',
  'POST /api/invites/{code}/decline',
] as const;

/** The route a request matched, literal segments winning over `{params}` (so `export.csv` is not an `{id}`). */
function routeOf(method: string, path: string): string | undefined {
  const segments = path.split('?')[0]!.split('/');
  const candidates = API_ROUTES.filter((route) => {
    const [m, template] = route.split(' ') as [string, string];
    const parts = template.split('/');
    return (
      m === method && parts.length === segments.length && parts.every((p, i) => p.startsWith('{') || p === segments[i])
    );
  });
  const literals = (route: string) => route.split('/').filter((p) => !p.startsWith('{')).length;
  return candidates.sort((a, b) => literals(b) - literals(a))[0];
}

export interface CallInit {
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export function useServer() {
  let server: RunningServer;
  const seenCodes = new Set<string>();
  const seenRoutes = new Set<string>();
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    assert.equal((await call('POST', '/__mock/reset', { body: { seed: 'default' } })).status, 204);
  });

  async function call(method: string, path: string, init: CallInit = {}): Promise<Response> {
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const route = routeOf(method, path);
    if (route) seenRoutes.add(route);
    return fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(body !== undefined ? { body } : {}),
    });
  }

  async function ok<T = any>(response: Response, status = 200): Promise<T> {
    const text = await response.text();
    assert.equal(response.status, status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Asserts an RFC 9457 problem with `code` and its status, and records the code as covered. */
  async function problem(response: Response | Promise<Response>, code: WireErrorCode) {
    const r = await response;
    const body = await r.json();
    assert.equal(r.status, ERROR_STATUS[code], JSON.stringify(body));
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.equal(Problem.safeParse(body).success, true, JSON.stringify(body));
    assert.equal(body.code, code);
    assert.equal(body.type, `https://invitekit.dev/errors/${code}`);
    seenCodes.add(code);
    return { response: r, body };
  }

  return { url: () => server.url, call, ok, problem, seenCodes, seenRoutes };
}
