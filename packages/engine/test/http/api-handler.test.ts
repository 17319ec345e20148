/**
 * The HTTP layer over an implementation of the rules that is not the in-memory engine: every endpoint reaches
 * its operation with the credentials `authenticate` made, the path parameters, the query shaped by the SDK's
 * schemas and the body, and an answer given later (a promise) is awaited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpoints } from '@invitekit/sdk/endpoints';
import { EngineError } from '../../src/errors.js';
import { type ApiOperations, createApiHandler, credentialsOf } from '../../src/http/api-handler.js';

type Call = [string, ...unknown[]];

/** Every operation answers, a tick later, what it was called with. */
function recordingEngine(): { engine: ApiOperations<{ user: string }>; calls: Call[] } {
  const calls: Call[] = [];
  const engine = new Proxy(
    {},
    {
      get:
        (_, name: string) =>
        async (...args: unknown[]) => {
          await Promise.resolve();
          calls.push([name, ...args]);
          if (name === 'exportCsv') return 'email\r\n';
          if (args[1] === 'refused') throw new EngineError('forbidden', 'No.');
          return { op: name };
        },
    },
  ) as ApiOperations<{ user: string }>;
  return { engine, calls };
}

function handler() {
  const { engine, calls } = recordingEngine();
  const api = createApiHandler({
    engine,
    authenticate: (request) => Promise.resolve({ user: request.headers.get('x-user') ?? 'nobody' }),
    basePath: '/v1',
  });
  const send = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    api(
      new Request(`https://host.test/v1${path}`, {
        method,
        headers: { 'x-user': 'ada', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body }),
      }),
    );
  return { send, calls };
}

