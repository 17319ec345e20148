/** The `/__mock` controls of api.md over real HTTP against the standalone server. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_CODES } from '@invitekit/mock-server';
import {
  ADMIN,
  type Access,
  type Clock,
  type Invitation,
  type InviteLookup,
  type Member,
  type Outbox,
  type Page,
  useServer,
} from './harness.js';

const { call, ok, problem } = useServer();
const DAY = 24 * 3600 * 1000;

describe('controls over HTTP', () => {
  it('moves the clock forward only, and expiry follows it', async () => {
    const { now } = await ok<Clock>(await call('GET', '/__mock/clock'));
    const moved = await ok<Clock>(await call('POST', '/__mock/clock', { body: { advanceMs: 2 * DAY } }));
    assert.ok(Date.parse(moved.now) - Date.parse(now) >= 2 * DAY);
    await problem(call('POST', '/__mock/clock', { body: { now } }), 'invalid_request');
    await problem(call('POST', '/__mock/clock', { body: { advanceMs: -5 } }), 'invalid_request');
    const set = await ok<Clock>(await call('POST', '/__mock/clock', { body: { now: '2999-01-01T00:00:00.000Z' } }));
    assert.equal(set.now.slice(0, 10), '2999-01-01');
    assert.equal((await ok<InviteLookup>(await call('GET', `/api/invites/${SEED_CODES.jane}`))).status, 'expired');
  });

  it('reset puts the clock back to real time and restores the seed, outbox and settings', async () => {
    await ok(
      await call('PATCH', '/api/orgs/acme/settings', { headers: ADMIN, body: { invitationRequestsEnabled: false } }),
    );
    await ok(await call('POST', '/api/orgs/acme/invitations/inv_jane/resend', { headers: ADMIN }));
    await ok(await call('POST', '/__mock/clock', { body: { advanceMs: 30 * DAY } }));
    await ok(await call('POST', '/__mock/reset'), 204);
    const { now } = await ok<Clock>(await call('GET', '/__mock/clock'));
    assert.ok(Math.abs(Date.parse(now) - Date.now()) < 5000, `${now} is real time`);
    assert.equal((await ok<Access>(await call('GET', '/api/orgs/acme/access'))).invitationRequestsEnabled, true);
    assert.equal((await ok<InviteLookup>(await call('GET', `/api/invites/${SEED_CODES.jane}`))).status, 'pending');
    assert.deepEqual((await ok<Outbox>(await call('GET', '/__mock/outbox'))).items, []);
    await problem(call('POST', '/__mock/reset', { body: { seed: 'nope' } }), 'invalid_request');
  });

  it('filters the outbox by address', async () => {
    await ok(
      await call('POST', '/api/orgs/acme/invitations', {
        headers: ADMIN,
        body: { emails: ['a@example.com', 'b@example.com'] },
      }),
    );
    const only = await ok<Outbox>(await call('GET', '/__mock/outbox?to=B@example.com'));
    assert.deepEqual(
      only.items.map((m) => m.to),
      ['b@example.com'],
    );
    assert.equal((await ok<Outbox>(await call('GET', '/__mock/outbox'))).items.length, 2);
  });

  it('joins members via SSO/SCIM (201, then 200), making invitations stale', async () => {
    await ok(
      await call('POST', '/api/orgs/acme/invitations', { headers: ADMIN, body: { emails: ['joiner@example.com'] } }),
    );
    const member = await ok<Member>(
      await call('POST', '/__mock/orgs/acme/members', { body: { email: 'joiner@example.com', via: 'sso' } }),
      201,
    );
    assert.equal(member.joinedVia, 'sso');
    assert.deepEqual(
      await ok(
        await call('POST', '/__mock/orgs/acme/members', { body: { email: 'joiner@example.com', via: 'scim' } }),
        200,
      ),
      member,
    );
    const page = await ok<Page<Invitation>>(
      await call('GET', '/api/orgs/acme/invitations?q=joiner', { headers: ADMIN }),
    );
    assert.equal(page.items[0]?.stale, true);
    await problem(
      call('POST', '/__mock/orgs/nowhere/members', { body: { email: 'a@example.com', via: 'sso' } }),
      'not_found',
    );
  });

  it('injects latency and unavailable 503s on /api only, and the empty seed resets to tokens only', async () => {
    assert.equal((await call('POST', '/__mock/faults', { body: { failureRate: 1, latencyMs: 30 } })).status, 204);
    const started = Date.now();
    await problem(call('GET', '/api/orgs/acme/access'), 'unavailable');
    assert.ok(Date.now() - started >= 25);
    assert.equal((await call('GET', '/__mock/clock')).status, 200);
    assert.equal((await call('POST', '/__mock/reset', { body: { seed: 'empty' } })).status, 204);
    const page = await ok<Page<Invitation>>(await call('GET', '/api/orgs/acme/invitations', { headers: ADMIN }));
    assert.equal(page.total, 0);
    assert.deepEqual((await ok<Outbox>(await call('GET', '/__mock/outbox'))).items, []);
  });
});
