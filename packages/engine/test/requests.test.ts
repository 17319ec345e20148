import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ControlledEngine, Engine, type Store, type StoreTx } from '../src/index.js';
import type { RequestRecord } from '../src/state.js';
import { ADMIN, GLOBEX, T0, frozen, refused, setup } from './test-support.js';

const submit = (engine: ControlledEngine, email: string, remote = 'r1', org = 'acme') =>
  engine.submitRequest(org, { email }, remote);

describe('submitting a request (public)', () => {
  it('answers the same whether the address is new, asked before, or a member', async () => {
    const { engine } = await setup();
    const answers = [];
    for (const e of ['new@example.com', 'nora@example.com', 'viewer@acme.test']) answers.push(await submit(engine, e));
    for (const answer of answers) assert.deepEqual(answer, { status: 'received' });
  });

  it('stores a member’s request (shown stale) and adds nothing for an address with a pending request', async () => {
    const { engine } = await setup();
    const count = async () =>
      (await engine.listRequests(ADMIN, 'acme', { status: ['pending', 'approved', 'dismissed'] })).total;
    const before = await count();
    await engine.submitRequest('acme', { email: ' Viewer@ACME.test ', name: 'V', message: 'hi' }, 'r1');
    assert.equal(await count(), before + 1);
    const stored = (await engine.listRequests(ADMIN, 'acme')).items.find((r) => r.email === 'viewer@acme.test');
    assert.ok(stored);
    assert.equal(stored.stale, true);
    assert.equal(stored.name, 'V');
    await submit(engine, 'NORA@example.com');
    assert.equal(await count(), before + 1);
  });

  it('answers requests_disabled while the setting is off, and invalid_email for a malformed address', async () => {
    const { engine } = await setup();
    await refused(() => submit(engine, 'a@example.com', 'r1', 'globex'), 'requests_disabled');
    await engine.updateSettings(ADMIN, 'acme', { invitationRequestsEnabled: false });
    await refused(() => submit(engine, 'a@example.com'), 'requests_disabled');
    await engine.updateSettings(ADMIN, 'acme', { invitationRequestsEnabled: true });
    const before = await frozen(engine);
    const error = await refused(() => submit(engine, 'not an address'), 'invalid_email');
    assert.equal(error.fieldErrors?.[0]?.field, 'email');
    await refused(() => engine.submitRequest('acme', { email: 'a@example.com', extra: true }, 'r1'), 'invalid_request');
    await refused(() => submit(engine, 'a@example.com', 'r1', 'nowhere'), 'not_found');
    assert.equal(await frozen(engine), before);
  });

  it('refuses an address without an @ or with invisible characters (invalid_email), storing nothing', async () => {
    const { engine } = await setup();
    const before = await frozen(engine);
    for (const email of ['nobody.example.org', 'ad\u200Bmin@acme.test', 'x\u202E@example.com', 'a\uFEFF@example.com']) {
      await refused(() => submit(engine, email), 'invalid_email');
    }
    assert.equal(await frozen(engine), before, 'not stored and no rate-limit budget of its own');
  });
});

