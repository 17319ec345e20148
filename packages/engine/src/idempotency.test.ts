/** Idempotency-Key (rules.md, Inviting): replay, scope, the 24-hour window on the mock clock, what is recorded. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN, DAY, GLOBEX, refused, setup, VIEWER } from './test-support.js';

describe('Idempotency-Key', () => {
  const body = { emails: ['idem@example.com'] };

  it('a repeated request with the same key answers the first response and sends once', () => {
    const { engine } = setup();
    const first = engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    const second = engine.createInvitations(ADMIN, 'acme', { emails: ['idem@example.com'] }, { idempotencyKey: 'k1' });
    assert.deepEqual(second, first);
    assert.equal(engine.outbox('idem@example.com').length, 1);
  });

  it('the same key with another body is idempotency_key_reused', () => {
    const { engine } = setup();
    engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    const before = JSON.stringify(engine.state);
    refused(
      () => engine.createInvitations(ADMIN, 'acme', { emails: ['other@example.com'] }, { idempotencyKey: 'k1' }),
      'idempotency_key_reused',
    );
    assert.equal(JSON.stringify(engine.state), before, 'nothing sent');
  });

  it('compares bodies regardless of key order', () => {
    const { engine } = setup();
    const first = engine.createInvitations(
      ADMIN,
      'acme',
      { emails: ['o@example.com'], role: 'billing' },
      { idempotencyKey: 'k4' },
    );
    assert.deepEqual(
      engine.createInvitations(ADMIN, 'acme', { role: 'billing', emails: ['o@example.com'] }, { idempotencyKey: 'k4' }),
      first,
    );
  });

  it('is scoped by credentials: another admin’s same key is a new request', () => {
    const { engine } = setup();
    engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    engine.state.tokens.push({
      token: 'acme-admin-2',
      person: { id: 'usr_2', name: 'Second', email: 'second@acme.test' },
      grants: { acme: ['member:manage'] },
    });
    const other = engine.createInvitations('acme-admin-2', 'acme', body, { idempotencyKey: 'k1' });
    assert.equal(other.skipped[0]?.reason, 'already_invited', 'run again (the address is now invited), not replayed');
    // A third admin's other body under the same key is not idempotency_key_reused either: the scopes are apart.
    engine.state.tokens.push({
      token: 'acme-admin-3',
      person: { id: 'usr_3', name: 'Third', email: 'third@acme.test' },
      grants: { acme: ['member:manage'] },
    });
    assert.equal(
      engine.createInvitations('acme-admin-3', 'acme', { emails: ['x3@example.com'] }, { idempotencyKey: 'k1' }).sent
        .length,
      1,
    );
  });

  it('is scoped by organization: the same credentials and key in another organization are a new request', () => {
    const { engine } = setup();
    engine.state.tokens.push({
      token: 'both-admin',
      person: { id: 'usr_both', name: 'Both', email: 'both@acme.test' },
      grants: { acme: ['member:manage'], globex: ['member:manage'] },
    });
    const inAcme = engine.createInvitations('both-admin', 'acme', body, { idempotencyKey: 'k1' });
    const inGlobex = engine.createInvitations('both-admin', 'globex', body, { idempotencyKey: 'k1' });
    assert.notEqual(inGlobex.sent[0]?.id, inAcme.sent[0]?.id, 'not the acme answer replayed');
    assert.equal(engine.listInvitations(GLOBEX, 'globex', { q: 'idem@' }).total, 1);
    assert.equal(
      engine
        .outbox('idem@example.com')
        .map((m) => m.org)
        .join(),
      'acme,globex',
    );
    // Replays stay within their organization.
    assert.deepEqual(engine.createInvitations('both-admin', 'globex', body, { idempotencyKey: 'k1' }), inGlobex);
  });

  it('lasts 24 hours on the mock clock', () => {
    const { engine, tick } = setup();
    engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    tick(DAY - 1);
    assert.equal(engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' }).sent.length, 1);
    tick(1);
    const after = engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    assert.equal(after.sent.length, 0, 'after 24 hours the key is forgotten and the request runs again');
    assert.equal(after.skipped[0]?.reason, 'already_invited');
    // A forgotten key may carry another body.
    assert.equal(
      engine.createInvitations(ADMIN, 'acme', { emails: ['fresh@example.com'] }, { idempotencyKey: 'k9' }).sent.length,
      1,
    );
  });

  it('records only successes: a refused request can be retried with its key', () => {
    const { engine } = setup();
    refused(() => engine.createInvitations(ADMIN, 'acme', { emails: [] }, { idempotencyKey: 'k2' }), 'invalid_request');
    refused(() => engine.createInvitations(VIEWER, 'acme', body, { idempotencyKey: 'k2' }), 'forbidden');
    assert.equal(engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k2' }).sent.length, 1);
  });

  it('dry runs neither record nor replay', () => {
    const { engine } = setup();
    const dry = engine.createInvitations(ADMIN, 'acme', { ...body, dryRun: true }, { idempotencyKey: 'k3' });
    assert.match(dry.sent[0]?.id ?? '', /^preview_/);
    const real = engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k3' });
    assert.match(real.sent[0]?.id ?? '', /^inv_/);
    const dryAgain = engine.createInvitations(ADMIN, 'acme', { ...body, dryRun: true }, { idempotencyKey: 'k3' });
    assert.equal(dryAgain.skipped[0]?.reason, 'already_invited', 'a dry run is not answered from the record');
  });
});
