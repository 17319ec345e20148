import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_CODES } from './index.js';
import { ADMIN, DAY, frozen, refused, setup, VIEWER } from './test-support.js';

describe('looking a code up', () => {
  it('answers any known code with the masked address, inviter, role, expiry and status, without using it', () => {
    const { engine } = setup();
    const before = frozen(engine);
    const found = engine.lookupInvite(SEED_CODES.omar);
    assert.deepEqual(found, {
      organization: { slug: 'acme', name: 'Acme Inc.' },
      email: 'o***@example.com',
      invitedBy: { name: 'Ada Admin' },
      role: 'admin',
      expiresAt: engine.getInvitation(ADMIN, 'acme', 'inv_omar').expiresAt,
      status: 'pending',
    });
    engine.lookupInvite(SEED_CODES.omar);
    assert.equal(frozen(engine), before);
    const statuses = ['jane', 'kim', 'lee', 'grace', 'dan'].map(
      (k) => engine.lookupInvite(SEED_CODES[k as keyof typeof SEED_CODES]).status,
    );
    assert.deepEqual(statuses, ['pending', 'expired', 'revoked', 'accepted', 'declined']);
  });

  it('never tells whether the address is a member: a stale invitation reads like any pending one', () => {
    const { engine } = setup();
    const stale = engine.lookupInvite(SEED_CODES.sam); // sam@acme.test joined through SSO
    const plain = engine.lookupInvite(SEED_CODES.jane);
    assert.deepEqual(Object.keys(stale).sort(), Object.keys(plain).sort());
    assert.equal(stale.status, 'pending');
    assert.equal(stale.email, 's***@acme.test');
  });

  it('masks an address without splitting its first character (emoji, combining marks)', () => {
    const { engine, invite, codeOf } = setup();
    // A thumbs-up with a skin tone, a flag (two regional indicators), an e with a combining acute accent.
    const emails = ['\u{1F44D}\u{1F3FD}ok@example.com', '\u{1F1EB}\u{1F1F7}fr@example.com', 'e\u0301mile@example.com'];
    const masked = invite(emails).sent.map((inv) => engine.lookupInvite(codeOf(inv.id)).email);
    assert.deepEqual(masked, [
      '\u{1F44D}\u{1F3FD}***@example.com',
      '\u{1F1EB}\u{1F1F7}***@example.com',
      'e\u0301***@example.com',
    ]);
  });

  it('answers invalid_code for an unknown code', () => {
    const { engine } = setup();
    refused(() => engine.lookupInvite('no-such-code'), 'invalid_code');
    refused(() => engine.acceptInvite(null, 'no-such-code'), 'invalid_code');
    refused(() => engine.declineInvite(''), 'invalid_code');
  });
});

describe('accept', () => {
  it('makes the person a member with the invitation role, and the code is single-use', () => {
    const { engine } = setup();
    const result = engine.acceptInvite(null, SEED_CODES.priya, { name: 'Priya P.' });
    assert.deepEqual(result.organization, { slug: 'acme', name: 'Acme Inc.' });
    assert.equal(result.member.email, 'priya@example.com');
    assert.equal(result.member.role, 'billing');
    assert.equal(result.member.name, 'Priya P.');
    assert.equal(result.member.joinedVia, 'invitation');
    const inv = engine.getInvitation(ADMIN, 'acme', 'inv_priya');
    assert.equal(inv.status, 'accepted');
    assert.equal(inv.acceptedAt, new Date(engine.now()).toISOString());
    refused(() => engine.acceptInvite(null, SEED_CODES.priya), 'already_used');
    refused(() => engine.declineInvite(SEED_CODES.priya), 'already_used');
  });

  it('gives the default role when the invitation names none', () => {
    const { engine } = setup();
    assert.equal(engine.acceptInvite(null, SEED_CODES.jane).member.role, 'member');
  });

  it('refuses expired and revoked codes with 410 codes, and used ones with already_used', () => {
    const { engine, tick } = setup();
    refused(() => engine.acceptInvite(null, SEED_CODES.kim), 'expired');
    refused(() => engine.acceptInvite(null, SEED_CODES.lee), 'revoked');
    refused(() => engine.acceptInvite(null, SEED_CODES.grace), 'already_used');
    refused(() => engine.acceptInvite(null, SEED_CODES.dan), 'already_used');
    tick(7 * DAY);
    refused(() => engine.acceptInvite(null, SEED_CODES.jane), 'expired');
  });

  it('checks the code state first, then email_mismatch for a signed-in person with another address; nothing changes', () => {
    const { engine, tick } = setup();
    refused(() => engine.acceptInvite(VIEWER, SEED_CODES.lee), 'revoked');
    refused(() => engine.acceptInvite(VIEWER, SEED_CODES.kim), 'expired');
    refused(() => engine.acceptInvite(VIEWER, SEED_CODES.grace), 'already_used');
    refused(() => engine.acceptInvite(VIEWER, 'no-such-code'), 'invalid_code');
    const before = frozen(engine);
    refused(() => engine.acceptInvite(VIEWER, SEED_CODES.jane), 'email_mismatch');
    assert.equal(frozen(engine), before);
    // Unknown credentials on this public call are nobody signed in: no mismatch, the accept goes through.
    tick(1);
    assert.equal(engine.acceptInvite('not-a-token', SEED_CODES.jane).member.email, 'jane@example.com');
  });

  it('accepts for a signed-in person whose address matches, case-insensitively', () => {
    const { engine } = setup();
    engine.state.tokens.push({
      token: 'jane',
      person: { id: 'usr_jane', name: 'Jane Doe', email: 'Jane@Example.com' },
      grants: {},
    });
    refused(() => engine.listMembers('jane', 'acme'), 'not_found');
    const { member } = engine.acceptInvite('jane', SEED_CODES.jane);
    assert.equal(member.name, 'Jane Doe');
    // Her credentials now belong to the organization, without the admin permission.
    refused(() => engine.listMembers('jane', 'acme'), 'forbidden');
  });

  it('keeps the existing membership when the address became a member meanwhile (no duplicate)', () => {
    const { engine } = setup();
    const result = engine.acceptInvite(null, SEED_CODES.sam);
    assert.equal(result.member.id, 'mem_sam');
    assert.equal(result.member.joinedVia, 'sso');
    assert.equal(engine.listMembers(ADMIN, 'acme', { q: 'sam@' }).total, 1);
    assert.equal(engine.getInvitation(ADMIN, 'acme', 'inv_sam').status, 'accepted');
  });

  it('of twenty accepts of one code exactly one succeeds', () => {
    const { engine } = setup();
    const outcomes = Array.from({ length: 20 }, () => {
      try {
        engine.acceptInvite(null, SEED_CODES.jane);
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    });
    assert.equal(outcomes.filter((o) => o === 'ok').length, 1);
    assert.equal(outcomes.filter((o) => o === 'already_used').length, 19);
  });
});

describe('decline', () => {
  it('declines a pending code; the same errors as accept otherwise', () => {
    const { engine } = setup();
    assert.deepEqual(engine.declineInvite(SEED_CODES.jane), { status: 'declined' });
    assert.equal(engine.getInvitation(ADMIN, 'acme', 'inv_jane').status, 'declined');
    refused(() => engine.declineInvite(SEED_CODES.jane), 'already_used');
    refused(() => engine.acceptInvite(null, SEED_CODES.jane), 'already_used');
    refused(() => engine.declineInvite(SEED_CODES.kim), 'expired');
    refused(() => engine.declineInvite(SEED_CODES.lee), 'revoked');
  });
});
