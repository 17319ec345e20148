/** Idempotency-Key (rules.md, Inviting): replay, scope, the 24-hour window on the mock clock, what is recorded. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actor, ADMIN, DAY, GLOBEX, frozen, refused, setup, VIEWER } from './test-support.js';

describe('Idempotency-Key', () => {
  const body = { emails: ['idem@example.com'] };

  it('a repeated request with the same key answers the first response and sends once', async () => {
    const { engine } = await setup();
    const first = await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    const second = await engine.createInvitations(
      ADMIN,
      'acme',
      { emails: ['idem@example.com'] },
      { idempotencyKey: 'k1' },
    );
    assert.deepEqual(second, first);
    assert.equal((await engine.outbox('idem@example.com')).length, 1);
  });

  it('the same key with another body is idempotency_key_reused', async () => {
    const { engine } = await setup();
    await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    const before = await frozen(engine);
    await refused(
      () => engine.createInvitations(ADMIN, 'acme', { emails: ['other@example.com'] }, { idempotencyKey: 'k1' }),
      'idempotency_key_reused',
    );
    assert.equal(await frozen(engine), before, 'nothing sent');
  });

  it('compares bodies regardless of key order', async () => {
    const { engine } = await setup();
    const first = await engine.createInvitations(
      ADMIN,
      'acme',
      { emails: ['o@example.com'], role: 'billing' },
      { idempotencyKey: 'k4' },
    );
    assert.deepEqual(
      await engine.createInvitations(
        ADMIN,
        'acme',
        { role: 'billing', emails: ['o@example.com'] },
        { idempotencyKey: 'k4' },
      ),
      first,
    );
  });

  it('is scoped by credentials: another admin’s same key is a new request', async () => {
    const { engine } = await setup();
    await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    const acmeAdmin2 = actor(
      'acme-admin-2',
      { id: 'usr_2', name: 'Second', email: 'second@acme.test' },
      { acme: ['member:manage'] },
    );
    const other = await engine.createInvitations(acmeAdmin2, 'acme', body, { idempotencyKey: 'k1' });
    assert.equal(other.skipped[0]?.reason, 'already_invited', 'run again (the address is now invited), not replayed');
    // A third admin's other body under the same key is not idempotency_key_reused either: the scopes are apart.
    const acmeAdmin3 = actor(
      'acme-admin-3',
      { id: 'usr_3', name: 'Third', email: 'third@acme.test' },
      { acme: ['member:manage'] },
    );
    assert.equal(
      (await engine.createInvitations(acmeAdmin3, 'acme', { emails: ['x3@example.com'] }, { idempotencyKey: 'k1' }))
        .sent.length,
      1,
    );
  });

  it('is scoped by organization: the same credentials and key in another organization are a new request', async () => {
    const { engine } = await setup();
    const bothAdmin = actor(
      'both-admin',
      { id: 'usr_both', name: 'Both', email: 'both@acme.test' },
      { acme: ['member:manage'], globex: ['member:manage'] },
    );
    const inAcme = await engine.createInvitations(bothAdmin, 'acme', body, { idempotencyKey: 'k1' });
    const inGlobex = await engine.createInvitations(bothAdmin, 'globex', body, { idempotencyKey: 'k1' });
    assert.notEqual(inGlobex.sent[0]?.id, inAcme.sent[0]?.id, 'not the acme answer replayed');
    assert.equal((await engine.listInvitations(GLOBEX, 'globex', { q: 'idem@' })).total, 1);
    assert.equal((await engine.outbox('idem@example.com')).map((m) => m.org).join(), 'acme,globex');
    // Replays stay within their organization.
    assert.deepEqual(await engine.createInvitations(bothAdmin, 'globex', body, { idempotencyKey: 'k1' }), inGlobex);
  });

  it('lasts 24 hours on the mock clock', async () => {
    const { engine, tick } = await setup();
    await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    await tick(DAY - 1);
    assert.equal((await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' })).sent.length, 1);
    await tick(1);
    const after = await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    assert.equal(after.sent.length, 0, 'after 24 hours the key is forgotten and the request runs again');
    assert.equal(after.skipped[0]?.reason, 'already_invited');
    // A forgotten key may carry another body.
    assert.equal(
      (await engine.createInvitations(ADMIN, 'acme', { emails: ['fresh@example.com'] }, { idempotencyKey: 'k9' })).sent
        .length,
      1,
    );
  });

  it('records only successes: a refused request can be retried with its key', async () => {
    const { engine } = await setup();
    await refused(
      () => engine.createInvitations(ADMIN, 'acme', { emails: [] }, { idempotencyKey: 'k2' }),
      'invalid_request',
    );
    await refused(() => engine.createInvitations(VIEWER, 'acme', body, { idempotencyKey: 'k2' }), 'forbidden');
    assert.equal((await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k2' })).sent.length, 1);
  });

  it('dry runs neither record nor replay', async () => {
    const { engine } = await setup();
    const dry = await engine.createInvitations(ADMIN, 'acme', { ...body, dryRun: true }, { idempotencyKey: 'k3' });
    assert.match(dry.sent[0]?.id ?? '', /^preview_/);
    const real = await engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k3' });
    assert.match(real.sent[0]?.id ?? '', /^inv_/);
    const dryAgain = await engine.createInvitations(ADMIN, 'acme', { ...body, dryRun: true }, { idempotencyKey: 'k3' });
    assert.equal(dryAgain.skipped[0]?.reason, 'already_invited', 'a dry run is not answered from the record');
  });
});
