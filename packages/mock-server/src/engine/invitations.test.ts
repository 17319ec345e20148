import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN, DAY, frozen, refused, setup, VIEWER } from './test-support.js';

describe('inviting', () => {
  it('refuses an empty list (invalid_request) and 101 addresses (too_many_emails), changing nothing', () => {
    const { engine, invite } = setup();
    const before = frozen(engine);
    const none = refused(() => invite([]), 'invalid_request');
    assert.equal(none.fieldErrors?.[0]?.field, 'emails');
    const many = Array.from({ length: 101 }, (_, i) => `person${i}@example.com`);
    refused(() => invite(many), 'too_many_emails');
    assert.equal(frozen(engine), before);
    assert.equal(invite(many.slice(0, 100)).sent.length, 100);
  });

  it('trims, lower-cases, and applies the skip reasons in order, keeping request order', () => {
    const { engine, invite } = setup();
    engine.updateSettings(ADMIN, 'acme', { allowedDomains: ['example.com', 'acme.test'] });
    const result = invite([
      '  New.Person@Example.com ',
      'not-an-address',
      'new.person@example.com',
      'ADMIN@acme.test',
      'jane@example.com',
      'someone@sub.example.com',
      'other@example.com',
      'two@@example.com',
    ]);
    assert.deepEqual(result.sent.map((i) => i.email), ['new.person@example.com', 'other@example.com']);
    assert.deepEqual(result.skipped, [
      { email: 'not-an-address', reason: 'invalid_email' },
      { email: 'new.person@example.com', reason: 'duplicate' },
      { email: 'ADMIN@acme.test', reason: 'already_member' },
      { email: 'jane@example.com', reason: 'already_invited', invitationId: 'inv_jane' },
      { email: 'someone@sub.example.com', reason: 'domain_not_allowed' },
      { email: 'two@@example.com', reason: 'invalid_email' },
    ]);
  });

  it('checks invalid before duplicate, and duplicate before already_member', () => {
    const { invite } = setup();
    const r = invite(['admin@acme.test', ' Admin@ACME.test', 'bad@', 'bad@']);
    assert.deepEqual(r.skipped.map((s) => s.reason), ['already_member', 'duplicate', 'invalid_email', 'invalid_email']);
  });

  it('answers 200 with one already_member skip for a lone member address', () => {
    const { invite } = setup();
    assert.deepEqual(invite(['viewer@acme.test']), { sent: [], skipped: [{ email: 'viewer@acme.test', reason: 'already_member' }] });
  });

  it('lets expired, revoked and declined invitations be invited again', () => {
    const { invite } = setup();
    const r = invite(['kim@example.com', 'lee@example.com', 'dan@example.com']);
    assert.equal(r.sent.length, 3);
    assert.equal(r.skipped.length, 0);
  });

  it('sends at once: each invitation is pending for 7 days and lands in the outbox', () => {
    const { engine, invite } = setup();
    const [inv] = invite(['new@example.com']).sent;
    assert.ok(inv);
    assert.equal(inv.status, 'pending');
    assert.equal(Date.parse(inv.expiresAt) - Date.parse(inv.invitedAt), 7 * DAY);
    assert.equal(inv.invitedBy?.email, 'admin@acme.test');
    assert.equal(inv.source, 'manual');
    const [message] = engine.outbox('new@example.com');
    assert.equal(message?.kind, 'invitation');
    assert.match(message?.url ?? '', /^https:\/\/app\.test\/redeem\/\?code=[A-Za-z0-9_-]{32}$/);
    assert.equal(engine.getInvitation(ADMIN, 'acme', inv.id).id, inv.id);
  });

  it('makes codes of at least 128 random bits, URL-safe, distinct', () => {
    const { engine, invite } = setup();
    invite(Array.from({ length: 50 }, (_, i) => `c${i}@example.com`));
    const codes = engine.outbox().map((m) => m.code);
    assert.equal(new Set(codes).size, 50);
    for (const code of codes) assert.match(code, /^[A-Za-z0-9_-]{22,}$/);
  });

  it('takes an optional role for the batch; none means the default role (null)', () => {
    const { engine, invite } = setup();
    assert.equal(invite(['a@example.com'], { role: 'billing' }).sent[0]?.role, 'billing');
    assert.equal(invite(['b@example.com']).sent[0]?.role, null);
    assert.equal(invite(['c@example.com'], { source: 'bulk' }).sent[0]?.source, 'bulk');
    const before = frozen(engine);
    const error = refused(() => invite(['d@example.com'], { role: 'owner' }), 'invalid_request');
    assert.equal(error.fieldErrors?.[0]?.field, 'role');
    assert.equal(frozen(engine), before);
  });

  it('names the field of a wrongly typed body', () => {
    const { invite, engine } = setup();
    const error = refused(() => invite(['a@example.com', 'b@example.com', 'c@example.com', 42 as unknown as string]), 'invalid_request');
    assert.deepEqual(error.fieldErrors?.map((f) => f.field), ['emails[3]']);
    refused(() => engine.createInvitations(ADMIN, 'acme', { emails: ['a@example.com'], extra: 1 }), 'invalid_request');
    refused(() => engine.createInvitations(ADMIN, 'acme', { emails: ['a@example.com'], dryRun: 'yes' }), 'invalid_request');
  });

  it('approves a pending request for an address it invites', () => {
    const { engine, invite } = setup();
    invite(['NORA@example.com']);
    const nora = engine.listRequests(ADMIN, 'acme', { status: ['approved'] }).items.find((r) => r.id === 'req_nora');
    assert.equal(nora?.status, 'approved');
  });

  it('dry run answers what would happen and stores and sends nothing', () => {
    const { engine, invite } = setup();
    const before = frozen(engine);
    const preview = invite(['x@example.com', 'jane@example.com', 'x@example.com'], { dryRun: true });
    assert.equal(preview.sent.length, 1);
    assert.match(preview.sent[0]?.id ?? '', /^preview_/);
    assert.deepEqual(preview.skipped.map((s) => s.reason), ['already_invited', 'duplicate']);
    assert.equal(frozen(engine), before);
    assert.equal(engine.outbox().length, 0);
  });
});

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
    refused(() => engine.createInvitations(ADMIN, 'acme', { emails: ['other@example.com'] }, { idempotencyKey: 'k1' }), 'idempotency_key_reused');
  });

  it('is scoped by credentials and organization, and lasts 24 hours', () => {
    const { engine, tick } = setup();
    engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    // Another admin's key space: the same key is a new request (which skips the now-invited address).
    engine.state.tokens.push({ token: 'acme-admin-2', person: { id: 'usr_2', name: 'Second', email: 'second@acme.test' }, grants: { acme: ['member:manage'] } });
    const other = engine.createInvitations('acme-admin-2', 'acme', body, { idempotencyKey: 'k1' });
    assert.equal(other.skipped[0]?.reason, 'already_invited');
    tick(DAY - 1);
    assert.equal(engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' }).sent.length, 1);
    tick(1);
    const after = engine.createInvitations(ADMIN, 'acme', body, { idempotencyKey: 'k1' });
    assert.equal(after.sent.length, 0, 'after 24 hours the key is forgotten and the request runs again');
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
