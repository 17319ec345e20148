import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN, DAY, assertAnswer, frozen, refused, setup } from './test-support.js';

describe('inviting', () => {
  it('refuses an empty list (invalid_request) and 101 addresses (too_many_emails), changing nothing', async () => {
    const { engine, invite } = await setup();
    const before = await frozen(engine);
    const none = await refused(() => invite([]), 'invalid_request');
    assert.equal(none.fieldErrors?.[0]?.field, 'emails');
    const many = Array.from({ length: 101 }, (_, i) => `person${i}@example.com`);
    await refused(() => invite(many), 'too_many_emails');
    assert.equal(await frozen(engine), before);
    assert.equal((await invite(many.slice(0, 100))).sent.length, 100);
  });

  it('trims, lower-cases, and applies the skip reasons in order, keeping request order', async () => {
    const { engine, invite } = await setup();
    await engine.updateSettings(ADMIN, 'acme', { allowedDomains: ['example.com', 'acme.test'] });
    const result = await invite([
      '  New.Person@Example.com ',
      'not-an-address',
      'new.person@example.com',
      'ADMIN@acme.test',
      'jane@example.com',
      'someone@sub.example.com',
      'other@example.com',
      'two@@example.com',
    ]);
    assertAnswer(
      result,
      ['new.person@example.com', 'other@example.com'],
      [
        { email: 'not-an-address', reason: 'invalid_email' },
        { email: 'new.person@example.com', reason: 'duplicate' },
        { email: 'ADMIN@acme.test', reason: 'already_member' },
        { email: 'jane@example.com', reason: 'already_invited', invitationId: 'inv_jane' },
        { email: 'someone@sub.example.com', reason: 'domain_not_allowed' },
        { email: 'two@@example.com', reason: 'invalid_email' },
      ],
    );
  });

  it('skips as invalid_email an address without an @ and one with invisible or bidirectional characters', async () => {
    const { engine, invite } = await setup();
    const before = await frozen(engine);
    const hidden = [
      'ad\u200Bmin@acme.test',
      'evil\u202E@example.com',
      'b\uFEFFom@example.com',
      'bel\u0007@example.com',
    ];
    const r = await invite(['example.com', '=HYPERLINK("http://evil.test"', ...hidden]);
    assert.deepEqual(r.sent, []);
    assert.deepEqual(
      r.skipped.map((s) => s.reason),
      Array<string>(6).fill('invalid_email'),
    );
    assert.equal(await frozen(engine), before, 'nothing sent, nothing stored');
  });

  it('checks invalid before duplicate, and duplicate before already_member', async () => {
    const { invite } = await setup();
    const r = await invite(['admin@acme.test', ' Admin@ACME.test', 'bad@', 'bad@']);
    assert.deepEqual(
      r.skipped.map((s) => s.reason),
      ['already_member', 'duplicate', 'invalid_email', 'invalid_email'],
    );
  });

  it('applies the reasons in the order of rules.md where several hold at once', async () => {
    const { engine, invite } = await setup();
    await engine.updateSettings(ADMIN, 'acme', { allowedDomains: ['elsewhere.test'] });
    // sam@acme.test is a member AND has a pending invitation (inv_sam), at a domain that is not allowed;
    // jane@example.com has a pending invitation at a domain that is not allowed.
    const r = await invite([
      'sam@acme.test',
      'jane@example.com',
      'viewer@acme.test',
      'new@example.com',
      'ok@elsewhere.test',
    ]);
    assertAnswer(
      r,
      ['ok@elsewhere.test'],
      [
        { email: 'sam@acme.test', reason: 'already_member' },
        { email: 'jane@example.com', reason: 'already_invited', invitationId: 'inv_jane' },
        { email: 'viewer@acme.test', reason: 'already_member' },
        { email: 'new@example.com', reason: 'domain_not_allowed' },
      ],
    );
  });

  it('reports skipped addresses as given, trimmed (not lower-cased)', async () => {
    const { invite } = await setup();
    const r = await invite([
      '  Bad Address@x.io\t',
      ' Viewer@ACME.test ',
      '\nJANE@example.com  ',
      'New@Example.com',
      ' NEW@example.COM ',
    ]);
    // Skipped as given, trimmed; sent as stored, lower-cased.
    assertAnswer(
      r,
      ['new@example.com'],
      [
        { email: 'Bad Address@x.io', reason: 'invalid_email' },
        { email: 'Viewer@ACME.test', reason: 'already_member' },
        { email: 'JANE@example.com', reason: 'already_invited', invitationId: 'inv_jane' },
        { email: 'NEW@example.COM', reason: 'duplicate' },
      ],
    );
  });

  it('answers 200 with one already_member skip for a lone member address', async () => {
    const { invite } = await setup();
    assert.deepEqual(await invite(['viewer@acme.test']), {
      sent: [],
      skipped: [{ email: 'viewer@acme.test', reason: 'already_member' }],
    });
  });

  it('lets expired, revoked and declined invitations be invited again', async () => {
    const { invite } = await setup();
    const r = await invite(['kim@example.com', 'lee@example.com', 'dan@example.com']);
    assert.equal(r.sent.length, 3);
    assert.equal(r.skipped.length, 0);
  });

  it('sends at once: each invitation is pending for 7 days and lands in the outbox', async () => {
    const { engine, invite } = await setup();
    const [inv] = (await invite(['new@example.com'])).sent;
    assert.ok(inv);
    assert.equal(inv.status, 'pending');
    assert.equal(Date.parse(inv.expiresAt) - Date.parse(inv.invitedAt), 7 * DAY);
    assert.equal(inv.invitedBy?.email, 'admin@acme.test');
    assert.equal(inv.source, 'manual');
    const [message] = await engine.outbox('new@example.com');
    assert.ok(message);
    assert.equal(message.kind, 'invitation');
    assert.match(message.url, /^https:\/\/app\.test\/redeem\/\?code=[A-Za-z0-9_-]{32}$/);
    assert.equal((await engine.getInvitation(ADMIN, 'acme', inv.id)).id, inv.id);
  });

  it('makes codes of at least 128 random bits, URL-safe, distinct', async () => {
    const { engine, invite } = await setup();
    await invite(Array.from({ length: 50 }, (_, i) => `c${i}@example.com`));
    const codes = (await engine.outbox()).map((m) => m.code);
    assert.equal(new Set(codes).size, 50);
    for (const code of codes) assert.match(code, /^[A-Za-z0-9_-]{22,}$/);
  });

  it('takes an optional role for the batch; none means the default role (null)', async () => {
    const { engine, invite } = await setup();
    assert.equal((await invite(['a@example.com'], { role: 'billing' })).sent[0]?.role, 'billing');
    assert.equal((await invite(['b@example.com'])).sent[0]?.role, null);
    assert.equal((await invite(['c@example.com'], { source: 'bulk' })).sent[0]?.source, 'bulk');
    const before = await frozen(engine);
    const error = await refused(() => invite(['d@example.com'], { role: 'owner' }), 'invalid_request');
    assert.equal(error.fieldErrors?.[0]?.field, 'role');
    assert.equal(await frozen(engine), before);
  });

  it('names the field of a wrongly typed body', async () => {
    const { invite, engine } = await setup();
    const error = await refused(
      () => invite(['a@example.com', 'b@example.com', 'c@example.com', 42 as unknown as string]),
      'invalid_request',
    );
    assert.deepEqual(
      error.fieldErrors?.map((f) => f.field),
      ['emails[3]'],
    );
    await refused(
      () => engine.createInvitations(ADMIN, 'acme', { emails: ['a@example.com'], extra: 1 }),
      'invalid_request',
    );
    await refused(
      () => engine.createInvitations(ADMIN, 'acme', { emails: ['a@example.com'], dryRun: 'yes' }),
      'invalid_request',
    );
  });

  it('approves a pending request for an address it invites', async () => {
    const { engine, invite } = await setup();
    await invite(['NORA@example.com']);
    const nora = (await engine.listRequests(ADMIN, 'acme', { status: ['approved'] })).items.find(
      (r) => r.id === 'req_nora',
    );
    assert.equal(nora?.status, 'approved');
  });

  it('dry run answers what would happen and stores and sends nothing (nor approves requests)', async () => {
    const { engine, invite } = await setup();
    const before = await frozen(engine);
    const preview = await invite(['x@example.com', 'jane@example.com', 'x@example.com', 'nora@example.com'], {
      dryRun: true,
    });
    assert.equal(preview.sent.length, 2);
    assert.ok(preview.sent.every((i) => i.id.startsWith('preview_')));
    assert.deepEqual(
      preview.skipped.map((s) => s.reason),
      ['already_invited', 'duplicate'],
    );
    assert.equal(await frozen(engine), before, 'nora’s pending request is not approved by a preview');
    assert.equal((await engine.outbox()).length, 0);
  });

  it('a dry run answers exactly what the real request then sends and skips (ids aside)', async () => {
    const { engine, invite } = await setup();
    await engine.updateSettings(ADMIN, 'acme', { allowedDomains: ['example.com'] });
    const emails = ['A@example.com', 'bad', 'a@example.com', 'viewer@acme.test', 'jane@example.com', 'b@example.com'];
    const preview = await invite(emails, { role: 'billing', source: 'bulk', dryRun: true });
    const real = await invite(emails, { role: 'billing', source: 'bulk' });
    const withoutIds = (r: typeof real) => ({
      sent: r.sent.map((i) => Object.fromEntries(Object.entries(i).filter(([key]) => key !== 'id'))),
      skipped: r.skipped,
    });
    assert.deepEqual(withoutIds(preview), withoutIds(real));
    assert.ok(real.sent.every((i) => i.id.startsWith('inv_')));
  });
});

