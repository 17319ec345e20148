/**
 * The HTTP test harness: one standalone server per test file (reset before every test), plain `fetch` calls,
 * problem+json assertions, and a record of which error codes and which endpoints of api.md the file exercised.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { ERROR_STATUS, Problem, type WireErrorCode } from '@invitekit/sdk';
import type { OutboxMessage } from '@invitekit/engine';
import { undeclared } from './declared.js';
import { type RunningServer, startServer } from './server.js';

export const ADMIN = { authorization: 'Bearer acme-admin' };

export type {
  Access,
  AcceptInviteResult,
  ApproveRequestResult,
  CreateInvitationsResult,
  Invitation,
  InvitationLink,
  InvitationRequest,
  InviteLookup,
  Member,
  Page,
  Settings,
} from '@invitekit/sdk';
/** `/__mock/clock` */
export interface Clock {
  now: string;
}
/** `/__mock/outbox` */
export interface Outbox {
  items: OutboxMessage[];
}

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
  'PATCH /api/orgs/{org}/invitations/{id}',
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
  const segments = (path.split('?')[0] ?? '').split('/');
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
  raw?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

async function declaredAnswer(route: string, response: Response): Promise<string | undefined> {
  const problemJson = response.headers.get('content-type') === 'application/problem+json';
  const code = problemJson ? ((await response.json()) as { code?: string }).code : undefined;
  if (!problemJson) await response.arrayBuffer();
  return undeclared(route, response.status, code);
}

/**
 * The server under test: `INVITEKIT_HTTP_TARGET` when set (the base URL of any implementation serving `/api` and
 * the `/__mock` controls, such as @invitekit/server with --test-controls), else the standalone mock, started
 * for this file. Nothing here may depend on which one answers.
 */
export function useServer() {
  let server: Pick<RunningServer, 'url' | 'stop'>;
  const seenCodes = new Set<string>();
  const seenRoutes = new Set<string>();
  // Every answer an API route gave, checked against the OpenAPI document once the file's tests are done.
  const answers: Promise<string | undefined>[] = [];
  before(async () => {
    const target = process.env['INVITEKIT_HTTP_TARGET'];
    server = target ? { url: target.replace(/\/$/, ''), stop: () => Promise.resolve(0) } : await startServer();
  });
  after(async () => {
    await server.stop();
    const problems = (await Promise.all(answers)).filter((p) => p !== undefined);
    assert.deepEqual([...new Set(problems)], [], 'answers the OpenAPI document does not declare');
  });
  beforeEach(async () => {
    assert.equal((await call('POST', '/__mock/reset', { body: { seed: 'default' } })).status, 204);
  });

  /** A request with a JSON body (`body`) or the given text (`raw`), sent as `application/json` unless a header says otherwise. */
  async function call(method: string, path: string, init: CallInit = {}): Promise<Response> {
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const route = routeOf(method, path);
    if (route) seenRoutes.add(route);
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(body !== undefined ? { body } : {}),
    });
    if (route) answers.push(declaredAnswer(route, response.clone()));
    return response;
  }

  /** The JSON of a successful answer (of `status`), as the type the caller names. */
  async function ok<T = unknown>(response: Response, status = 200): Promise<T> {
    const text = await response.text();
    assert.equal(response.status, status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Asserts an RFC 9457 problem with `code` and its status, and records the code as covered. */
  async function problem(response: Response | Promise<Response>, code: WireErrorCode) {
    const r = await response;
    const text = await r.text();
    assert.equal(r.status, ERROR_STATUS[code], text);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    const parsed = Problem.safeParse(JSON.parse(text));
    assert.ok(parsed.success, text);
    const body = parsed.data;
    assert.equal(body.code, code);
    assert.equal(body.type, `https://invitekit.dev/errors/${code}`);
    seenCodes.add(code);
    return { response: r, body };
  }

  return { url: () => server.url, call, ok, problem, seenCodes, seenRoutes };
}
