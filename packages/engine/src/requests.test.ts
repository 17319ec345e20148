import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN, GLOBEX, frozen, refused, setup } from './test-support.js';

const submit = (engine: ReturnType<typeof setup>['engine'], email: string, remote = 'r1', org = 'acme') =>
  engine.submitRequest(org, { email }, remote);

describe('submitting a request (public)', () => {
  it('answers the same whether the address is new, asked before, or a member', () => {
    const { engine } = setup();
    const answers = ['new@example.com', 'nora@example.com', 'viewer@acme.test'].map((e) => submit(engine, e));
    for (const answer of answers) assert.deepEqual(answer, { status: 'received' });
  });

  it('stores a member’s request (shown stale) and adds nothing for an address with a pending request', () => {
    const { engine } = setup();
    const count = () => engine.state.orgs[0]!.requests.length;
    const before = count();
    engine.submitRequest('acme', { email: ' Viewer@ACME.test ', name: 'V', message: 'hi' }, 'r1');
    assert.equal(count(), before + 1);
    const stored = engine.listRequests(ADMIN, 'acme').items.find((r) => r.email === 'viewer@acme.test');
    assert.equal(stored?.stale, true);
    assert.equal(stored?.name, 'V');
    submit(engine, 'NORA@example.com');
    assert.equal(count(), before + 1);
  });

  it('answers requests_disabled while the setting is off, and invalid_email for a malformed address', () => {
    const { engine } = setup();
    refused(() => submit(engine, 'a@example.com', 'r1', 'globex'), 'requests_disabled');
    engine.updateSettings(ADMIN, 'acme', { invitationRequestsEnabled: false });
    refused(() => submit(engine, 'a@example.com'), 'requests_disabled');
    engine.updateSettings(ADMIN, 'acme', { invitationRequestsEnabled: true });
    const before = frozen(engine);
    const error = refused(() => submit(engine, 'not an address'), 'invalid_email');
    assert.equal(error.fieldErrors?.[0]?.field, 'email');
    refused(() => engine.submitRequest('acme', { email: 'a@example.com', extra: true }, 'r1'), 'invalid_request');
    refused(() => submit(engine, 'a@example.com', 'r1', 'nowhere'), 'not_found');
    assert.equal(frozen(engine), before);
  });

  it('refuses an address without an @ or with invisible characters (invalid_email), storing nothing', () => {
    const { engine } = setup();
    const before = frozen(engine);
    for (const email of ['nobody.example.org', 'ad\u200Bmin@acme.test', 'x\u202E@example.com', 'a\uFEFF@example.com']) {
      refused(() => submit(engine, email), 'invalid_email');
    }
    assert.equal(frozen(engine), before, 'not stored and no rate-limit budget of its own');
  });
});

describe('approving and dismissing', () => {
  it('approve sends an invitation with source request, and the request becomes approved', () => {
    const { engine } = setup();
    const { request, invitation } = engine.approveRequest(ADMIN, 'acme', 'req_nora');
    assert.equal(request.status, 'approved');
    assert.equal(invitation.email, 'nora@example.com');
    assert.equal(invitation.source, 'request');
    assert.equal(invitation.status, 'pending');
    assert.equal(engine.outbox('nora@example.com')[0]?.kind, 'invitation');
    refused(() => engine.approveRequest(ADMIN, 'acme', 'req_nora'), 'not_pending');
    refused(() => engine.dismissRequest(ADMIN, 'acme', 'req_nora'), 'not_pending');
  });

  it('approving where a pending invitation exists answers that invitation and sends nothing', () => {
    const { engine } = setup();
    const [inv] = engine.createInvitations(ADMIN, 'acme', { emails: ['ivan@example.com'], dryRun: false }).sent;
    // Inviting approved the request; submit again to get a fresh pending request.
    submit(engine, 'ivan@example.com');
    const req = engine.listRequests(ADMIN, 'acme').items.find((r) => r.email === 'ivan@example.com');
    assert.ok(req);
    const sentBefore = engine.outbox().length;
    const answer = engine.approveRequest(ADMIN, 'acme', req.id);
    assert.equal(answer.invitation.id, inv?.id);
    assert.equal(answer.request.status, 'approved');
    assert.equal(engine.outbox().length, sentBefore);
  });

  it('refuses domain_not_allowed and, for a stale request, already_member; nothing changes', () => {
    const { engine } = setup();
    engine.updateSettings(ADMIN, 'acme', { allowedDomains: ['acme.test'] });
    const before = frozen(engine);
    refused(() => engine.approveRequest(ADMIN, 'acme', 'req_nora'), 'domain_not_allowed');
    refused(() => engine.approveRequest(ADMIN, 'acme', 'req_tom'), 'already_member');
    refused(() => engine.approveRequest(ADMIN, 'acme', 'req_nope'), 'not_found');
    assert.equal(frozen(engine), before);
  });

  it('dismisses one, and dismisses every stale request at once', () => {
    const { engine } = setup();
    assert.equal(engine.dismissRequest(ADMIN, 'acme', 'req_ivan').status, 'dismissed');
    const one = setup().engine;
    assert.deepEqual(
      [one.dismissRequest(ADMIN, 'acme', 'req_tom')].map((r) => [r.status, r.stale]),
      [['dismissed', false]],
      'a stale one, one by one',
    );
    engine.joinMember('acme', { email: 'nora@example.com', via: 'sso' });
    const pending = engine.listRequests(ADMIN, 'acme').items;
    assert.deepEqual(
      pending.map((r) => [r.id, r.stale]),
      [
        ['req_nora', true],
        ['req_tom', true],
      ],
    );
    assert.deepEqual(engine.dismissStale(ADMIN, 'acme'), { dismissed: 2 });
    assert.equal(engine.listRequests(ADMIN, 'acme').total, 0);
  });

  it('lists pending requests newest first by default, other statuses on demand', () => {
    const { engine } = setup();
    assert.deepEqual(
      engine.listRequests(ADMIN, 'acme').items.map((r) => r.id),
      ['req_nora', 'req_tom', 'req_ivan'],
    );
    assert.deepEqual(
      engine.listRequests(ADMIN, 'acme', { status: ['approved', 'dismissed'] }).items.map((r) => r.id),
      ['req_ren', 'req_zoe'],
    );
    refused(() => engine.listRequests(GLOBEX, 'acme'), 'not_found');
  });
});
