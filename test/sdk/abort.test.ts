/**
 * `opts` on every call (sdk.md): an AbortSignal that cancels the call (and any wait before a retry), and for
 * organization-scoped calls an `organization` that overrides the client's default.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { delay, http, HttpResponse } from 'msw';
import { client, mock, recordingFetch, requests, server } from './mock.js';
import { isInvitekitError, type InvitekitClient, type OrgCallOptions } from '@invitekit/sdk';

const SETTINGS = '*/api/orgs/acme/settings';
function failFirst(path: string, respond: () => Response) {
  let left = 1;
  server.use(http.get(path, () => (left-- > 0 ? respond() : undefined)));
}

/** Every call of the client, taking its last `opts`; `org` marks the organization-scoped ones. */
const CALLS: { name: string; org: boolean; run: (api: InvitekitClient, opts: OrgCallOptions) => Promise<unknown> }[] = [
  { name: 'invitations.list', org: true, run: (api, o) => api.invitations.list({}, o) },
  { name: 'invitations.all', org: true, run: (api, o) => api.invitations.all({}, o).next() },
  { name: 'invitations.get', org: true, run: (api, o) => api.invitations.get('inv_jane', o) },
  {
    name: 'invitations.create',
    org: true,
    run: (api, o) => api.invitations.create({ emails: ['abort@example.com'] }, o),
  },
  { name: 'invitations.link', org: true, run: (api, o) => api.invitations.link('inv_jane', o) },
  { name: 'invitations.resend', org: true, run: (api, o) => api.invitations.resend('inv_jane', o) },
  { name: 'invitations.renew', org: true, run: (api, o) => api.invitations.renew('inv_kim', o) },
  { name: 'invitations.revoke', org: true, run: (api, o) => api.invitations.revoke('inv_jane', o) },
  { name: 'invitations.update', org: true, run: (api, o) => api.invitations.update('inv_jane', { role: null }, o) },
  { name: 'invitations.revokeStale', org: true, run: (api, o) => api.invitations.revokeStale(o) },
  { name: 'invitations.exportCsv', org: true, run: (api, o) => api.invitations.exportCsv({}, o) },
  { name: 'requests.list', org: true, run: (api, o) => api.requests.list({}, o) },
  { name: 'requests.all', org: true, run: (api, o) => api.requests.all({}, o).next() },
  { name: 'requests.approve', org: true, run: (api, o) => api.requests.approve('req_nora', o) },
  { name: 'requests.dismiss', org: true, run: (api, o) => api.requests.dismiss('req_ivan', o) },
  { name: 'requests.dismissStale', org: true, run: (api, o) => api.requests.dismissStale(o) },
  { name: 'requests.submit', org: true, run: (api, o) => api.requests.submit({ email: 'abort@example.com' }, o) },
  { name: 'settings.get', org: true, run: (api, o) => api.settings.get(o) },
  { name: 'settings.update', org: true, run: (api, o) => api.settings.update({ invitationTtlDays: 3 }, o) },
  { name: 'members.list', org: true, run: (api, o) => api.members.list({}, o) },
  { name: 'members.all', org: true, run: (api, o) => api.members.all({}, o).next() },
  { name: 'access.get', org: true, run: (api, o) => api.access.get(o) },
  { name: 'invites.lookup', org: false, run: (api, o) => api.invites.lookup(mock.seedCodes.jane, o) },
  { name: 'invites.accept', org: false, run: (api, o) => api.invites.accept(mock.seedCodes.jane, {}, o) },
  { name: 'invites.decline', org: false, run: (api, o) => api.invites.decline(mock.seedCodes.jane, o) },
];

describe('every call takes opts', () => {
  for (const { name, run } of CALLS) {
    it(`${name}: an aborted signal rejects with the platform AbortError and changes nothing`, async () => {
      const before = JSON.stringify(await mock.state());
      await assert.rejects(run(client(), { signal: AbortSignal.abort() }), (error: unknown) => {
        assert.equal((error as Error).name, 'AbortError');
        assert.ok(!isInvitekitError(error));
        return true;
      });
      assert.equal(JSON.stringify(await mock.state()), before);
    });
  }

  for (const { name, run } of CALLS.filter((c) => c.org)) {
    it(`${name}: opts.organization overrides the client's organization`, async () => {
      await run(client({ token: 'globex-admin', organization: 'acme' }), { organization: 'globex' }).catch(
        () => undefined,
      );
      assert.ok(requests.length > 0, 'a request was sent');
      assert.ok(
        requests.every((r) => new URL(r.url).pathname.startsWith('/api/orgs/globex/')),
        requests.map((r) => r.url).join(),
      );
    });
  }

  it('covers every method of every namespace', () => {
    const api = client() as unknown as Record<string, Record<string, unknown>>;
    const methods = Object.entries(api).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`));
    assert.deepEqual(methods.sort(), CALLS.map((c) => c.name).sort());
  });
});

describe('abort', () => {
  it('an aborted call rejects with the platform AbortError and is not retried', async () => {
    const controller = new AbortController();
    // The abort comes once the request is in the server's hands, and the server never answers.
    server.use(
      http.get(SETTINGS, async () => {
        controller.abort();
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const call = client().settings.get({ signal: controller.signal });
    await assert.rejects(call, (error: unknown) => (error as Error).name === 'AbortError' && !isInvitekitError(error));
    assert.equal(requests.length, 1);
  });

  it('an abort during the wait before a retry ends the call at once', async () => {
    failFirst(SETTINGS, () => HttpResponse.json({}, { status: 503, headers: { 'Retry-After': '20' } }));
    const controller = new AbortController();
    const started = performance.now();
    // The abort comes once the first answer (a 503 asking for 20 s) is back in the client, which then waits.
    const call = client({
      fetch: async (request: Request) => {
        const response = await recordingFetch(request);
        setImmediate(() => {
          controller.abort();
        });
        return response;
      },
    }).settings.get({ signal: controller.signal });
    await assert.rejects(call, { name: 'AbortError' });
    assert.ok(performance.now() - started < 5000);
    assert.equal(requests.length, 1);
  });

  it('abort stops an all() walk', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    await assert.rejects(
      async () => {
        for await (const invitation of client().invitations.all({ limit: 1 }, { signal: controller.signal })) {
          seen.push(invitation.id);
          controller.abort();
        }
      },
      { name: 'AbortError' },
    );
    assert.equal(seen.length, 1);
  });
});
