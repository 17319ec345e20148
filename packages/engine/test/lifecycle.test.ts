import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RESENDS } from '../src/limits.js';
import { actor, ADMIN, DAY, HOUR, VIEWER, frozen, refused, setup } from './test-support.js';

describe('expiry', () => {
  it('is pending 1 ms before invitedAt + 7 days and expired at and after it, read from the clock', async () => {
    const { engine, tick, invite } = await setup();
    const [inv] = (await invite(['t@example.com'])).sent;
    assert.ok(inv);
    await tick(7 * DAY - 1);
    assert.equal((await engine.getInvitation(ADMIN, 'acme', inv.id)).status, 'pending');
    await tick(1);
    assert.equal((await engine.getInvitation(ADMIN, 'acme', inv.id)).status, 'expired');
    await tick(DAY);
    assert.equal((await engine.getInvitation(ADMIN, 'acme', inv.id)).status, 'expired');
  });

  it('uses the TTL setting in force when the invitation is sent', async () => {
    const { engine, invite } = await setup();
    const [before] = (await invite(['a@example.com'])).sent;
    await engine.updateSettings(ADMIN, 'acme', { invitationTtlDays: 2 });
    const [after] = (await invite(['b@example.com'])).sent;
    assert.ok(before && after);
    assert.equal(Date.parse(before.expiresAt) - Date.parse(before.invitedAt), 7 * DAY);
    assert.equal(Date.parse(after.expiresAt) - Date.parse(after.invitedAt), 2 * DAY);
    assert.equal(
      (await engine.getInvitation(ADMIN, 'acme', before.id)).expiresAt,
      before.expiresAt,
      'unchanged by the setting',
    );
  });
});

describe('resend', () => {
  it('sends the same link up to MAX_RESENDS times, then resend_limit_reached; never extends the expiry', async () => {
    const { engine, tick, invite } = await setup();
    const [inv] = (await invite(['r@example.com'])).sent;
    assert.ok(inv);
    for (let n = 1; n <= MAX_RESENDS; n++) {
      await tick(HOUR);
      const resent = await engine.resend(ADMIN, 'acme', inv.id);
      assert.equal(resent.resendCount, n);
      assert.equal(resent.resendsRemaining, MAX_RESENDS - n);
      assert.equal(resent.expiresAt, inv.expiresAt);
      assert.equal(resent.lastSentAt, new Date(await engine.now()).toISOString());
    }
    const before = await frozen(engine);
    await refused(() => engine.resend(ADMIN, 'acme', inv.id), 'resend_limit_reached');
    assert.equal(await frozen(engine), before);
    const mails = await engine.outbox('r@example.com');
    assert.deepEqual(
      mails.map((m) => m.kind),
      ['invitation', ...Array<string>(MAX_RESENDS).fill('resend')],
    );
    assert.equal(new Set(mails.map((m) => m.url)).size, 1, 'the same link every time');
  });

  it('refuses anything not pending with not_pending', async () => {
    const { engine } = await setup();
    for (const id of ['inv_kim', 'inv_lee', 'inv_grace', 'inv_dan'])
      await refused(() => engine.resend(ADMIN, 'acme', id), 'not_pending');
    await refused(() => engine.resend(ADMIN, 'acme', 'inv_omar'), 'resend_limit_reached');
  });
});

