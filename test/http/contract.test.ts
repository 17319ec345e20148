/**
 * The HTTP contract of api.md over real HTTP against the standalone server: every endpoint, every wire error
 * code (the last test checks that each one was seen), problem+json shape, headers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_STATUS, Invitation as InvitationSchema, InvitationPage } from '@invitekit/sdk';
import { SEED_CODES } from '@invitekit/mock-server';
import {
  ADMIN,
  API_ROUTES,
  type AcceptInviteResult,
  type ApproveRequestResult,
  type CreateInvitationsResult,
  type Invitation,
  type InvitationLink,
  type InvitationRequest,
  type InviteLookup,
  type Member,
  type Outbox,
  type Page,
  type Settings,
  useServer,
} from './harness.js';

const { url, call, ok, problem, seenCodes, seenRoutes } = useServer();

describe('admin endpoints', () => {
  it('lists invitations (validated pages, cursor, filters) and gets one', async () => {
    const page = await ok<Page<Invitation>>(
      await call('GET', '/api/orgs/acme/invitations?limit=2&sort=email&order=asc', { headers: ADMIN }),
    );
    assert.equal(InvitationPage.safeParse(page).success, true);
    assert.deepEqual(
      page.items.map((i) => i.email),
      ['jane@example.com', 'kim@example.com'],
    );
    const next = await ok<Page<Invitation>>(
      await call('GET', `/api/orgs/acme/invitations?limit=2&sort=email&order=asc&cursor=${page.nextCursor}`, {
        headers: ADMIN,
      }),
    );
    assert.deepEqual(
      next.items.map((i) => i.email),
      ['omar@example.com', 'priya@example.com'],
    );
    const every = await call(
      'GET',
      '/api/orgs/acme/invitations?status=pending,expired,accepted,declined,revoked&limit=100',
      { headers: ADMIN },
    );
    const text = await every.text();
    for (const code of Object.values(SEED_CODES))
      assert.ok(!text.includes(code), 'an Invitation never carries its code');
    const one = await ok<Invitation>(await call('GET', '/api/orgs/acme/invitations/inv_omar', { headers: ADMIN }));
    assert.equal(InvitationSchema.safeParse(one).success, true);
    assert.equal(one.resendsRemaining, 0);
    await problem(call('GET', '/api/orgs/acme/invitations/inv_nope', { headers: ADMIN }), 'not_found');
    await problem(call('GET', '/api/orgs/acme/invitations?limit=101', { headers: ADMIN }), 'invalid_request');
  });

  it('invites with skips, dry run, Idempotency-Key, and refuses none or more than 100', async () => {
    const result = await ok<CreateInvitationsResult>(
      await call('POST', '/api/orgs/acme/invitations', {
        headers: { ...ADMIN, 'idempotency-key': 'abc' },
        body: { emails: ['new@example.com', 'jane@example.com', 'bad'], role: 'billing', source: 'bulk' },
      }),
    );
    assert.deepEqual(
      result.sent.map((i) => [i.email, i.role, i.source]),
      [['new@example.com', 'billing', 'bulk']],
    );
    assert.deepEqual(result.skipped, [
      { email: 'jane@example.com', reason: 'already_invited', invitationId: 'inv_jane' },
      { email: 'bad', reason: 'invalid_email' },
    ]);
    const replayed = await ok<CreateInvitationsResult>(
      await call('POST', '/api/orgs/acme/invitations', {
        headers: { ...ADMIN, 'idempotency-key': 'abc' },
        body: { source: 'bulk', role: 'billing', emails: ['new@example.com', 'jane@example.com', 'bad'] },
      }),
    );
    assert.deepEqual(replayed, result);
    const outbox = await ok<Outbox>(await call('GET', '/__mock/outbox?to=NEW@example.com'));
    assert.equal(outbox.items.length, 1);
    assert.match(outbox.items[0]?.url ?? '', new RegExp(`^${url()}/redeem/\\?code=`));
    await problem(
      call('POST', '/api/orgs/acme/invitations', {
        headers: { ...ADMIN, 'idempotency-key': 'abc' },
        body: { emails: ['x@example.com'] },
      }),
      'idempotency_key_reused',
    );
    const dry = await ok<CreateInvitationsResult>(
      await call('POST', '/api/orgs/acme/invitations', {
        headers: ADMIN,
        body: { emails: ['dry@example.com'], dryRun: true },
      }),
    );
    assert.match(dry.sent[0]?.id ?? '', /^preview_/);
    assert.equal((await ok<Outbox>(await call('GET', '/__mock/outbox?to=dry@example.com'))).items.length, 0);
    await problem(
      call('POST', '/api/orgs/acme/invitations', { headers: ADMIN, body: { emails: [] } }),
      'invalid_request',
    );
    const many = Array.from({ length: 101 }, (_, i) => `m${i}@example.com`);
    await problem(
      call('POST', '/api/orgs/acme/invitations', { headers: ADMIN, body: { emails: many } }),
      'too_many_emails',
    );
    const { body } = await problem(
      call('POST', '/api/orgs/acme/invitations', {
        headers: ADMIN,
        body: { emails: ['a@x.io', 'b@x.io', 'c@x.io', null] },
      }),
      'invalid_request',
    );
    assert.deepEqual(
      body.errors?.map((e) => e.field),
      ['emails[3]'],
    );
    await problem(
      call('POST', '/api/orgs/acme/invitations', { headers: ADMIN, raw: '{"emails": [' }),
      'invalid_request',
    );
    await problem(
      call('POST', '/api/orgs/acme/invitations', { headers: ADMIN, body: { emails: ['a'.repeat(70_000)] } }),
      'payload_too_large',
    );
  });

  it('resends, renews, revokes, copies links, with their refusals', async () => {
    const link = await ok<InvitationLink>(
      await call('GET', '/api/orgs/acme/invitations/inv_jane/link', { headers: ADMIN }),
    );
    assert.equal(link.code, SEED_CODES.jane);
    assert.equal(link.url, `${url()}/redeem/?code=${SEED_CODES.jane}`);
    await problem(call('GET', '/api/orgs/acme/invitations/inv_kim/link', { headers: ADMIN }), 'not_pending');
    assert.equal(
      (await ok<Invitation>(await call('POST', '/api/orgs/acme/invitations/inv_jane/resend', { headers: ADMIN })))
        .resendCount,
      1,
    );
    await problem(
      call('POST', '/api/orgs/acme/invitations/inv_omar/resend', { headers: ADMIN }),
      'resend_limit_reached',
    );
    await problem(call('POST', '/api/orgs/acme/invitations/inv_kim/resend', { headers: ADMIN }), 'not_pending');
    await problem(call('POST', '/api/orgs/acme/invitations/inv_jane/renew', { headers: ADMIN }), 'not_expired');
    await problem(call('POST', '/api/orgs/acme/invitations/inv_lee/renew', { headers: ADMIN }), 'not_renewable');
    const renewed = await ok<Invitation>(
      await call('POST', '/api/orgs/acme/invitations/inv_kim/renew', { headers: ADMIN }),
    );
    assert.equal(renewed.id, 'inv_kim');
    assert.equal(renewed.status, 'pending');
    const first = await ok<Invitation>(
      await call('POST', '/api/orgs/acme/invitations/inv_jane/revoke', { headers: ADMIN }),
    );
    const second = await ok<Invitation>(
      await call('POST', '/api/orgs/acme/invitations/inv_jane/revoke', { headers: ADMIN }),
    );
    assert.deepEqual(second, first);
    await problem(call('POST', '/api/orgs/acme/invitations/inv_grace/revoke', { headers: ADMIN }), 'not_revocable');
    assert.deepEqual(await ok(await call('POST', '/api/orgs/acme/invitations/revoke-stale', { headers: ADMIN })), {
      revoked: 1,
    });
  });

  it('changes the role of a pending invitation by PATCH, keeping its link; refuses what is not pending', async () => {
    const patch = (id: string, body: unknown) =>
      call('PATCH', `/api/orgs/acme/invitations/${id}`, { headers: ADMIN, body });
    const link = await ok<{ url: string }>(
      await call('GET', '/api/orgs/acme/invitations/inv_jane/link', { headers: ADMIN }),
    );
    const changed = await ok<Invitation>(await patch('inv_jane', { role: 'billing' }));
    assert.equal(changed.role, 'billing');
    assert.deepEqual(
      await ok(await call('GET', '/api/orgs/acme/invitations/inv_jane/link', { headers: ADMIN })),
      link,
      'the link stays',
    );
    assert.equal((await ok<Invitation>(await patch('inv_jane', { role: null }))).role, null);
    await problem(patch('inv_jane', { role: 'owner' }), 'invalid_request');
    await problem(patch('inv_jane', {}), 'invalid_request');
    await problem(patch('inv_kim', { role: 'admin' }), 'not_pending');
    await problem(patch('inv_nope', { role: 'admin' }), 'not_found');
    await problem(
      call('PATCH', '/api/orgs/acme/invitations/inv_jane', {
        headers: { authorization: 'Bearer acme-viewer' },
        body: { role: 'admin' },
      }),
      'forbidden',
    );
  });

  it('approves a request with a role', async () => {
    const approved = await ok<{ invitation: Invitation }>(
      await call('POST', '/api/orgs/acme/invitation-requests/req_nora/approve', {
        headers: ADMIN,
        body: { role: 'admin' },
      }),
    );
    assert.equal(approved.invitation.role, 'admin');
    await problem(
      call('POST', '/api/orgs/acme/invitation-requests/req_ivan/approve', {
        headers: ADMIN,
        body: { role: 'owner' },
      }),
      'invalid_request',
    );
  });

  it('exports CSV with the list filter', async () => {
    const response = await call('GET', '/api/orgs/acme/invitations/export.csv?status=pending&sort=email&order=asc', {
      headers: ADMIN,
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
    const lines = (await response.text()).split('\r\n');
    assert.equal(lines[0], 'email,status,role,invited_at,expires_at,invited_by,resend_count');
    assert.deepEqual(
      lines.slice(1, -1).map((l) => l.split(',')[0]),
      ['jane@example.com', 'omar@example.com', 'priya@example.com', 'ren@example.com', 'sam@acme.test'],
    );
  });

  it('lists, approves and dismisses requests, with their refusals', async () => {
    const page = await ok<Page<InvitationRequest>>(
      await call('GET', '/api/orgs/acme/invitation-requests', { headers: ADMIN }),
    );
    assert.deepEqual(
      page.items.map((r) => [r.id, r.stale]),
      [
        ['req_nora', false],
        ['req_tom', true],
        ['req_ivan', false],
      ],
    );
    await problem(
      call('POST', '/api/orgs/acme/invitation-requests/req_tom/approve', { headers: ADMIN }),
      'already_member',
    );
    await ok(
      await call('PATCH', '/api/orgs/acme/settings', { headers: ADMIN, body: { allowedDomains: ['acme.test'] } }),
    );
    await problem(
      call('POST', '/api/orgs/acme/invitation-requests/req_nora/approve', { headers: ADMIN }),
      'domain_not_allowed',
    );
    await ok(await call('PATCH', '/api/orgs/acme/settings', { headers: ADMIN, body: { allowedDomains: [] } }));
    const approved = await ok<ApproveRequestResult>(
      await call('POST', '/api/orgs/acme/invitation-requests/req_nora/approve', { headers: ADMIN }),
    );
    assert.equal(approved.request.status, 'approved');
    assert.equal(approved.invitation.source, 'request');
    await problem(
      call('POST', '/api/orgs/acme/invitation-requests/req_nora/approve', { headers: ADMIN }),
      'not_pending',
    );
    assert.equal(
      (
        await ok<InvitationRequest>(
          await call('POST', '/api/orgs/acme/invitation-requests/req_ivan/dismiss', { headers: ADMIN }),
        )
      ).status,
      'dismissed',
    );
    assert.deepEqual(
      await ok(await call('POST', '/api/orgs/acme/invitation-requests/dismiss-stale', { headers: ADMIN })),
      { dismissed: 1 },
    );
  });

  it('lists members and reads and changes settings', async () => {
    const members = await ok<Page<Member>>(
      await call('GET', '/api/orgs/acme/members?q=acme.test&limit=3', { headers: ADMIN }),
    );
    assert.equal(members.items.length, 3);
    assert.ok(members.nextCursor);
    const settings = await ok<Settings>(
      await call('PATCH', '/api/orgs/acme/settings', {
        headers: ADMIN,
        body: { invitationTtlDays: 14, allowedDomains: ['ACME.test'] },
      }),
    );
    assert.equal(settings.invitationTtlDays, 14);
    assert.deepEqual(settings.allowedDomains, ['acme.test']);
    const { body } = await problem(
      call('PATCH', '/api/orgs/acme/settings', { headers: ADMIN, body: { invitationTtlDays: 31, maxResends: 9 } }),
      'invalid_request',
    );
    assert.deepEqual((body.errors ?? []).map((e) => e.field).sort(), ['invitationTtlDays', 'maxResends']);
    assert.equal(
      (await ok<Settings>(await call('GET', '/api/orgs/acme/settings', { headers: ADMIN }))).invitationTtlDays,
      14,
    );
  });

  it('checks 401, then 404 for other tenants and unknown organizations, then 403', async () => {
    await problem(call('GET', '/api/orgs/acme/invitations'), 'unauthenticated');
    await problem(
      call('GET', '/api/orgs/nowhere/invitations', { headers: { authorization: 'Bearer wrong' } }),
      'unauthenticated',
    );
    await problem(
      call('GET', '/api/orgs/acme/invitations', { headers: { authorization: 'Bearer globex-admin' } }),
      'not_found',
    );
    await problem(call('GET', '/api/orgs/nowhere/invitations', { headers: ADMIN }), 'not_found');
    await problem(
      call('GET', '/api/orgs/acme/invitations', { headers: { authorization: 'Bearer acme-viewer' } }),
      'forbidden',
    );
    await ok(await call('GET', '/api/orgs/acme/invitations', { headers: { cookie: 'invitekit_session=acme-admin' } }));
    await problem(call('GET', '/api/no/such/route'), 'not_found');
  });

  it('refuses another method on a known path (405) and a body that is not JSON (415)', async () => {
    await problem(call('DELETE', '/api/orgs/acme/settings', { headers: ADMIN }), 'method_not_allowed');
    await problem(
      call('PATCH', '/api/orgs/acme/settings', { headers: { ...ADMIN, 'content-type': 'text/plain' }, raw: '{}' }),
      'unsupported_media_type',
    );
  });
});

describe('public endpoints', () => {
  it('answers access, takes requests (202), and refuses disabled, malformed and too many', async () => {
    assert.deepEqual(await ok(await call('GET', '/api/orgs/acme/access')), {
      organization: { slug: 'acme', name: 'Acme Inc.' },
      invitationRequestsEnabled: true,
    });
    assert.deepEqual(
      await ok(
        await call('POST', '/api/orgs/acme/invitation-requests', { body: { email: 'asker@example.com', name: 'A' } }),
        202,
      ),
      { status: 'received' },
    );
    assert.deepEqual(
      await ok(await call('POST', '/api/orgs/acme/invitation-requests', { body: { email: 'viewer@acme.test' } }), 202),
      { status: 'received' },
    );
    await problem(
      call('POST', '/api/orgs/globex/invitation-requests', { body: { email: 'a@example.com' } }),
      'requests_disabled',
    );
    await problem(call('POST', '/api/orgs/acme/invitation-requests', { body: { email: 'nope' } }), 'invalid_email');
    for (let i = 0; i < 3; i++)
      await ok(await call('POST', '/api/orgs/acme/invitation-requests', { body: { email: 'asker@example.com' } }), 202);
    await ok(await call('POST', '/api/orgs/acme/invitation-requests', { body: { email: 'asker@example.com' } }), 202);
    const { response } = await problem(
      call('POST', '/api/orgs/acme/invitation-requests', { body: { email: 'asker@example.com' } }),
      'rate_limited',
    );
    // The window opened with the first request; on a real clock a second may pass before the refusal.
    const retryAfter = Number(response.headers.get('retry-after'));
    assert.ok(retryAfter > 3500 && retryAfter <= 3600, `Retry-After ${String(retryAfter)} is about an hour`);
  });

  it('looks codes up, accepts and declines, with every refusal', async () => {
    const lookup = await ok<InviteLookup>(await call('GET', `/api/invites/${SEED_CODES.jane}`));
    assert.equal(lookup.email, 'j***@example.com');
    assert.equal(lookup.status, 'pending');
    await problem(call('GET', '/api/invites/not-a-code'), 'invalid_code');
    await problem(
      call('POST', `/api/invites/${SEED_CODES.jane}/accept`, {
        headers: { authorization: 'Bearer acme-viewer' },
        body: {},
      }),
      'email_mismatch',
    );
    const accepted = await ok<AcceptInviteResult>(
      await call('POST', `/api/invites/${SEED_CODES.jane}/accept`, { body: { name: 'Jane' } }),
    );
    assert.equal(accepted.member.email, 'jane@example.com');
    await problem(call('POST', `/api/invites/${SEED_CODES.jane}/accept`), 'already_used');
    await problem(call('POST', `/api/invites/${SEED_CODES.kim}/accept`), 'expired');
    await problem(call('POST', `/api/invites/${SEED_CODES.lee}/decline`), 'revoked');
    assert.deepEqual(await ok(await call('POST', `/api/invites/${SEED_CODES.priya}/decline`)), { status: 'declined' });
  });

  it('twenty concurrent accepts over HTTP: exactly one succeeds', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', `/api/invites/${SEED_CODES.omar}/accept`, { body: {} })),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [200, ...Array.from({ length: 19 }, () => 409)]);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
  });
});

describe('faults', () => {
  it('answers unavailable 503 with Retry-After on /api while a failure rate is set; reset clears it', async () => {
    assert.equal((await call('POST', '/__mock/faults', { body: { failureRate: 1 } })).status, 204);
    const { response } = await problem(call('GET', '/api/orgs/acme/access'), 'unavailable');
    assert.equal(response.headers.get('retry-after'), '1');
    await ok(await call('POST', '/__mock/reset'), 204);
    await ok(await call('GET', '/api/orgs/acme/access'));
  });
});

describe('coverage', () => {
  it('saw every wire error code of api.md', () => {
    const missing = Object.keys(ERROR_STATUS).filter((code) => !seenCodes.has(code));
    assert.deepEqual(missing, []);
  });

  it('exercised every endpoint of api.md', () => {
    assert.deepEqual(
      API_ROUTES.filter((route) => !seenRoutes.has(route)),
      [],
    );
  });
});
