/**
 * Every wire error code of api.md, produced by the real rules engine behind MSW, surfaces as an `ApiError` with
 * that `code` and its status; the last test checks that each code was seen.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { client, mock, recordingFetch, requests } from './mock.js';
import { ApiError, ERROR_STATUS, Invitation, InvitekitError, isApiError } from '@invitekit/sdk';

const DAY = 24 * 60 * 60 * 1000;
const seen = new Set<string>();

describe('every error code of api.md, from the real rules', () => {
  /** Asserts `promise` rejects with an ApiError of `code` and its status of api.md. */
  async function expectCode(promise: Promise<unknown>, code: keyof typeof ERROR_STATUS, status: number) {
    assert.equal(status, ERROR_STATUS[code], `api.md gives ${code} the status ${ERROR_STATUS[code]}`);
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof ApiError && error instanceof InvitekitError, String(error));
      assert.ok(isApiError(error, code), `${code} expected, got ${error.code}`);
      assert.equal(error.kind, 'api');
      assert.equal(error.status, status);
      assert.ok(error.detail.length > 0);
      return true;
    });
    seen.add(code);
  }
  const admin = () => client();
  const anonymous = () => client({ token: undefined });

  it('unauthenticated 401, forbidden 403, not_found 404', async () => {
    await expectCode(anonymous().invitations.list(), 'unauthenticated', 401);
    await expectCode(client({ token: 'nobody' }).invitations.list(), 'unauthenticated', 401);
    await expectCode(client({ token: 'acme-viewer' }).invitations.list(), 'forbidden', 403);
    await expectCode(admin().invitations.list({}, { organization: 'globex' }), 'not_found', 404);
    await expectCode(admin().invitations.get('inv_nope'), 'not_found', 404);
  });

  it('invalid_request 400 with field errors', async () => {
    for (const limit of [0, 101]) {
      await assert.rejects(admin().invitations.list({ limit }), (error: unknown) => {
        assert.ok(isApiError(error, 'invalid_request'));
        assert.equal(error.status, 400);
        assert.deepEqual(
          error.fieldErrors.map((f) => f.field),
          ['limit'],
        );
        assert.ok((error.fieldErrors[0]?.message ?? '').length > 0);
        return true;
      });
    }
    await expectCode(admin().settings.update({ invitationTtlDays: 99 }), 'invalid_request', 400);
    await expectCode(admin().invitations.create({ emails: [] }), 'invalid_request', 400);
  });

  it('too_many_emails 400', async () => {
    const emails = Array.from({ length: 101 }, (_, i) => `u${i}@example.com`);
    await expectCode(admin().invitations.create({ emails }), 'too_many_emails', 400);
    assert.equal((await mock.outbox()).length, 0);
  });

  it('invalid_email 400 (request form)', async () => {
    await expectCode(anonymous().requests.submit({ email: 'not an address' }), 'invalid_email', 400);
  });

  it('not_pending, resend_limit_reached, not_expired, not_renewable, not_revocable (409)', async () => {
    await expectCode(admin().invitations.link('inv_lee'), 'not_pending', 409);
    await expectCode(admin().invitations.resend('inv_kim'), 'not_pending', 409);
    const { resendsRemaining } = await admin().invitations.get('inv_priya');
    for (let i = 0; i < resendsRemaining; i++) await admin().invitations.resend('inv_priya');
    await expectCode(admin().invitations.resend('inv_priya'), 'resend_limit_reached', 409);
    await expectCode(admin().invitations.renew('inv_jane'), 'not_expired', 409);
    await expectCode(admin().invitations.renew('inv_lee'), 'not_renewable', 409);
    await expectCode(admin().invitations.revoke('inv_grace'), 'not_revocable', 409);
    await expectCode(admin().requests.dismiss('req_zoe'), 'not_pending', 409);
  });

  it('already_member and domain_not_allowed (approving a request)', async () => {
    await expectCode(admin().requests.approve('req_tom'), 'already_member', 409);
    await admin().settings.update({ allowedDomains: ['acme.test'] });
    await expectCode(admin().requests.approve('req_nora'), 'domain_not_allowed', 409);
  });

  it('invalid_code 404, expired and revoked 410, already_used 409, email_mismatch 403', async () => {
    await expectCode(anonymous().invites.lookup('no-such-code'), 'invalid_code', 404);
    await expectCode(anonymous().invites.accept(mock.seedCodes.lee), 'revoked', 410);
    await expectCode(anonymous().invites.decline(mock.seedCodes.kim), 'expired', 410);
    await expectCode(anonymous().invites.accept(mock.seedCodes.grace), 'already_used', 409);
    await expectCode(client({ token: 'acme-viewer' }).invites.accept(mock.seedCodes.jane), 'email_mismatch', 403);
  });

  it('expired 410 once the clock passes expiresAt', async () => {
    const { sent } = await admin().invitations.create({ emails: ['later@example.com'] });
    const [invitation] = sent;
    assert.ok(invitation);
    const { code } = await admin().invitations.link(invitation.id);
    await mock.advanceClock(7 * DAY);
    await expectCode(anonymous().invites.accept(code), 'expired', 410);
  });

  it('requests_disabled 403', async () => {
    await expectCode(
      client({ token: undefined, organization: 'globex' }).requests.submit({ email: 'x@example.com' }),
      'requests_disabled',
      403,
    );
  });

  it('idempotency_key_reused 422', async () => {
    await admin().invitations.create({ emails: ['k@example.com'] }, { idempotencyKey: 'same' });
    await expectCode(
      admin().invitations.create({ emails: ['other@example.com'] }, { idempotencyKey: 'same' }),
      'idempotency_key_reused',
      422,
    );
  });

  it('rate_limited 429 with retryAfter, and the submit is not retried', async () => {
    const api = anonymous();
    for (let i = 0; i < 5; i++) await api.requests.submit({ email: 'eager@example.com' });
    requests.length = 0;
    await expectCode(api.requests.submit({ email: 'eager@example.com' }), 'rate_limited', 429);
    await assert.rejects(api.requests.submit({ email: 'eager@example.com' }), (error: unknown) => {
      assert.ok(isApiError(error, 'rate_limited'));
      assert.equal(error.retryAfter, 3600, 'whole seconds from Retry-After');
      return true;
    });
    assert.equal(requests.length, 2, 'each submit sent once: a POST without a key is never retried');
  });

  it('payload_too_large 413', async () => {
    const emails = Array.from({ length: 70 }, (_, i) => `${'x'.repeat(1000)}${i}@example.com`);
    await expectCode(admin().invitations.create({ emails }), 'payload_too_large', 413);
    assert.equal(requests.length, 1, 'a 413 is not retried, even with a key');
  });

  it('method_not_allowed 405 and unsupported_media_type 415 (a client sending what the contract does not take)', async () => {
    const rewriting = (change: (request: Request) => Request) =>
      client({ retry: 0, fetch: (request: Request) => recordingFetch(change(request)) });
    await expectCode(
      rewriting((request) => new Request(request, { method: 'PUT' })).settings.update({ invitationTtlDays: 3 }),
      'method_not_allowed',
      405,
    );
    await expectCode(
      rewriting((request) => {
        const headers = new Headers(request.headers);
        headers.set('content-type', 'text/plain');
        return new Request(request, { headers });
      }).settings.update({ invitationTtlDays: 3 }),
      'unsupported_media_type',
      415,
    );
    assert.equal((await admin().settings.get()).invitationTtlDays, 7, 'nothing changed');
  });

  it('unavailable 503 (injected fault)', async () => {
    await mock.setFaults({ failureRate: 1 });
    await expectCode(client({ retry: 0 }).settings.get(), 'unavailable', 503);
  });

  it('every answer is validated: the invitations match the schema', async () => {
    const page = await admin().invitations.list({ status: ['pending', 'expired', 'accepted', 'revoked', 'declined'] });
    for (const item of page.items) assert.ok(z.safeParse(Invitation, item).success);
  });

  it('saw every wire error code of api.md', () => {
    assert.deepEqual(
      Object.keys(ERROR_STATUS).filter((code) => !seen.has(code)),
      [],
    );
  });
});