describe('renew (send new invitation)', () => {
  it('renews only an expired invitation: same id, fresh code, new window, counters reset, new inviter', async () => {
    const { engine, tick, codeOf } = await setup();
    const oldCode = await codeOf('inv_kim');
    const acmeAdmin2 = actor(
      'acme-admin-2',
      { id: 'usr_b', name: 'Bea Boss', email: 'bea@acme.test' },
      { acme: ['member:manage'] },
    );
    await tick(1000);
    const renewed = await engine.renew(acmeAdmin2, 'acme', 'inv_kim');
    const now = new Date(await engine.now()).toISOString();
    assert.equal(renewed.id, 'inv_kim');
    assert.equal(renewed.status, 'pending');
    assert.equal(renewed.invitedAt, now);
    assert.equal(renewed.lastSentAt, now);
    assert.equal(Date.parse(renewed.expiresAt) - Date.parse(now), 7 * DAY);
    assert.equal(renewed.resendCount, 0);
    assert.equal(renewed.invitedBy?.email, 'bea@acme.test');
    const newCode = await codeOf('inv_kim');
    assert.notEqual(newCode, oldCode);
    assert.equal(renewed.resendsRemaining, MAX_RESENDS);
    assert.equal((await engine.lookupInvite(oldCode)).status, 'expired');
    await refused(() => engine.acceptInvite(null, oldCode), 'expired');
    await refused(() => engine.declineInvite(oldCode), 'expired');
    assert.equal((await engine.link(ADMIN, 'acme', 'inv_kim')).code, newCode, 'copy link answers the fresh code');
    assert.equal((await engine.lookupInvite(newCode)).status, 'pending');
    assert.equal((await engine.outbox('kim@example.com')).at(-1)?.kind, 'renewal');
  });

  it('answers not_expired for a pending one and not_renewable for revoked, declined and accepted ones', async () => {
    const { engine } = await setup();
    await refused(() => engine.renew(ADMIN, 'acme', 'inv_jane'), 'not_expired');
    for (const id of ['inv_lee', 'inv_dan', 'inv_grace'])
      await refused(() => engine.renew(ADMIN, 'acme', id), 'not_renewable');
  });

  it('answers not_renewable when the address meanwhile has another pending invitation; nothing changes', async () => {
    const { engine, invite, codeOf } = await setup();
    const again = (await invite(['kim@example.com'])).sent[0]; // inv_kim expired, so kim may be invited again
    assert.ok(again);
    const before = await frozen(engine);
    await refused(() => engine.renew(ADMIN, 'acme', 'inv_kim'), 'not_renewable');
    assert.equal(await frozen(engine), before);
    assert.equal((await engine.lookupInvite(await codeOf('inv_kim'))).status, 'expired');
    await engine.revoke(ADMIN, 'acme', again.id); // once the other one is gone, the renewal is allowed
    assert.equal((await engine.renew(ADMIN, 'acme', 'inv_kim')).status, 'pending');
  });

  it('answers already_member when the address now belongs to a member; nothing changes', async () => {
    const { engine } = await setup();
    await engine.joinMember('acme', { email: 'Kim@example.com', via: 'scim' });
    const before = await frozen(engine);
    await refused(() => engine.renew(ADMIN, 'acme', 'inv_kim'), 'already_member');
    assert.equal(await frozen(engine), before);
  });
});

describe('revoke', () => {
  it('revokes a pending invitation; a second revoke answers the same; the code then reads revoked', async () => {
    const { engine, tick, codeOf } = await setup();
    const first = await engine.revoke(ADMIN, 'acme', 'inv_jane');
    await tick(5000);
    const second = await engine.revoke(ADMIN, 'acme', 'inv_jane');
    assert.equal(first.status, 'revoked');
    assert.deepEqual(second, first);
    assert.equal((await engine.lookupInvite(await codeOf('inv_jane'))).status, 'revoked');
    await refused(async () => engine.acceptInvite(null, await codeOf('inv_jane')), 'revoked');
    assert.equal(
      (await engine.createInvitations(ADMIN, 'acme', { emails: ['jane@example.com'] })).sent.length,
      1,
      'may be invited again',
    );
  });

  it('revokes an expired invitation and refuses accepted or declined ones (not_revocable)', async () => {
    const { engine } = await setup();
    assert.equal((await engine.revoke(ADMIN, 'acme', 'inv_kim')).status, 'revoked');
    await refused(() => engine.revoke(ADMIN, 'acme', 'inv_grace'), 'not_revocable');
    await refused(() => engine.revoke(ADMIN, 'acme', 'inv_dan'), 'not_revocable');
  });
});

describe('copy link / code', () => {
  it('answers the current code and link of a pending invitation only', async () => {
    const { engine, codeOf } = await setup();
    const link = await engine.link(ADMIN, 'acme', 'inv_jane');
    assert.equal(link.code, await codeOf('inv_jane'));
    assert.equal(link.url, `https://app.test/redeem/?code=${link.code}`);
    for (const id of ['inv_kim', 'inv_lee', 'inv_grace', 'inv_dan'])
      await refused(() => engine.link(ADMIN, 'acme', id), 'not_pending');
  });
});

