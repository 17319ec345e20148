/**
 * The host's operations (organizations, joins and departures outside invitations) and the production engine:
 * real time, no test controls read, after-commit hooks. Run on the test store (memory, or SQL through
 * INVITEKIT_TEST_STORE_MODULE) like every engine test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AcceptedEvent,
  type ControlsTx,
  Engine,
  SEED_CODES,
  type StoreTx,
  seedState,
  seededRandom,
} from '../src/index.js';
import { ADMIN, T0, createTestEngine, createTestStore, frozen, refused, setup } from './test-support.js';

const GAMMA = { slug: 'gamma', name: 'Gamma', roles: ['member', 'admin'], defaultRole: 'member' };

describe('organizations as the host keeps them', () => {
  it('creates one with default settings, updates its name and roles, keeps its settings, and lists them', async () => {
    const { engine } = await setup('empty');
    const made = await engine.upsertOrganization(GAMMA);
    assert.equal(made.created, true);
    assert.deepEqual(made.organization.settings, {
      invitationRequestsEnabled: false,
      invitationTtlDays: 7,
      allowedDomains: [],
    });
    const admin = { ...ADMIN, grants: { gamma: ['member:manage'] } };
    await engine.updateSettings(admin, 'gamma', { invitationRequestsEnabled: true });
    const again = await engine.upsertOrganization({
      ...GAMMA,
      name: ' Gamma Co ',
      roles: ['member', 'admin', 'owner'],
    });
    assert.equal(again.created, false);
    const access = await engine.access('gamma');
    assert.deepEqual(access, { organization: { slug: 'gamma', name: 'Gamma Co' }, invitationRequestsEnabled: true });
    assert.deepEqual(
      (await engine.organizations()).map((o) => o.slug),
      ['acme', 'gamma', 'globex'],
    );
  });

  it('refuses a bad slug, an empty name, no roles, a repeated role and a default role outside the roles', async () => {
    const { engine } = await setup('empty');
    const before = await frozen(engine);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...GAMMA, slug: 'Bad Slug' }, /slug/],
      [{ ...GAMMA, slug: '-x' }, /slug/],
      [{ ...GAMMA, name: '  ' }, /name/],
      [{ ...GAMMA, roles: [] }, /roles/],
      [{ ...GAMMA, roles: ['member', 'member'] }, /listed twice/],
      [{ ...GAMMA, roles: ['member', 'has space'] }, /roles\[1\]/],
      [{ ...GAMMA, defaultRole: 'owner' }, /defaultRole: Must be one of the roles \(member, admin\)/],
      [{ ...GAMMA, extra: 1 }, /extra/],
    ];
    for (const [input, message] of cases) {
      const error = await refused(() => engine.upsertOrganization(input), 'invalid_request');
      assert.match(error.message, message);
    }
    assert.equal(await frozen(engine), before);
  });

  it('keeps a role that invitations name: dropping it is refused, dropping an unused one is not', async () => {
    const { engine } = await setup();
    await engine.createInvitations(ADMIN, 'acme', { emails: ['bill@example.com'], role: 'billing' });
    const error = await refused(
      () =>
        engine.upsertOrganization({
          slug: 'acme',
          name: 'Acme Inc.',
          roles: ['admin', 'member'],
          defaultRole: 'member',
        }),
      'invalid_request',
    );
    assert.match(error.message, /billing/);
    const fresh = await createTestEngine({ seed: 'empty' });
    await fresh.upsertOrganization({
      slug: 'acme',
      name: 'Acme Inc.',
      roles: ['admin', 'member'],
      defaultRole: 'member',
    });
    assert.deepEqual((await fresh.access('acme')).organization.name, 'Acme Inc.');
  });
});

describe('joins and departures outside invitations', () => {
  it('a join makes the pending invitation stale; a departure makes it plain again; each answers what happened', async () => {
    const { engine } = await setup();
    const joined = await engine.joinMember('acme', { email: ' Jane@Example.com ', via: 'scim' });
    assert.equal(joined.created, true);
    assert.equal(joined.member.email, 'jane@example.com');
    assert.equal((await engine.joinMember('acme', { email: 'jane@example.com', via: 'sso' })).created, false);
    const stale = async () => (await engine.getInvitation(ADMIN, 'acme', 'inv_jane')).stale;
    assert.equal(await stale(), true);
    assert.equal(await engine.removeMember('acme', 'JANE@example.com'), true);
    assert.equal(await stale(), false);
    assert.equal(await engine.removeMember('acme', 'jane@example.com'), false);
  });

  it('refuses an unknown organization, a bad address and an unknown role, changing nothing', async () => {
    const { engine } = await setup();
    const before = await frozen(engine);
    await refused(() => engine.joinMember('nope', { email: 'a@example.com', via: 'sso' }), 'not_found');
    await refused(() => engine.removeMember('nope', 'a@example.com'), 'not_found');
    await refused(() => engine.removeMember('acme', 'not an address'), 'invalid_request');
    await refused(
      () => engine.joinMember('acme', { email: 'a@example.com', via: 'sso', role: 'owner' }),
      'invalid_request',
    );
    assert.equal(await frozen(engine), before);
  });
});

/** A store as production sees it: every call of a test control fails the test. */
async function productionStore() {
  const inner = await createTestStore(seedState(T0));
  const controls = new Set<string>([
    'listMessages',
    'clockOffset',
    'setClockOffset',
    'faults',
    'setFaults',
    'token',
    'grantMembership',
    'replaceAll',
    'snapshot',
  ] satisfies (keyof ControlsTx)[]);
  const touched: string[] = [];
  return {
    touched,
    store: {
      transaction: <T>(fn: (tx: StoreTx) => Promise<T>, options?: { readOnly?: boolean }) =>
        inner.transaction((tx) => {
          const guarded = new Proxy(tx, {
            get(target, property, receiver) {
              if (typeof property === 'string' && controls.has(property)) touched.push(property);
              return Reflect.get(target, property, receiver) as unknown;
            },
          });
          return fn(guarded);
        }, options),
    },
  };
}

