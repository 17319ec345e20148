/** Every call of the client against the real rules engine (MSW handlers under setupServer). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { client, mock, present, requestAt, requests } from './mock.js';
import { createClient, endpoints, isApiError } from '@invitekit/sdk';

describe('createClient', () => {
  it('requires a baseUrl', () => {
    assert.throws(() => createClient({} as never), /baseUrl/);
  });

  it('refuses an org-scoped call without an organization, with a clear error, sending nothing', async () => {
    const api = client({ organization: undefined });
    await assert.rejects(api.invitations.list(), /no organization for this call/);
    await assert.rejects(api.invitations.all().next(), /no organization/);
    assert.equal(requests.length, 0);
  });

  it("takes the call's organization over the client's", async () => {
    const page = await client({ token: 'globex-admin' }).members.list({}, { organization: 'globex' });
    assert.ok(page.items.some((m) => m.email === 'admin@globex.test'));
  });

  it('sends the token as a Bearer header, from a string or an async function called per attempt', async () => {
    let calls = 0;
    const api = client({
      token: () => {
        calls++;
        return Promise.resolve('acme-admin');
      },
    });
    await api.settings.get();
    assert.equal(calls, 1);
    assert.equal(requestAt(0).headers.get('authorization'), 'Bearer acme-admin');
    assert.equal(requestAt(0).credentials, 'same-origin');
  });

  it("includes credentials (cookies) by default when there is no token, and sends the client's headers", async () => {
    await assert.rejects(client({ token: undefined, headers: { 'x-tenant': 't1' } }).settings.get(), (e) =>
      isApiError(e, 'unauthenticated'),
    );
    assert.equal(requestAt(0).credentials, 'include');
    assert.equal(requestAt(0).headers.get('authorization'), null);
    assert.equal(requestAt(0).headers.get('x-tenant'), 't1');
  });

  it('joins status lists with commas, leaves out undefined, and encodes path segments', async () => {
    await client().invitations.list({ status: ['pending', 'expired'], q: undefined, limit: 5 });
    assert.equal(requestAt(0).url, 'http://invitekit.test/api/orgs/acme/invitations?status=pending,expired&limit=5');
    await assert.rejects(client().invitations.get('a/b c?'), (e) => isApiError(e, 'not_found'));
    assert.equal(requestAt(1).url, 'http://invitekit.test/api/orgs/acme/invitations/a%2Fb%20c%3F');
  });
});

describe('the endpoint table', () => {
  it('sends the role of an approval and of an invitation change as the body, and no body without one', async () => {
    const bodies: (string | null)[] = [];
    const api = createClient({
      baseUrl: 'http://table.test/api',
      organization: 'o',
      retry: 0,
      fetch: async (input: Request | URL | string, init?: RequestInit) => {
        const request = new Request(input, init);
        bodies.push(request.body ? await request.text() : null);
        return new Response('{}', { status: 418 });
      },
    });
    await api.requests.approve('r', { role: 'admin' }).catch(() => undefined);
    await api.requests.approve('r').catch(() => undefined);
    await api.invitations.update('i', { role: 'billing' }).catch(() => undefined);
    assert.deepEqual(bodies, ['{"role":"admin"}', null, '{"role":"billing"}']);
  });

  it('has a client call for every endpoint, made at its method and path', async () => {
    const made: string[] = [];
    const api = createClient({
      baseUrl: 'http://table.test/api',
      organization: 'o',
      retry: 0,
      fetch: (input: Request | URL | string, init?: RequestInit) => {
        const request = new Request(input, init);
        made.push(`${request.method} ${new URL(request.url).pathname.slice('/api'.length)}`);
        return Promise.resolve(new Response('{}', { status: 418 }));
      },
    });
    const calls = [
      () => api.invitations.list(),
      () => api.invitations.create({ emails: ['a@b.co'] }),
      () => api.invitations.exportCsv(),
      () => api.invitations.revokeStale(),
      () => api.invitations.get('i'),
      () => api.invitations.link('i'),
      () => api.invitations.resend('i'),
      () => api.invitations.renew('i'),
      () => api.invitations.revoke('i'),
      () => api.invitations.update('i', { role: null }),
      () => api.requests.list(),
      () => api.requests.submit({ email: 'a@b.co' }),
      () => api.requests.dismissStale(),
      () => api.requests.approve('i'),
      () => api.requests.dismiss('i'),
      () => api.members.list(),
      () => api.settings.get(),
      () => api.settings.update({}),
      () => api.access.get(),
      () => api.invites.lookup('c'),
      () => api.invites.accept('c'),
      () => api.invites.decline('c'),
    ];
    for (const call of calls) await call().catch(() => undefined);
    const declared = Object.values(endpoints).map(
      (e) => `${e.method} ${e.path.replace(':org', 'o').replace(':id', 'i').replace(':code', 'c')}`,
    );
    assert.deepEqual(made.sort(), declared.sort());
  });
});

describe('invitations', () => {
  it('list: a validated page with the default filter', async () => {
    const page = await client().invitations.list();
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((i) => i.status === 'pending' || i.status === 'expired'));
    assert.equal(typeof page.total, 'number');
  });

  it('all: walks every page, in order, without repeats', async () => {
    const status = ['pending', 'expired', 'accepted', 'revoked', 'declined'] as const;
    const { total, items } = await client().invitations.list({ status: [...status], limit: 100 });
    const seen: string[] = [];
    for await (const invitation of client().invitations.all({ status: [...status], limit: 2 }))
      seen.push(invitation.id);
    assert.equal(seen.length, total);
    assert.deepEqual(
      seen,
      items.map((i) => i.id),
    );
    assert.ok(requests.length > 3);
  });

  it('get, link, resend, revoke', async () => {
    const api = client();
    assert.equal((await api.invitations.get('inv_jane')).email, 'jane@example.com');
    const link = await api.invitations.link('inv_jane');
    assert.equal(link.code, mock.seedCodes.jane);
    assert.ok(link.url.includes(link.code));
    const resent = await api.invitations.resend('inv_jane');
    assert.equal(resent.resendCount, 1);
    assert.equal(present((await mock.outbox('jane@example.com')).at(-1), 'a message to jane').kind, 'resend');
    assert.equal((await api.invitations.revoke('inv_jane')).status, 'revoked');
  });

  it('renew: an expired invitation gets a fresh code', async () => {
    const renewed = await client().invitations.renew('inv_kim');
    assert.equal(renewed.status, 'pending');
    assert.notEqual((await client().invitations.link('inv_kim')).code, mock.seedCodes.kim);
  });

  it('create: sends and skips, with an Idempotency-Key', async () => {
    const result = await client().invitations.create({
      emails: ['new@example.com', 'jane@example.com', 'bad'],
      role: 'member',
    });
    assert.deepEqual(
      result.sent.map((i) => i.email),
      ['new@example.com'],
    );
    assert.deepEqual(
      result.skipped.map((s) => [s.email, s.reason]),
      [
        ['jane@example.com', 'already_invited'],
        ['bad', 'invalid_email'],
      ],
    );
    assert.match(present(requestAt(0).headers.get('idempotency-key'), 'an Idempotency-Key header'), /^[0-9a-f-]{36}$/);
    assert.equal((await mock.outbox('new@example.com')).length, 1);
  });

  it('create: a new key per logical call', async () => {
    await client().invitations.create({ emails: ['a@example.com'], dryRun: true });
    await client().invitations.create({ emails: ['a@example.com'], dryRun: true });
    assert.notEqual(requestAt(0).headers.get('idempotency-key'), requestAt(1).headers.get('idempotency-key'));
  });

  it('create: repeating a key replays the first answer and sends nothing again', async () => {
    const first = await client().invitations.create({ emails: ['once@example.com'] }, { idempotencyKey: 'k-1' });
    const again = await client().invitations.create({ emails: ['once@example.com'] }, { idempotencyKey: 'k-1' });
    assert.deepEqual(again, first);
    assert.equal((await mock.outbox('once@example.com')).length, 1);
  });

  it('revokeStale', async () => {
    assert.deepEqual(await client().invitations.revokeStale(), { revoked: 1 });
    assert.equal((await client().invitations.get('inv_sam')).status, 'revoked');
  });

  it('exportCsv: a text/csv Blob with the filter applied', async () => {
    const blob = await client().invitations.exportCsv({ status: ['pending'], sort: 'email', order: 'asc' });
    assert.match(blob.type, /^text\/csv/);
    const lines = (await blob.text()).trim().split(/\r?\n/);
    assert.equal(lines[0], 'email,status,role,invited_at,expires_at,invited_by,resend_count');
    assert.ok(lines.slice(1).every((line) => line.includes(',pending,')));
    assert.ok(requestAt(0).url.endsWith('/invitations/export.csv?status=pending&sort=email&order=asc'));
  });
});

describe('requests', () => {
  it('list, all, approve, dismiss, dismissStale', async () => {
    const api = client();
    const pending = await api.requests.list();
    assert.ok(pending.items.some((r) => r.id === 'req_nora'));
    const every: string[] = [];
    for await (const request of api.requests.all({ limit: 1 })) every.push(request.id);
    assert.deepEqual(
      every,
      pending.items.map((r) => r.id),
    );
    const approved = await api.requests.approve('req_nora');
    assert.equal(approved.request.status, 'approved');
    assert.equal(approved.invitation.email, 'nora@example.com');
    assert.equal((await api.requests.dismiss('req_ivan')).status, 'dismissed');
    assert.deepEqual(await api.requests.dismissStale(), { dismissed: 1 });
  });

  it('submit: public, no credentials needed', async () => {
    const anonymous = client({ token: undefined });
    assert.deepEqual(await anonymous.requests.submit({ email: 'someone@example.com', name: 'Some One' }), {
      status: 'received',
    });
    assert.ok((await client().requests.list()).items.some((r) => r.email === 'someone@example.com'));
  });
});

describe('invites', () => {
  it('lookup: masked address, organization, status; never uses the code up', async () => {
    const api = client({ token: undefined });
    const info = await api.invites.lookup(mock.seedCodes.jane);
    assert.equal(info.email, 'j***@example.com');
    assert.equal(info.organization.slug, 'acme');
    assert.equal(info.status, 'pending');
    assert.equal((await api.invites.lookup(mock.seedCodes.jane)).status, 'pending');
  });

  it('accept: the person becomes a member', async () => {
    const result = await client({ token: undefined }).invites.accept(mock.seedCodes.jane, { name: 'Jane' });
    assert.equal(result.member.email, 'jane@example.com');
    assert.ok((await client().members.list({ q: 'jane' })).items.some((m) => m.email === 'jane@example.com'));
  });

  it('decline', async () => {
    assert.deepEqual(await client({ token: undefined }).invites.decline(mock.seedCodes.omar), { status: 'declined' });
    assert.equal((await client().invitations.get('inv_omar')).status, 'declined');
  });
});

describe('settings, members, access', () => {
  it('settings get and update', async () => {
    const api = client();
    assert.equal((await api.settings.get()).invitationTtlDays, 7);
    const updated = await api.settings.update({ invitationTtlDays: 14, allowedDomains: ['Example.com'] });
    assert.equal(updated.invitationTtlDays, 14);
    assert.deepEqual(updated.allowedDomains, ['example.com']);
  });

  it('members list', async () => {
    const page = await client().members.list({ limit: 3 });
    assert.equal(page.items.length, 3);
    assert.notEqual(page.nextCursor, null);
    const rest = await client().members.list({ limit: 100, cursor: present(page.nextCursor, 'a next cursor') });
    assert.equal(page.items.length + rest.items.length, page.total);
  });

  it('access: public', async () => {
    assert.deepEqual(await client({ token: undefined, organization: 'globex' }).access.get(), {
      organization: { slug: 'globex', name: 'Globex' },
      invitationRequestsEnabled: false,
    });
  });
});