describe('stale invitations', () => {
  it('flags a pending invitation once its address joins through SSO or SCIM, and revokes stale ones at once', async () => {
    const { engine, invite } = await setup();
    const [inv] = (await invite(['late@example.com'])).sent;
    assert.ok(inv);
    assert.equal(inv.stale, false);
    const { created } = await engine.joinMember('acme', { email: 'Late@Example.com', via: 'scim' });
    assert.equal(created, true);
    assert.equal((await engine.getInvitation(ADMIN, 'acme', inv.id)).stale, true);
    assert.equal(
      (await engine.getInvitation(ADMIN, 'acme', 'inv_sam')).stale,
      true,
      'the seed has one stale invitation',
    );
    assert.equal((await engine.getInvitation(ADMIN, 'acme', 'inv_kim')).stale, false);
    assert.deepEqual(await engine.revokeStale(ADMIN, 'acme'), { revoked: 2 });
    assert.equal((await engine.getInvitation(ADMIN, 'acme', 'inv_sam')).status, 'revoked');
    assert.deepEqual(await engine.revokeStale(ADMIN, 'acme'), { revoked: 0 });
  });

  it('a second join of the same address answers the existing member', async () => {
    const { engine } = await setup();
    const again = await engine.joinMember('acme', { email: 'sam@acme.test', via: 'sso' });
    assert.equal(again.created, false);
    assert.equal(again.member.id, 'mem_sam');
  });
});

describe('changing the role of an invitation', () => {
  it('changes a pending invitation’s role and back to the default role; the code, expiry and resends stay', async () => {
    const { engine, invite } = await setup();
    const [inv] = (await invite(['role@example.com'])).sent;
    assert.ok(inv);
    const link = await engine.link(ADMIN, 'acme', inv.id);
    const changed = await engine.updateInvitation(ADMIN, 'acme', inv.id, { role: 'admin' });
    assert.equal(changed.role, 'admin');
    assert.equal(changed.expiresAt, inv.expiresAt);
    assert.equal(changed.resendCount, inv.resendCount);
    assert.deepEqual(await engine.link(ADMIN, 'acme', inv.id), link, 'the link already sent keeps working');
    assert.equal((await engine.getInvitation(ADMIN, 'acme', inv.id)).role, 'admin');
    assert.equal((await engine.updateInvitation(ADMIN, 'acme', inv.id, { role: null })).role, null);
    assert.equal((await engine.outbox('role@example.com')).length, 1, 'no email for a role change');
  });

  it('refuses an unknown role, a malformed body, a viewer and anything not pending; nothing changes', async () => {
    const { engine, invite, tick } = await setup();
    const [inv] = (await invite(['strict@example.com'])).sent;
    assert.ok(inv);
    const before = await frozen(engine);
    await refused(() => engine.updateInvitation(ADMIN, 'acme', inv.id, { role: 'owner' }), 'invalid_request');
    await refused(() => engine.updateInvitation(ADMIN, 'acme', inv.id, {}), 'invalid_request');
    await refused(
      () => engine.updateInvitation(ADMIN, 'acme', inv.id, { role: 'admin', email: 'x@y.z' }),
      'invalid_request',
    );
    await refused(() => engine.updateInvitation(VIEWER, 'acme', inv.id, { role: 'admin' }), 'forbidden');
    await refused(() => engine.updateInvitation(ADMIN, 'acme', 'inv_nope', { role: 'admin' }), 'not_found');
    assert.equal(await frozen(engine), before, 'nothing changed');
    await tick(8 * DAY);
    await refused(() => engine.updateInvitation(ADMIN, 'acme', inv.id, { role: 'admin' }), 'not_pending');
    const [other] = (await invite(['gone@example.com'])).sent;
    assert.ok(other);
    await engine.revoke(ADMIN, 'acme', other.id);
    await refused(() => engine.updateInvitation(ADMIN, 'acme', other.id, { role: 'admin' }), 'not_pending');
  });
});
