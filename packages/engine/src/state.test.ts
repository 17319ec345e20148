import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOCK_MAX, Engine, SEED_CODES, parseState, seedState } from './index.js';
import { ADMIN, DAY, T0, setup } from './test-support.js';

describe('seed and state', () => {
  it('is deterministic: the same ids, addresses, statuses and codes, times relative to the reset', () => {
    assert.deepEqual(seedState(T0), seedState(T0));
    const later = seedState(T0 + 5 * DAY);
    const acme = later.orgs.find((o) => o.slug === 'acme')!;
    assert.equal(acme.invitations.find((i) => i.id === 'inv_jane')?.invitedAt, T0 + 5 * DAY - DAY);
    assert.equal(acme.invitations.find((i) => i.id === 'inv_jane')?.code, SEED_CODES.jane);
  });

  it('has invitations in every status, one stale pending invitation, one stale request, requests on for acme only', () => {
    const { engine } = setup();
    const all = engine.listInvitations(ADMIN, 'acme', {
      status: ['pending', 'expired', 'revoked', 'accepted', 'declined'],
      limit: 100,
    }).items;
    assert.deepEqual([...new Set(all.map((i) => i.status))].sort(), [
      'accepted',
      'declined',
      'expired',
      'pending',
      'revoked',
    ]);
    assert.deepEqual(
      all.filter((i) => i.stale).map((i) => i.id),
      ['inv_sam'],
    );
    assert.deepEqual(
      engine
        .listRequests(ADMIN, 'acme')
        .items.filter((r) => r.stale)
        .map((r) => r.id),
      ['req_tom'],
    );
    assert.equal(engine.access('globex').invitationRequestsEnabled, false);
  });

  it('the empty seed holds the organizations, tokens and token holders only', () => {
    const { engine } = setup('empty');
    assert.equal(
      engine.listInvitations(ADMIN, 'acme', { status: ['pending', 'expired', 'revoked', 'accepted', 'declined'] })
        .total,
      0,
    );
    assert.deepEqual(
      engine.listMembers(ADMIN, 'acme').items.map((m) => m.email),
      ['admin@acme.test', 'viewer@acme.test'],
    );
    assert.equal(engine.listRequests(ADMIN, 'acme').total, 0);
    assert.equal(engine.listMembers('globex-admin', 'globex').total, 1);
  });

  it('survives JSON: a state written out and read back resumes exactly, and garbage is refused clearly', () => {
    const { engine, invite } = setup();
    invite(['saved@example.com']);
    engine.advanceClock(DAY);
    const copy = new Engine({ state: parseState(JSON.parse(JSON.stringify(engine.snapshot()))), realNow: () => T0 });
    assert.deepEqual(copy.listInvitations(ADMIN, 'acme'), engine.listInvitations(ADMIN, 'acme'));
    assert.equal(copy.now(), engine.now());
    assert.throws(() => parseState({ version: 1, orgs: 'no' }), /Not an invitekit mock state/);
    assert.throws(() => parseState(null), /Not an invitekit mock state/);
  });

  it('reset restores the seed, empties the outbox, idempotency and rate records, clears faults and the clock offset', () => {
    const { engine, invite } = setup();
    engine.createInvitations(ADMIN, 'acme', { emails: ['k@example.com'] }, { idempotencyKey: 'x' });
    invite(['gone@example.com']);
    engine.submitRequest('acme', { email: 'r@example.com' }, 'ip');
    engine.setFaults({ latencyMs: 50, failureRate: 0.5 });
    engine.advanceClock(DAY);
    engine.reset();
    assert.deepEqual(engine.state, seedState(T0));
  });

  it('the clock only moves forward', () => {
    const { engine } = setup();
    assert.equal(engine.advanceClock(1000), T0 + 1000);
    assert.throws(() => engine.advanceClock(-1), { code: 'invalid_request' });
    assert.throws(() => engine.setClock(new Date(T0).toISOString()), { code: 'invalid_request' });
    assert.equal(engine.setClock(new Date(T0 + DAY).toISOString()), T0 + DAY);
    assert.equal(engine.now(), T0 + DAY);
  });

  it('refuses to move the clock past the year 9999, where times stop being ISO strings; the mock keeps working', () => {
    const { engine } = setup();
    const before = JSON.stringify(engine.state);
    assert.throws(() => engine.advanceClock(1e20), { code: 'invalid_request' });
    assert.throws(() => engine.advanceClock(CLOCK_MAX - T0 + 1), { code: 'invalid_request' });
    assert.throws(() => engine.setClock('+010000-01-01T00:00:00.000Z'), { code: 'invalid_request' });
    assert.equal(JSON.stringify(engine.state), before);
    assert.equal(engine.advanceClock(CLOCK_MAX - T0), CLOCK_MAX);
    assert.equal(engine.getInvitation(ADMIN, 'acme', 'inv_jane').status, 'expired');
  });
});
