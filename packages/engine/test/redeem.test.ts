import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_CODES, seedState } from '../src/index.js';
import { ADMIN, T0, createTestEngine, DAY, frozen, refused, setup, VIEWER } from './test-support.js';

describe('looking a code up', () => {
  it('answers any known code with the masked address, inviter, role, expiry and status, without using it', async () => {
    const { engine } = await setup();
    const before = await frozen(engine);
    const found = await engine.lookupInvite(SEED_CODES.omar);
    assert.deepEqual(found, {
      organization: { slug: 'acme', name: 'Acme Inc.' },
      email: 'o***@example.com',
      invitedBy: { name: 'Ada Admin' },
      role: 'admin',
      expiresAt: (await engine.getInvitation(ADMIN, 'acme', 'inv_omar')).expiresAt,
      status: 'pending',
    });
    await engine.lookupInvite(SEED_CODES.omar);
    assert.equal(await frozen(engine), before);
    const statuses = [];
    for (const k of ['jane', 'kim', 'lee', 'grace', 'dan'] as const) {
      statuses.push((await engine.lookupInvite(SEED_CODES[k])).status);
    }
    assert.deepEqual(statuses, ['pending', 'expired', 'revoked', 'accepted', 'declined']);
  });

  it('never tells whether the address is a member: a stale invitation reads like any pending one', async () => {
    const { engine } = await setup();
    const stale = await engine.lookupInvite(SEED_CODES.sam); // sam@acme.test joined through SSO
    const plain = await engine.lookupInvite(SEED_CODES.jane);
    assert.deepEqual(Object.keys(stale).sort(), Object.keys(plain).sort());
    assert.equal(stale.status, 'pending');
    assert.equal(stale.email, 's***@acme.test');
  });

  it('masks an address without splitting its first character (emoji, combining marks)', async () => {
    const { engine, invite, codeOf } = await setup();
    // A thumbs-up with a skin tone, a flag (two regional indicators), an e with a combining acute accent.
    const emails = ['\u{1F44D}\u{1F3FD}ok@example.com', '\u{1F1EB}\u{1F1F7}fr@example.com', 'e\u0301mile@example.com'];
    const masked = [];
    for (const inv of (await invite(emails)).sent) masked.push((await engine.lookupInvite(await codeOf(inv.id))).email);
    assert.deepEqual(masked, [
      '\u{1F44D}\u{1F3FD}***@example.com',
      '\u{1F1EB}\u{1F1F7}***@example.com',
      // Stored in NFKC, the e and its combining accent are one character, é.
      '\u00E9***@example.com',
    ]);
  });

  it('answers invalid_code for an unknown code', async () => {
    const { engine } = await setup();
    await refused(() => engine.lookupInvite('no-such-code'), 'invalid_code');
    await refused(() => engine.acceptInvite(null, 'no-such-code'), 'invalid_code');
    await refused(() => engine.declineInvite(''), 'invalid_code');
  });
});