describe('addresses in compatibility form (NFKC) wherever they are compared', () => {
  it('skips a full-width look-alike of a member as already_member and of a pending invitee as already_invited', async () => {
    const { engine, invite } = await setup();
    const before = await frozen(engine);
    const result = await invite(['ＡＤＭＩＮ@acme.test', 'ｊａｎｅ＠example.com']);
    assert.deepEqual(result.sent, []);
    assert.deepEqual(result.skipped, [
      { email: 'ＡＤＭＩＮ@acme.test', reason: 'already_member' },
      { email: 'ｊａｎｅ＠example.com', reason: 'already_invited', invitationId: 'inv_jane' },
    ]);
    assert.equal(await frozen(engine), before);
  });

  it('stores a new full-width address in its plain form and counts its look-alike as a duplicate', async () => {
    const { invite } = await setup();
    const result = await invite(['ＮＥＷ@example.com', 'new@example.com']);
    assertAnswer(result, ['new@example.com'], [{ email: 'new@example.com', reason: 'duplicate' }]);
  });

  it('a request from a look-alike address is the same request; a join by one is the same member', async () => {
    const { engine } = await setup();
    const count = async () => (await engine.listRequests(ADMIN, 'acme')).total;
    const before = await count();
    await engine.submitRequest('acme', { email: 'ＮＯＲＡ@example.com' }, 'r1');
    assert.equal(await count(), before, 'nora@example.com has a pending request already');
    const joined = await engine.joinMember('acme', { email: 'ＡＤＭＩＮ@acme.test', via: 'sso' });
    assert.equal(joined.created, false);
  });
});
