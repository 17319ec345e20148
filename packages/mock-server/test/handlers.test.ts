import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Invitation, Page } from '@invitekit/sdk';
import { ADMIN_HEADERS as admin, harness, jsonOf } from './handlers-test-support.js';
import { MAX_BODY_BYTES } from '@invitekit/engine';
import { SEED_CODES } from '../src/index.js';
import { setupMockServer } from '../src/node.js';

describe('MSW handlers', () => {
  it('twenty concurrent accepts of one code through the handlers: exactly one 200, nineteen already_used', async () => {
    const { call, mock } = harness();
    await mock.setFaults({ latencyMs: 5 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', `/api/invites/${SEED_CODES.jane}/accept`, { body: {} })),
    );
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1);
    assert.equal(statuses.filter((s) => s === 409).length, 19);
    const codes = await Promise.all(responses.filter((r) => r.status === 409).map(async (r) => (await jsonOf(r)).code));
    assert.ok(codes.every((c) => c === 'already_used'));
  });

  it('answers problem+json with type, title, status, code, detail and field errors named like emails[3]', async () => {
    const { call } = harness();
    const response = await call('POST', '/api/orgs/acme/invitations', {
      body: { emails: ['a@x.io', 'b@x.io', 'c@x.io', 7] },
      headers: admin,
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const problem = await jsonOf(response);
    assert.equal(problem.type, 'https://invitekit.dev/errors/invalid_request');
    assert.equal(problem.status, 400);
    assert.equal(problem.code, 'invalid_request');
    assert.equal(typeof problem.title, 'string');
    assert.equal(typeof problem.detail, 'string');
    assert.deepEqual(
      problem.errors?.map((e) => e.field),
      ['emails[3]'],
    );
  });

  it('refuses a malformed message before any rule runs, credentials included, naming the body', async () => {
    const { call } = harness();
    for (const headers of [{}, admin]) {
      const response = await call('POST', '/api/orgs/acme/invitations', { raw: '{oops', headers });
      assert.equal(response.status, 400);
      assert.equal((await jsonOf(response)).errors?.[0]?.field, 'body');
    }
  });

  it('takes only `Bearer <token>`: another scheme or a bare token is unauthenticated, even next to a good cookie', async () => {
    const { call } = harness();
    for (const authorization of [
      'acme-admin',
      'Basic YWNtZS1hZG1pbg==',
      'Bearer',
      'Bearer acme-admin extra',
      'Token acme-admin',
    ]) {
      const response = await call('GET', '/api/orgs/acme/settings', {
        headers: { authorization, cookie: 'invitekit_session=acme-admin' },
      });
      assert.equal(response.status, 401, authorization);
    }
    assert.equal(
      (await call('GET', '/api/orgs/acme/settings', { headers: { authorization: 'bearer   acme-admin ' } })).status,
      200,
    );
  });

  it('accepts the host session cookie as credentials', async () => {
    const { call } = harness();
    const ok = await call('GET', '/api/orgs/acme/settings', {
      headers: { cookie: 'other=1; invitekit_session=acme-admin' },
    });
    assert.equal(ok.status, 200);
    const viewer = await call('GET', '/api/orgs/acme/settings', {
      headers: { cookie: 'invitekit_session=acme-viewer' },
    });
    assert.equal(viewer.status, 403);
  });

  it('refuses bodies over 64 KiB with payload_too_large and stores nothing', async () => {
    const { call, mock } = harness();
    const before = JSON.stringify(await mock.state());
    const big = { emails: ['a'.repeat(MAX_BODY_BYTES + 6 * 1024)] };
    const response = await call('POST', '/api/orgs/acme/invitations', { body: big, headers: admin });
    assert.equal(response.status, 413);
    assert.equal((await jsonOf(response)).code, 'payload_too_large');
    assert.equal(JSON.stringify(await mock.state()), before);
  });

  it('takes a body of exactly 64 KiB and refuses one byte more', async () => {
    const { call } = harness();
    const pad = (json: string, size: number) => json + ' '.repeat(size - new TextEncoder().encode(json).length);
    const limit = MAX_BODY_BYTES;
    const fits = await call('POST', '/api/orgs/acme/invitations', {
      raw: pad('{"emails":["fits@example.com"]}', limit),
      headers: admin,
    });
    assert.equal(fits.status, 200);
    const over = await call('POST', '/api/orgs/acme/invitations', {
      raw: pad('{"emails":["over@example.com"]}', limit + 1),
      headers: admin,
    });
    assert.equal(over.status, 413);
    // Size is checked before credentials, as a server would, and on public endpoints too.
    assert.equal(
      (await call('POST', `/api/invites/${SEED_CODES.jane}/accept`, { raw: pad('{}', limit + 1) })).status,
      413,
    );
  });

  it('refuses limit outside 1..100 on every list, naming limit', async () => {
    const { call } = harness();
    for (const path of ['/api/orgs/acme/invitations', '/api/orgs/acme/invitation-requests', '/api/orgs/acme/members']) {
      for (const limit of ['0', '101', '-1', '2.5', 'abc']) {
        const response = await call('GET', `${path}?limit=${limit}`, { headers: admin });
        assert.equal(response.status, 400, `${path} limit=${limit}`);
        const body = await jsonOf(response);
        assert.equal(body.code, 'invalid_request');
        assert.deepEqual(
          body.errors?.map((e) => e.field),
          ['limit'],
        );
      }
      for (const limit of ['1', '100'])
        assert.equal((await call('GET', `${path}?limit=${limit}`, { headers: admin })).status, 200);
    }
  });

  it('answers not_found problems for unknown routes under /api and /__mock', async () => {
    const { call } = harness();
    for (const path of ['/api/nothing', '/api/orgs/acme/invitations/inv_jane/explode', '/__mock/nothing']) {
      const response = await call('GET', path);
      assert.equal(response.status, 404);
      assert.equal((await jsonOf(response)).code, 'not_found');
    }
    const other = await call('DELETE', '/api/orgs/acme/invitations/inv_jane', { headers: admin });
    assert.equal(other.status, 405, 'a known path with another method');
    assert.equal(other.headers.get('allow'), 'GET, HEAD, PATCH, OPTIONS');
  });

  it('injects unavailable 503s on /api only, never on the controls, and reset clears them', async () => {
    const { call } = harness({ chance: () => 0.5 });
    assert.equal((await call('POST', '/__mock/faults', { body: { failureRate: 0.6 } })).status, 204);
    const failed = await call('GET', '/api/orgs/acme/access');
    assert.equal(failed.status, 503);
    assert.equal((await jsonOf(failed)).code, 'unavailable');
    assert.equal((await call('GET', '/__mock/clock')).status, 200);
    await call('POST', '/__mock/faults', { body: { failureRate: 0.4 } });
    assert.equal((await call('GET', '/api/orgs/acme/access')).status, 200, '0.5 ≥ 0.4: no failure');
    await call('POST', '/__mock/faults', { body: { failureRate: 1 } });
    assert.equal((await call('POST', '/__mock/reset')).status, 204);
    assert.equal((await call('GET', '/api/orgs/acme/access')).status, 200);
    assert.equal((await call('POST', '/__mock/faults', { body: { failureRate: 2 } })).status, 400);
  });

  it('rate limits by x-forwarded-for, with Retry-After on the 429', async () => {
    const { call } = harness();
    for (let i = 0; i < 30; i++) {
      const r = await call('POST', '/api/orgs/acme/invitation-requests', {
        body: { email: `p${i}@example.com` },
        headers: { 'x-forwarded-for': '10.0.0.1' },
      });
      assert.equal(r.status, 202);
    }
    const limited = await call('POST', '/api/orgs/acme/invitation-requests', {
      body: { email: 'p@example.com' },
      headers: { 'x-forwarded-for': '10.0.0.1, 10.0.0.9' },
    });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3600');
    const other = await call('POST', '/api/orgs/acme/invitation-requests', {
      body: { email: 'p@example.com' },
      headers: { 'x-forwarded-for': '10.0.0.2' },
    });
    assert.equal(other.status, 202);
  });

  it('parses list queries from the URL: comma status lists, limits, unknown keys ignored', async () => {
    const { call } = harness();
    const page = await jsonOf<Page<Invitation>>(
      call('GET', '/api/orgs/acme/invitations?status=revoked,declined&limit=1&sort=email&order=asc&utm=x', {
        headers: admin,
      }),
    );
    assert.deepEqual(
      page.items.map((i: { email: string }) => i.email),
      ['dan@example.com'],
    );
    assert.equal(page.total, 2);
    const bad = await call('GET', '/api/orgs/acme/invitations?limit=abc', { headers: admin });
    assert.equal(bad.status, 400);
    assert.equal((await jsonOf(bad)).errors?.[0]?.field, 'limit');
  });

  it('tells the change listener about every successful write, not about reads, dry runs or refusals', async () => {
    let changes = 0;
    const { call } = harness({
      onChange: () => {
        changes++;
      },
    });
    await call('GET', '/api/orgs/acme/invitations', { headers: admin });
    await call('POST', '/api/orgs/acme/invitations/inv_kim/resend', { headers: admin });
    await call('POST', '/api/orgs/acme/invitations', {
      body: { emails: ['preview@example.com'], dryRun: true },
      headers: admin,
    });
    assert.equal(changes, 0, 'a dry run stores nothing, so it is no change');
    await call('POST', '/api/orgs/acme/invitations/inv_jane/resend', { headers: admin });
    assert.equal(changes, 1);
  });
});

describe('setupMockServer (Node adapter)', () => {
  const { server, mock } = setupMockServer({ acceptUrl: 'https://demo.test/redeem/' });
  before(() => {
    server.listen({ onUnhandledRequest: 'error' });
  });
  after(() => {
    server.close();
  });

  it('answers fetch on any origin and drives the same mock', async () => {
    const response = await fetch('https://whatever.example/api/orgs/acme/invitations', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['node@example.com'] }),
    });
    assert.equal(response.status, 200);
    const [message] = await mock.outbox('node@example.com');
    assert.match(message?.url ?? '', /^https:\/\/demo\.test\/redeem\/\?code=/);
    const clock = await jsonOf<{ now: unknown }>(fetch('http://localhost/__mock/clock'));
    assert.equal(typeof clock.now, 'string');
  });
});