describe('createApiHandler over another implementation', () => {
  it('routes every endpoint of api.md to its operation, awaiting the answer', async () => {
    const { send, calls } = handler();
    const cred = { user: 'ada' };
    const cases: [string, string, string | undefined, Call, number?][] = [
      [
        'GET',
        '/orgs/o/invitations?status=pending,expired&limit=5&utm=x',
        undefined,
        ['listInvitations', cred, 'o', { status: ['pending', 'expired'], limit: 5 }],
      ],
      [
        'POST',
        '/orgs/o/invitations',
        '{"emails":["a@b.c"]}',
        ['createInvitations', cred, 'o', { emails: ['a@b.c'] }, { idempotencyKey: null }],
      ],
      ['GET', '/orgs/o/invitations/export.csv?q=x&limit=3', undefined, ['exportCsv', cred, 'o', { q: 'x' }]],
      ['POST', '/orgs/o/invitations/revoke-stale', undefined, ['revokeStale', cred, 'o']],
      ['GET', '/orgs/o/invitations/i%201', undefined, ['getInvitation', cred, 'o', 'i 1']],
      ['GET', '/orgs/o/invitations/i/link', undefined, ['link', cred, 'o', 'i']],
      ['POST', '/orgs/o/invitations/i/resend', '{}', ['resend', cred, 'o', 'i']],
      ['POST', '/orgs/o/invitations/i/renew', undefined, ['renew', cred, 'o', 'i']],
      ['POST', '/orgs/o/invitations/i/revoke', undefined, ['revoke', cred, 'o', 'i']],
      ['PATCH', '/orgs/o/invitations/i', '{"role":"admin"}', ['updateInvitation', cred, 'o', 'i', { role: 'admin' }]],
      [
        'GET',
        '/orgs/o/invitation-requests?status=pending',
        undefined,
        ['listRequests', cred, 'o', { status: ['pending'] }],
      ],
      [
        'POST',
        '/orgs/o/invitation-requests',
        '{"email":"x@y.z"}',
        ['submitRequest', 'o', { email: 'x@y.z' }, 'local'],
        202,
      ],
      ['POST', '/orgs/o/invitation-requests/dismiss-stale', undefined, ['dismissStale', cred, 'o']],
      ['POST', '/orgs/o/invitation-requests/r/approve', undefined, ['approveRequest', cred, 'o', 'r', {}]],
      [
        'POST',
        '/orgs/o/invitation-requests/r/approve',
        '{"role":"admin"}',
        ['approveRequest', cred, 'o', 'r', { role: 'admin' }],
      ],
      ['POST', '/orgs/o/invitation-requests/r/dismiss', undefined, ['dismissRequest', cred, 'o', 'r']],
      ['GET', '/orgs/o/members?q=ada', undefined, ['listMembers', cred, 'o', { q: 'ada' }]],
      ['GET', '/orgs/o/settings', undefined, ['getSettings', cred, 'o']],
      ['PATCH', '/orgs/o/settings', '{"invitationTtlDays":3}', ['updateSettings', cred, 'o', { invitationTtlDays: 3 }]],
      ['GET', '/orgs/o/access', undefined, ['access', 'o']],
      ['GET', '/invites/c', undefined, ['lookupInvite', 'c']],
      ['POST', '/invites/c/accept', undefined, ['acceptInvite', cred, 'c', {}]],
      ['POST', '/invites/c/decline', undefined, ['declineInvite', 'c']],
    ];
    for (const [method, path, body, expected, status = 200] of cases) {
      const response = await send(method, path, body);
      assert.equal(response.status, status, `${method} ${path}: ${await response.clone().text()}`);
      assert.deepEqual(calls.pop(), expected, `${method} ${path}`);
    }
    // A new endpoint in the SDK's table needs its case here.
    assert.equal(new Set(cases.map(([, , , [op]]) => op)).size, Object.keys(endpoints).length);
  });

  it('turns a refusal into its problem, and refuses at the edge before calling anything', async () => {
    const { send, calls } = handler();
    const refused = await send('GET', '/orgs/refused/settings');
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    calls.length = 0;
    for (const [method, path, body, status] of [
      ['POST', '/orgs/o/invitations/i/resend', '{"x":1}', 400],
      ['POST', '/orgs/o/invitations', '[]', 400],
      ['GET', '/orgs/o/members?q=a&q=b', undefined, 400],
      ['DELETE', '/orgs/o/settings', undefined, 405],
      ['GET', '/orgs/o/nothing', undefined, 404],
      ['GET', '/orgs//settings', undefined, 404],
      ['GET', '/orgs/%E0%A4%A/settings', undefined, 404],
    ] as const) {
      const response = await send(method, path, body);
      assert.equal(response.status, status, `${method} ${path}`);
    }
    const unknownBase = await send('GET', '/../api/orgs/o/settings');
    assert.equal(unknownBase.status, 404);
    assert.deepEqual(calls, [], 'no operation ran');
  });

  it('answers a throw that is no refusal as unavailable, and tells onError', async () => {
    const heard: unknown[] = [];
    const api = createApiHandler({
      engine: { access: () => Promise.reject(new Error('the store is gone')) } as unknown as ApiOperations<null>,
      authenticate: () => Promise.resolve(null),
      onError: (error) => heard.push(error),
    });
    const response = await api(new Request('http://h/api/orgs/o/access'));
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { code: string }).code, 'unavailable');
    assert.equal(heard.length, 1);
  });
});

describe('credentialsOf (the mock: bearer token, else the invitekit_session cookie)', () => {
  const of = (headers: Record<string, string>) => credentialsOf(new Request('http://h/', { headers }));
  it('reads a bearer token, the cookie among others, and marks a malformed Authorization as unknown', () => {
    assert.equal(of({ authorization: 'Bearer t1' }), 't1');
    assert.equal(of({ cookie: 'a=1; invitekit_session=t2; b=2' }), 't2');
    assert.equal(of({ cookie: 'session=t3' }), null);
    assert.equal(of({}), null);
    assert.notEqual(of({ authorization: 'Basic dDE=' }), null);
    assert.notEqual(of({ authorization: 'Basic dDE=' }), 't1');
  });
});