describe('accept', () => {
  it('makes the person a member with the invitation role, and the code is single-use', async () => {
    const { engine } = await setup();
    const result = await engine.acceptInvite(null, SEED_CODES.priya, { name: 'Priya P.' });
    assert.deepEqual(result.organization, { slug: 'acme', name: 'Acme Inc.' });
    assert.equal(result.member.email, 'priya@example.com');
    assert.equal(result.member.role, 'billing');
    assert.equal(result.member.name, 'Priya P.');
    assert.equal(result.member.joinedVia, 'invitation');
    const inv = await engine.getInvitation(ADMIN, 'acme', 'inv_priya');
    assert.equal(inv.status, 'accepted');
    assert.equal(inv.acceptedAt, new Date(await engine.now()).toISOString());
    await refused(() => engine.acceptInvite(null, SEED_CODES.priya), 'already_used');
    await refused(() => engine.declineInvite(SEED_CODES.priya), 'already_used');
  });

  it('gives the default role when the invitation names none', async () => {
    const { engine } = await setup();
    assert.equal((await engine.acceptInvite(null, SEED_CODES.jane)).member.role, 'member');
  });

  it('refuses expired and revoked codes with 410 codes, and used ones with already_used', async () => {
    const { engine, tick } = await setup();
    await refused(() => engine.acceptInvite(null, SEED_CODES.kim), 'expired');
    await refused(() => engine.acceptInvite(null, SEED_CODES.lee), 'revoked');
    await refused(() => engine.acceptInvite(null, SEED_CODES.grace), 'already_used');
    await refused(() => engine.acceptInvite(null, SEED_CODES.dan), 'already_used');
    await tick(7 * DAY);
    await refused(() => engine.acceptInvite(null, SEED_CODES.jane), 'expired');
  });

  it('checks the code state first, then email_mismatch for a signed-in person with another address; nothing changes', async () => {
    const { engine, tick } = await setup();
    await refused(() => engine.acceptInvite(VIEWER, SEED_CODES.lee), 'revoked');
    await refused(() => engine.acceptInvite(VIEWER, SEED_CODES.kim), 'expired');
    await refused(() => engine.acceptInvite(VIEWER, SEED_CODES.grace), 'already_used');
    await refused(() => engine.acceptInvite(VIEWER, 'no-such-code'), 'invalid_code');
    const before = await frozen(engine);
    await refused(() => engine.acceptInvite(VIEWER, SEED_CODES.jane), 'email_mismatch');
    assert.equal(await frozen(engine), before);
    // Unknown credentials on this public call are nobody signed in: no mismatch, the accept goes through.
    await tick(1);
    const nobody = await engine.authenticate('not-a-token');
    assert.equal((await engine.acceptInvite(nobody, SEED_CODES.jane)).member.email, 'jane@example.com');
  });

  it('accepts for a signed-in person whose address matches, case-insensitively', async () => {
    const state = seedState(T0);
    state.tokens.push({
      token: 'jane-token',
      person: { id: 'usr_jane', name: 'Jane Doe', email: 'Jane@Example.com' },
      grants: {},
    });
    const engine = await createTestEngine({ state });
    const jane = await engine.authenticate('jane-token');
    await refused(() => engine.listMembers(jane, 'acme'), 'not_found');
    const { member } = await engine.acceptInvite(jane, SEED_CODES.jane);
    assert.equal(member.name, 'Jane Doe');
    // Her credentials now belong to the organization, without the admin permission.
    await refused(async () => engine.listMembers(await engine.authenticate('jane-token'), 'acme'), 'forbidden');
  });

  it('keeps the existing membership when the address became a member meanwhile (no duplicate)', async () => {
    const { engine } = await setup();
    const result = await engine.acceptInvite(null, SEED_CODES.sam);
    assert.equal(result.member.id, 'mem_sam');
    assert.equal(result.member.joinedVia, 'sso');
    assert.equal((await engine.listMembers(ADMIN, 'acme', { q: 'sam@' })).total, 1);
    assert.equal((await engine.getInvitation(ADMIN, 'acme', 'inv_sam')).status, 'accepted');
  });

  it('of twenty concurrent accepts of one code exactly one succeeds, the others already_used', async () => {
    const { engine } = await setup();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        engine.acceptInvite(null, SEED_CODES.jane).then(
          () => 'ok',
          (error: unknown) => (error as { code: string }).code,
        ),
      ),
    );
    assert.equal(outcomes.filter((o) => o === 'ok').length, 1);
    assert.equal(outcomes.filter((o) => o === 'already_used').length, 19);
  });
});

describe('decline', () => {
  it('declines a pending code; the same errors as accept otherwise', async () => {
    const { engine } = await setup();
    assert.deepEqual(await engine.declineInvite(SEED_CODES.jane), { status: 'declined' });
    assert.equal((await engine.getInvitation(ADMIN, 'acme', 'inv_jane')).status, 'declined');
    await refused(() => engine.declineInvite(SEED_CODES.jane), 'already_used');
    await refused(() => engine.acceptInvite(null, SEED_CODES.jane), 'already_used');
    await refused(() => engine.declineInvite(SEED_CODES.kim), 'expired');
    await refused(() => engine.declineInvite(SEED_CODES.lee), 'revoked');
  });
});
