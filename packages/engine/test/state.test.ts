import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CLOCK_MAX,
  ControlledEngine,
  MAX_OUTBOX_MESSAGES,
  MAX_RESENDS,
  type StoreState,
  SEED_CODES,
  parseState,
  seedState,
} from '../src/index.js';
import { ADMIN, DAY, T0, setup, GLOBEX, frozen } from './test-support.js';

/** The seed's pieces a test changes, found (and asserted) by name. */
function acme(state: StoreState) {
  const org = state.orgs.find((o) => o.slug === 'acme');
  assert.ok(org);
  return org;
}
function invitationOf(state: StoreState, id: string) {
  const inv = acme(state).invitations.find((i) => i.id === id);
  assert.ok(inv);
  return inv;
}
const jane = (state: StoreState) => invitationOf(state, 'inv_jane');
const omar = (state: StoreState) => invitationOf(state, 'inv_omar');
function ada(state: StoreState) {
  const member = acme(state).members.find((m) => m.id === 'mem_ada');
  assert.ok(member);
  return member;
}

describe('seed and state', () => {
  it('is deterministic: the same ids, addresses, statuses and codes, times relative to the reset', () => {
    assert.deepEqual(seedState(T0), seedState(T0));
    const later = seedState(T0 + 5 * DAY);
    assert.equal(jane(later).invitedAt, T0 + 5 * DAY - DAY);
    assert.equal(jane(later).code, SEED_CODES.jane);
  });

  it('has invitations in every status, one stale pending invitation, one stale request, requests on for acme only', async () => {
    const { engine } = await setup();
    const all = (
      await engine.listInvitations(ADMIN, 'acme', {
        status: ['pending', 'expired', 'revoked', 'accepted', 'declined'],
        limit: 100,
      })
    ).items;
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
      (await engine.listRequests(ADMIN, 'acme')).items.filter((r) => r.stale).map((r) => r.id),
      ['req_tom'],
    );
    assert.equal((await engine.access('globex')).invitationRequestsEnabled, false);
  });

  it('the empty seed holds the organizations, tokens and token holders only', async () => {
    const { engine } = await setup('empty');
    assert.equal(
      (
        await engine.listInvitations(ADMIN, 'acme', {
          status: ['pending', 'expired', 'revoked', 'accepted', 'declined'],
        })
      ).total,
      0,
    );
    assert.deepEqual(
      (await engine.listMembers(ADMIN, 'acme')).items.map((m) => m.email),
      ['admin@acme.test', 'viewer@acme.test'],
    );
    assert.equal((await engine.listRequests(ADMIN, 'acme')).total, 0);
    assert.equal((await engine.listMembers(GLOBEX, 'globex')).total, 1);
  });

  it('survives JSON: a state written out and read back resumes exactly, and garbage is refused clearly', async () => {
    const { engine, invite } = await setup();
    await invite(['saved@example.com']);
    await engine.advanceClock(DAY);
    const copy = new ControlledEngine({
      state: parseState(JSON.parse(JSON.stringify(await engine.snapshot()))),
      realNow: () => T0,
    });
    assert.deepEqual(await copy.listInvitations(ADMIN, 'acme'), await engine.listInvitations(ADMIN, 'acme'));
    assert.equal(await copy.now(), await engine.now());
    assert.throws(() => parseState({ version: 1, orgs: 'no' }), /Not an invitekit mock state/);
    assert.throws(() => parseState(null), /Not an invitekit mock state/);
  });

  it('refuses a state whose values are out of range or break an invariant, naming where', () => {
    const cases: [string, (s: StoreState) => void, RegExp][] = [
      ['TTL -5', (s) => (acme(s).settings.invitationTtlDays = -5), /invitationTtlDays: not a whole number/],
      ['TTL 31', (s) => (acme(s).settings.invitationTtlDays = 31), /invitationTtlDays/],
      ['resendCount -10', (s) => (jane(s).resendCount = -10), /resendCount/],
      ['resendCount past the cap', (s) => (jane(s).resendCount = MAX_RESENDS + 1), /resendCount/],
      ['latency 1e9', (s) => (s.faults.latencyMs = 1e9), /faults.latencyMs/],
      ['failure rate 2', (s) => (s.faults.failureRate = 2), /faults.failureRate/],
      ['negative clock offset', (s) => (s.clockOffsetMs = -1), /clockOffsetMs/],
      ['a time past the Date range', (s) => (jane(s).expiresAt = 1e300), /expiresAt: not a time/],
      ['expiry before invitation', (s) => (jane(s).expiresAt = 0), /not after invitedAt/],
      ['duplicate member', (s) => acme(s).members.push({ ...ada(s), id: 'mem_x' }), /a second member/],
      [
        'two pending invitations for one address',
        (s) => acme(s).invitations.push({ ...jane(s), id: 'inv_x', code: 'another' }),
        /two pending invitations for jane@example.com/,
      ],
      ['a code used twice', (s) => (omar(s).code = jane(s).code), /invitation with the code/],
      ['an unusable address', (s) => (jane(s).email = 'example.com'), /email: not a usable/],
      ['an upper-case address', (s) => (ada(s).email = 'Admin@acme.test'), /email: not a usable/],
      ['an unknown role', (s) => (jane(s).role = 'owner'), /role: not a role/],
      ['a default role not among roles', (s) => (acme(s).defaultRole = 'owner'), /defaultRole/],
    ];
    for (const [name, change, message] of cases) {
      const state = seedState(T0);
      change(state);
      assert.throws(() => parseState(JSON.parse(JSON.stringify(state))), message, name);
    }
    assert.doesNotThrow(() => parseState(seedState(T0)));
  });

  it('keeps the newest MAX_OUTBOX_MESSAGES of a longer outbox when loading, and when sending', async () => {
    const state = seedState(T0);
    const message = (i: number) => ({
      to: `p${i}@example.com`,
      kind: 'invitation' as const,
      org: 'acme',
      subject: 's',
      url: 'https://x.test/',
      code: `c${i}`,
      sentAt: new Date(T0).toISOString(),
    });
    state.outbox = Array.from({ length: MAX_OUTBOX_MESSAGES + 5 }, (_, i) => message(i));
    const loaded = parseState(state);
    assert.equal(loaded.outbox.length, MAX_OUTBOX_MESSAGES);
    assert.equal(loaded.outbox[0]?.to, 'p5@example.com');
    const engine = new ControlledEngine({ state: loaded, realNow: () => T0 });
    await engine.createInvitations(ADMIN, 'acme', { emails: ['newest@example.com'] });
    const outbox = await engine.outbox();
    assert.equal(outbox.length, MAX_OUTBOX_MESSAGES);
    assert.equal(outbox[0]?.to, 'p6@example.com');
    assert.equal(outbox.at(-1)?.to, 'newest@example.com');
  });

  it('reset restores the seed, empties the outbox, idempotency and rate records, clears faults and the clock offset', async () => {
    const { engine, invite } = await setup();
    await engine.createInvitations(ADMIN, 'acme', { emails: ['k@example.com'] }, { idempotencyKey: 'x' });
    await invite(['gone@example.com']);
    await engine.submitRequest('acme', { email: 'r@example.com' }, 'ip');
    await engine.setFaults({ latencyMs: 50, failureRate: 0.5 });
    await engine.advanceClock(DAY);
    await engine.reset();
    assert.deepEqual(await engine.snapshot(), seedState(T0));
  });

  it('the clock only moves forward', async () => {
    const { engine } = await setup();
    assert.equal(await engine.advanceClock(1000), T0 + 1000);
    await assert.rejects(() => engine.advanceClock(-1), { code: 'invalid_request' });
    await assert.rejects(() => engine.setClock(new Date(T0).toISOString()), { code: 'invalid_request' });
    assert.equal(await engine.setClock(new Date(T0 + DAY).toISOString()), T0 + DAY);
    assert.equal(await engine.now(), T0 + DAY);
  });

  it('refuses to move the clock past the year 9999, where times stop being ISO strings; the mock keeps working', async () => {
    const { engine } = await setup();
    const before = await frozen(engine);
    await assert.rejects(() => engine.advanceClock(1e20), { code: 'invalid_request' });
    await assert.rejects(() => engine.advanceClock(CLOCK_MAX - T0 + 1), { code: 'invalid_request' });
    await assert.rejects(() => engine.setClock('+010000-01-01T00:00:00.000Z'), { code: 'invalid_request' });
    assert.equal(await frozen(engine), before);
    assert.equal(await engine.advanceClock(CLOCK_MAX - T0), CLOCK_MAX);
    assert.equal((await engine.getInvitation(ADMIN, 'acme', 'inv_jane')).status, 'expired');
  });
});