describe('the production engine', () => {
  it('runs on real time and never touches a test control, through every kind of operation', async () => {
    const { store, touched } = await productionStore();
    let now = T0 + 1234;
    const events: AcceptedEvent[] = [];
    const engine = new Engine({
      store,
      realNow: () => now,
      random: seededRandom(5),
      acceptUrl: 'https://app.test/redeem/',
      onAccepted: (event) => {
        events.push(event);
      },
    });
    const sent = await engine.createInvitations(ADMIN, 'acme', { emails: ['zed@example.com'] });
    assert.equal(sent.sent[0]?.invitedAt, new Date(T0 + 1234).toISOString());
    now += 1000;
    await engine.listInvitations(ADMIN, 'acme', {});
    await engine.submitRequest('acme', { email: 'asker@example.com' });
    await engine.acceptInvite(ADMIN, SEED_CODES.jane).catch(() => undefined);
    const accepted = await engine.acceptInvite(null, SEED_CODES.jane);
    await engine.joinMember('acme', { email: 'someone@example.com', via: 'sso' });
    await engine.upsertOrganization(GAMMA);
    assert.deepEqual(touched, []);
    assert.equal(accepted.member.joinedAt, new Date(T0 + 2234).toISOString());
    assert.equal(events.length, 1, 'the accept refused for another address made no event');
    assert.deepEqual(events[0], {
      actor: null,
      organization: { slug: 'acme', name: 'Acme Inc.' },
      member: accepted.member,
      invitation: { id: 'inv_jane', email: 'jane@example.com', role: null },
    });
  });

  it('answers an accept whose hook threw, reports the error, and calls no hook for a refused accept', async () => {
    const { store } = await productionStore();
    const reported: unknown[] = [];
    let calls = 0;
    const engine = new Engine({
      store,
      realNow: () => T0,
      onAccepted: () => {
        calls++;
        throw new Error('the host is down');
      },
      onHookError: (error, hook) => reported.push([hook, (error as Error).message]),
    });
    const answer = await engine.acceptInvite(null, SEED_CODES.jane);
    assert.equal(answer.member.email, 'jane@example.com');
    assert.deepEqual(reported, [['onAccepted', 'the host is down']]);
    await refused(() => engine.acceptInvite(null, SEED_CODES.jane), 'already_used');
    assert.equal(calls, 1);
  });
});