describe('approving and dismissing', () => {
  it('approve sends an invitation with source request, and the request becomes approved', async () => {
    const { engine } = await setup();
    const { request, invitation } = await engine.approveRequest(ADMIN, 'acme', 'req_nora');
    assert.equal(request.status, 'approved');
    assert.equal(invitation.email, 'nora@example.com');
    assert.equal(invitation.source, 'request');
    assert.equal(invitation.status, 'pending');
    assert.equal((await engine.outbox('nora@example.com'))[0]?.kind, 'invitation');
    await refused(() => engine.approveRequest(ADMIN, 'acme', 'req_nora'), 'not_pending');
    await refused(() => engine.dismissRequest(ADMIN, 'acme', 'req_nora'), 'not_pending');
  });

  it('approve with a role sends the invitation with that role; an unknown role is refused and changes nothing', async () => {
    const { engine } = await setup();
    const before = await frozen(engine);
    const error = await refused(
      () => engine.approveRequest(ADMIN, 'acme', 'req_nora', { role: 'owner' }),
      'invalid_request',
    );
    assert.match(error.message, /Unknown role "owner"/);
    await refused(() => engine.approveRequest(ADMIN, 'acme', 'req_nora', { role: 7 }), 'invalid_request');
    await refused(
      () => engine.approveRequest(ADMIN, 'acme', 'req_nora', { role: 'admin', extra: 1 }),
      'invalid_request',
    );
    assert.equal(await frozen(engine), before, 'nothing changed');
    const { invitation } = await engine.approveRequest(ADMIN, 'acme', 'req_nora', { role: 'admin' });
    assert.equal(invitation.role, 'admin');
    const { invitation: plain } = await engine.approveRequest(ADMIN, 'acme', 'req_ivan');
    assert.equal(plain.role, null, 'no role: the default role');
  });

  it('approving where a pending invitation exists answers that invitation and sends nothing', async () => {
    const { engine } = await setup();
    const [inv] = (await engine.createInvitations(ADMIN, 'acme', { emails: ['ivan@example.com'], dryRun: false })).sent;
    // Inviting approved the request; submit again to get a fresh pending request.
    await submit(engine, 'ivan@example.com');
    const req = (await engine.listRequests(ADMIN, 'acme')).items.find((r) => r.email === 'ivan@example.com');
    assert.ok(req);
    const sentBefore = (await engine.outbox()).length;
    const answer = await engine.approveRequest(ADMIN, 'acme', req.id);
    assert.equal(answer.invitation.id, inv?.id);
    assert.equal(answer.request.status, 'approved');
    assert.equal((await engine.outbox()).length, sentBefore);
  });

  it('refuses domain_not_allowed and, for a stale request, already_member; nothing changes', async () => {
    const { engine } = await setup();
    await engine.updateSettings(ADMIN, 'acme', { allowedDomains: ['acme.test'] });
    const before = await frozen(engine);
    await refused(() => engine.approveRequest(ADMIN, 'acme', 'req_nora'), 'domain_not_allowed');
    await refused(() => engine.approveRequest(ADMIN, 'acme', 'req_tom'), 'already_member');
    await refused(() => engine.approveRequest(ADMIN, 'acme', 'req_nope'), 'not_found');
    assert.equal(await frozen(engine), before);
  });

  it('dismisses one, and dismisses every stale request at once', async () => {
    const { engine } = await setup();
    assert.equal((await engine.dismissRequest(ADMIN, 'acme', 'req_ivan')).status, 'dismissed');
    const one = (await setup()).engine;
    assert.deepEqual(
      [await one.dismissRequest(ADMIN, 'acme', 'req_tom')].map((r) => [r.status, r.stale]),
      [['dismissed', false]],
      'a stale one, one by one',
    );
    await engine.joinMember('acme', { email: 'nora@example.com', via: 'sso' });
    const pending = (await engine.listRequests(ADMIN, 'acme')).items;
    assert.deepEqual(
      pending.map((r) => [r.id, r.stale]),
      [
        ['req_nora', true],
        ['req_tom', true],
      ],
    );
    assert.deepEqual(await engine.dismissStale(ADMIN, 'acme'), { dismissed: 2 });
    assert.equal((await engine.listRequests(ADMIN, 'acme')).total, 0);
  });

  it('lists pending requests newest first by default, other statuses on demand', async () => {
    const { engine } = await setup();
    assert.deepEqual(
      (await engine.listRequests(ADMIN, 'acme')).items.map((r) => r.id),
      ['req_nora', 'req_tom', 'req_ivan'],
    );
    assert.deepEqual(
      (await engine.listRequests(ADMIN, 'acme', { status: ['approved', 'dismissed'] })).items.map((r) => r.id),
      ['req_ren', 'req_zoe'],
    );
    await refused(() => engine.listRequests(GLOBEX, 'acme'), 'not_found');
  });
});

/**
 * A store whose first transaction reads one request as it was before another process answered it: what READ
 * COMMITTED shows a transaction that read the request just before the other one committed.
 */
function staleReadOnce(store: Store, stale: RequestRecord): Store {
  let first = true;
  return {
    transaction: (fn, options) =>
      store.transaction((tx) => {
        const once = first;
        first = false;
        if (!once) return fn(tx);
        const request: StoreTx['request'] = async (org, id) => (id === stale.id ? { ...stale } : tx.request(org, id));
        return fn(
          new Proxy(tx, { get: (t, name) => (name === 'request' ? request : (Reflect.get(t, name, t) as unknown)) }),
        );
      }, options),
  };
}

describe('a request is answered exactly once (rules.md, Invitation requests)', () => {
  for (const winner of ['dismiss', 'approve'] as const) {
    it(`an approve that read the request before a racing ${winner} committed answers not_pending, makes nothing`, async () => {
      const { engine } = await setup();
      const stale = (await engine.snapshot()).orgs.flatMap((o) => o.requests).find((r) => r.id === 'req_nora');
      assert.ok(stale?.status === 'pending');
      if (winner === 'dismiss') await engine.dismissRequest(ADMIN, 'acme', 'req_nora');
      else await engine.approveRequest(ADMIN, 'acme', 'req_nora');
      const before = await frozen(engine);
      const loser = new Engine({ store: staleReadOnce(engine.store, stale), realNow: () => T0 });
      await refused(() => loser.approveRequest(ADMIN, 'acme', 'req_nora'), 'not_pending');
      assert.equal(await frozen(engine), before, 'no second invitation, no message, the request as the winner left it');
    });
  }

  it('a dismiss that read the request before a racing approve committed answers not_pending', async () => {
    const { engine } = await setup();
    const stale = (await engine.snapshot()).orgs.flatMap((o) => o.requests).find((r) => r.id === 'req_nora');
    assert.ok(stale);
    await engine.approveRequest(ADMIN, 'acme', 'req_nora');
    const before = await frozen(engine);
    const loser = new Engine({ store: staleReadOnce(engine.store, stale), realNow: () => T0 });
    await refused(() => loser.dismissRequest(ADMIN, 'acme', 'req_nora'), 'not_pending');
    assert.equal(await frozen(engine), before);
  });
});
