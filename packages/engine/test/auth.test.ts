/**
 * Actors and permission (rules.md): authentication first (401), then the organization, which is `not_found` for
 * another tenant or one that does not exist (never `forbidden`), then `member:manage` (403); for every admin
 * operation, and a refusal changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor, ControlledEngine } from '../src/index.js';
import { ADMIN, GLOBEX, VIEWER, frozen, refused, setup } from './test-support.js';

type AdminOp = (engine: ControlledEngine, actor: Actor | null, org: string) => unknown;

/** Every operation of the admin surface, with acme ids and a valid body. */
const ADMIN_OPS: Record<string, AdminOp> = {
  listInvitations: (e, c, o) => e.listInvitations(c, o),
  createInvitations: (e, c, o) => e.createInvitations(c, o, { emails: ['x@example.com'] }, { idempotencyKey: 'k' }),
  exportCsv: (e, c, o) => e.exportCsv(c, o),
  revokeStale: (e, c, o) => e.revokeStale(c, o),
  getInvitation: (e, c, o) => e.getInvitation(c, o, 'inv_jane'),
  link: (e, c, o) => e.link(c, o, 'inv_jane'),
  resend: (e, c, o) => e.resend(c, o, 'inv_jane'),
  renew: (e, c, o) => e.renew(c, o, 'inv_kim'),
  revoke: (e, c, o) => e.revoke(c, o, 'inv_jane'),
  listRequests: (e, c, o) => e.listRequests(c, o),
  approveRequest: (e, c, o) => e.approveRequest(c, o, 'req_nora'),
  dismissRequest: (e, c, o) => e.dismissRequest(c, o, 'req_ivan'),
  dismissStale: (e, c, o) => e.dismissStale(c, o),
  listMembers: (e, c, o) => e.listMembers(c, o),
  getSettings: (e, c, o) => e.getSettings(c, o),
  updateSettings: (e, c, o) => e.updateSettings(c, o, { invitationTtlDays: 3 }),
};

describe('authentication, permission, tenants', () => {
  it('resolves the mock’s tokens to actors: person, grants, and the token as the idempotency key; others are nobody', async () => {
    const { engine } = await setup();
    assert.deepEqual(await engine.authenticate('acme-admin'), ADMIN);
    assert.deepEqual(await engine.authenticate('acme-viewer'), VIEWER);
    assert.equal(await engine.authenticate('not-a-token'), null);
    assert.equal(await engine.authenticate(''), null);
    assert.equal(await engine.authenticate(null), null);
  });

  for (const [name, op] of Object.entries(ADMIN_OPS)) {
    it(`${name}: 401 without or with unknown credentials (whatever the organization), 404 for another or no tenant, 403 without the permission; nothing changes`, async () => {
      const { engine } = await setup();
      const before = await frozen(engine);
      await refused(() => op(engine, null, 'acme'), 'unauthenticated');
      await refused(() => op(engine, null, 'nowhere'), 'unauthenticated');
      await refused(async () => op(engine, await engine.authenticate('not-a-token'), 'globex'), 'unauthenticated');
      await refused(() => op(engine, GLOBEX, 'acme'), 'not_found');
      await refused(() => op(engine, ADMIN, 'nowhere'), 'not_found');
      await refused(() => op(engine, VIEWER, 'globex'), 'not_found');
      await refused(() => op(engine, VIEWER, 'acme'), 'forbidden');
      assert.equal(await frozen(engine), before);
      await op(engine, ADMIN, 'acme'); // and the admin of the organization may
    });
  }

  it('checks credentials before the body, and the permission before the resource', async () => {
    const { engine } = await setup();
    await refused(() => engine.createInvitations(null, 'acme', { nonsense: true }), 'unauthenticated');
    await refused(() => engine.updateSettings(null, 'acme', { maxResends: 9 }), 'unauthenticated');
    await refused(() => engine.createInvitations(VIEWER, 'acme', { nonsense: true }), 'forbidden');
    await refused(() => engine.getInvitation(VIEWER, 'acme', 'inv_nope'), 'forbidden');
  });

  it('another tenant’s invitation or request is not_found inside one’s own organization', async () => {
    const { engine } = await setup();
    const ops = [
      () => engine.getInvitation(GLOBEX, 'globex', 'inv_jane'),
      () => engine.link(GLOBEX, 'globex', 'inv_jane'),
      () => engine.resend(GLOBEX, 'globex', 'inv_jane'),
      () => engine.renew(GLOBEX, 'globex', 'inv_kim'),
      () => engine.revoke(GLOBEX, 'globex', 'inv_jane'),
      () => engine.approveRequest(GLOBEX, 'globex', 'req_nora'),
      () => engine.dismissRequest(GLOBEX, 'globex', 'req_nora'),
      () => engine.getInvitation(ADMIN, 'acme', 'inv_hank'),
    ];
    const before = await frozen(engine);
    for (const op of ops) await refused(op, 'not_found');
    assert.equal(await frozen(engine), before);
    assert.equal((await engine.getInvitation(GLOBEX, 'globex', 'inv_hank')).email, 'hank@example.com');
  });

  it('public access answers the organization and whether requests are open; an unknown one is not_found', async () => {
    const { engine } = await setup();
    assert.deepEqual(await engine.access('acme'), {
      organization: { slug: 'acme', name: 'Acme Inc.' },
      invitationRequestsEnabled: true,
    });
    assert.equal((await engine.access('globex')).invitationRequestsEnabled, false);
    await refused(() => engine.access('nowhere'), 'not_found');
  });
});
