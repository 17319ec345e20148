/** The `/__mock` controls of api.md through the MSW handlers: reset, clock, outbox, joins, faults. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Member } from '@invitekit/sdk';
import type { OutboxMessage } from '@invitekit/engine';
import { ADMIN_HEADERS as admin, T0, harness, jsonOf } from './handlers-test-support.js';
import { seedState } from '../src/index.js';

const DAY = 24 * 60 * 60 * 1000;

describe('/__mock/reset', () => {
  it('restores data and settings, empties outbox, idempotency records and rate counters, clears faults, real time', async () => {
    const { call, mock } = harness({ chance: () => 0.99 });
    await call('POST', '/api/orgs/acme/invitations', {
      body: { emails: ['k@example.com'] },
      headers: { ...admin, 'idempotency-key': 'x' },
    });
    await call('PATCH', '/api/orgs/acme/settings', {
      body: { invitationTtlDays: 3, allowedDomains: ['acme.test'] },
      headers: admin,
    });
    await call('POST', '/api/orgs/acme/invitation-requests', {
      body: { email: 'r@example.com' },
      headers: { 'x-forwarded-for': '1.2.3.4' },
    });
    await call('POST', '/__mock/orgs/acme/members', { body: { email: 'j@example.com', via: 'scim' } });
    await call('POST', '/__mock/faults', { body: { latencyMs: 1, failureRate: 0.5 } });
    await call('POST', '/__mock/clock', { body: { advanceMs: DAY } });
    const dirty = await mock.state();
    assert.ok(
      dirty.outbox.length &&
        dirty.idempotency.length &&
        dirty.rateHits.length &&
        dirty.clockOffsetMs &&
        dirty.faults.failureRate,
    );

    assert.equal((await call('POST', '/__mock/reset')).status, 204);
    assert.deepEqual(await mock.state(), seedState(T0));
    assert.equal((await jsonOf<{ now: string }>(call('GET', '/__mock/clock'))).now, new Date(T0).toISOString());
  });

  it('takes { seed: "empty" } and { seed: "default" }', async () => {
    const { call, mock } = harness();
    assert.equal((await call('POST', '/__mock/reset', { body: { seed: 'empty' } })).status, 204);
    assert.deepEqual(await mock.state(), seedState(T0, 'empty'));
    assert.equal((await call('POST', '/__mock/reset', { body: { seed: 'default' } })).status, 204);
    assert.deepEqual(await mock.state(), seedState(T0));
  });

  it('refuses an unknown seed, an unknown field or malformed JSON as invalid_request, and resets nothing', async () => {
    const { call, mock } = harness();
    await call('POST', '/api/orgs/acme/invitations/inv_jane/revoke', { headers: admin });
    const before = JSON.stringify(await mock.state());
    const cases: [Record<string, string>, string][] = [
      [{ raw: '{"seed": "other"}' }, 'seed'],
      [{ raw: '{"seed": "empty", "keep": true}' }, 'keep'],
      [{ raw: '{oops' }, 'body'],
      [{ raw: '"empty"' }, 'body'],
    ];
    for (const [init, field] of cases) {
      const response = await call('POST', '/__mock/reset', init);
      assert.equal(response.status, 400, init.raw);
      const problem = await jsonOf(response);
      assert.equal(problem.code, 'invalid_request');
      assert.deepEqual(
        problem.errors?.map((e) => e.field),
        [field],
        init.raw,
      );
    }
    assert.equal(JSON.stringify(await mock.state()), before);
  });
});

describe('/__mock/clock', () => {
  it('answers { now }, moves forward by advanceMs or to a later now, never backwards, never past 9999', async () => {
    const { call } = harness();
    const now = async (response: Response | Promise<Response>) => (await jsonOf<{ now: string }>(response)).now;
    assert.equal(await now(call('GET', '/__mock/clock')), new Date(T0).toISOString());
    assert.equal(
      await now(call('POST', '/__mock/clock', { body: { advanceMs: 1000 } })),
      new Date(T0 + 1000).toISOString(),
    );
    const later = new Date(T0 + DAY).toISOString();
    assert.equal(await now(call('POST', '/__mock/clock', { body: { now: later } })), later);
    assert.equal(
      await now(call('POST', '/__mock/clock', { body: { now: later } })),
      later,
      'the same time is not backwards',
    );
    for (const body of [
      { now: new Date(T0).toISOString() },
      { advanceMs: -1 },
      { advanceMs: 1e20 },
      { now: 'soon' },
      {},
    ]) {
      const response = await call('POST', '/__mock/clock', { body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal((await jsonOf(response)).code, 'invalid_request');
    }
    assert.equal(await now(call('GET', '/__mock/clock')), later);
    assert.equal(
      (await call('GET', '/api/orgs/acme/invitations', { headers: admin })).status,
      200,
      'the mock still answers',
    );
  });
});

describe('/__mock/outbox', () => {
  it('lists every message oldest first with to, kind, org, subject, url, code, sentAt; `to` filters by address', async () => {
    const { call } = harness();
    await call('POST', '/api/orgs/acme/invitations', {
      body: { emails: ['one@example.com', 'Two@example.com'] },
      headers: admin,
    });
    await call('POST', '/__mock/clock', { body: { advanceMs: 1000 } });
    await call('POST', '/api/orgs/acme/invitations/inv_jane/resend', { headers: admin });
    await call('POST', '/api/orgs/acme/invitations/inv_kim/renew', { headers: admin });
    const { items } = await jsonOf<{ items: OutboxMessage[] }>(call('GET', '/__mock/outbox'));
    assert.deepEqual(
      items.map((m: { to: string; kind: string }) => [m.to, m.kind]),
      [
        ['one@example.com', 'invitation'],
        ['two@example.com', 'invitation'],
        ['jane@example.com', 'resend'],
        ['kim@example.com', 'renewal'],
      ],
    );
    const [first] = items;
    assert.ok(first);
    assert.deepEqual(Object.keys(first).sort(), ['code', 'kind', 'org', 'sentAt', 'subject', 'to', 'url']);
    assert.equal(first.org, 'acme');
    assert.equal(first.url, `https://app.test/redeem/?code=${first.code}`);
    assert.equal(first.sentAt, new Date(T0).toISOString());
    assert.match(first.subject, /Acme Inc\./);
    const filtered = await jsonOf<{ items: OutboxMessage[] }>(call('GET', '/__mock/outbox?to=%20TWO@Example.com%20'));
    assert.deepEqual(
      filtered.items.map((m: { to: string }) => m.to),
      ['two@example.com'],
    );
    assert.deepEqual(
      (await jsonOf<{ items: OutboxMessage[] }>(call('GET', '/__mock/outbox?to=nobody@example.com'))).items,
      [],
    );
  });
});

describe('/__mock/orgs/{org}/members', () => {
  it('joins a new member (201), answers the existing one unchanged (200), and refuses bad input', async () => {
    const { call, mock } = harness();
    const created = await call('POST', '/__mock/orgs/acme/members', {
      body: { email: 'New@Example.com', name: 'New', via: 'sso' },
    });
    assert.equal(created.status, 201);
    const member = await jsonOf<Member>(created);
    assert.deepEqual(
      [member.email, member.name, member.role, member.joinedVia],
      ['new@example.com', 'New', 'member', 'sso'],
    );
    const before = JSON.stringify(await mock.state());
    const again = await call('POST', '/__mock/orgs/acme/members', {
      body: { email: 'new@example.com', name: 'Other', via: 'scim' },
    });
    assert.equal(again.status, 200);
    assert.deepEqual(await jsonOf<Member>(again), member);
    assert.equal(JSON.stringify(await mock.state()), before);
    const bad = [
      { email: 'nope', via: 'sso' },
      { email: 'a@example.com', via: 'invitation' },
      { email: 'a@example.com', via: 'sso', role: 'owner' },
    ];
    for (const body of bad)
      assert.equal((await call('POST', '/__mock/orgs/acme/members', { body })).status, 400, JSON.stringify(body));
    assert.equal(
      (await call('POST', '/__mock/orgs/nowhere/members', { body: { email: 'a@example.com', via: 'sso' } })).status,
      404,
    );
  });
});

describe('/__mock/faults', () => {
  it('delays /api answers by latencyMs but never the controls', async () => {
    const slept: number[] = [];
    const { call } = harness({
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    assert.equal((await call('POST', '/__mock/faults', { body: { latencyMs: 150 } })).status, 204);
    await call('GET', '/__mock/clock');
    await call('GET', '/__mock/outbox');
    assert.deepEqual(slept, [], 'controls are not delayed');
    assert.equal((await call('GET', '/api/orgs/acme/access')).status, 200);
    assert.deepEqual(slept, [150], '/api is delayed');
  });
});
