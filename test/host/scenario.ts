/**
 * What a host does with a running `@invitekit/server`, over HTTP only, with its own sign-in (app/auth.mjs): the
 * steps of issue 15 item 6. Each step asserts the contract's answer; `touched` records which endpoints answered,
 * and the last step makes sure every endpoint of the contract answered at least once.
 */
import assert from 'node:assert/strict';
import { endpoints } from '@invitekit/sdk/endpoints';

export interface Mail {
  to: string;
  url: string;
}

export interface Target {
  url: () => string;
  /** What reached the host's email (sendEmail, or the SMTP server of SMTP_URL). */
  mail: () => Promise<Mail[]>;
  /** What onAccepted heard; undefined where the host gives none (the CLI). */
  accepted?: () => Promise<{ actor: { person: { id: string } } | null; member: { email: string } }[]>;
  /** An SSO join told by the host (members.upsert, or the CLI's `members upsert`). */
  join: (email: string) => Promise<void>;
  /** Stops the server and starts it again on the same database. */
  restart: () => Promise<void>;
}

const ACCEPT_URL = 'https://app.host.test/join/';
const ORG = '/api/orgs/hostco';
const ADMIN = 'sess-admin';

interface Call {
  method?: string;
  as?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export function host(target: Target) {
  const touched = new Set<string>();
  async function call(path: string, { method = 'GET', as, body, headers = {} }: Call = {}) {
    const response = await fetch(`${target.url()}${path}`, {
      method,
      headers: {
        ...(as ? { authorization: `Bearer ${as}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    touched.add(`${method} ${templateOf(path)}`);
    const type = response.headers.get('content-type') ?? '';
    const json = type.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return { status: response.status, json: json ?? {}, text, type };
  }
  return { call, touched };
}

/** `/api/orgs/hostco/invitations/inv_x/resend?limit=1` → `/orgs/:org/invitations/:id/resend`. */
function templateOf(path: string): string {
  const bare = path.replace(/^\/api/, '').replace(/\?.*$/, '');
  const params = (p: string) => (p.match(/:/g) ?? []).length;
  // The most literal endpoint that matches: `export.csv` is not an `:id`.
  const candidates = Object.values(endpoints).sort((a, b) => params(a.path) - params(b.path));
  const match = candidates.find((e) => new RegExp(`^${e.path.replace(/:[a-z]+/g, '[^/]+')}$`).test(bare));
  return match?.path ?? bare;
}

async function waitFor<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${String(timeoutMs)} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const codeOf = (url: string) => new URL(url).searchParams.get('code') ?? '';

export async function runScenario(target: Target): Promise<void> {
  const { call, touched } = host(target);
  const list = `${ORG}/invitations`;

  // The host's sign-in decides: nobody 401, a member without the permission 403, the admin 200.
  assert.equal((await call(list)).status, 401);
  assert.equal((await call(list, { as: 'sess-viewer' })).status, 403);
  const empty = await call(list, { as: ADMIN });
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.json['items'], []);
  assert.equal((await call(list, { as: 'sess-unknown' })).status, 401);

  // Settings and the public access check.
  assert.equal((await call(`${ORG}/settings`, { as: ADMIN })).status, 200);
  const patched = await call(`${ORG}/settings`, {
    method: 'PATCH',
    as: ADMIN,
    body: { invitationRequestsEnabled: true },
  });
  assert.equal(patched.status, 200);
  assert.deepEqual((await call(`${ORG}/access`)).json, {
    organization: { slug: 'hostco', name: 'Host Co' },
    invitationRequestsEnabled: true,
  });

  // Invite: an unusable address is skipped, the rest sent; the Idempotency-Key replays the first answer.
  const invite = { emails: ['new@host.test', 'not an address', 'second@host.test'] };
  const sent = await call(list, { method: 'POST', as: ADMIN, body: invite, headers: { 'idempotency-key': 'k-1' } });
  assert.equal(sent.status, 200, sent.text);
  const sentItems = sent.json['sent'] as { id: string; email: string }[];
  assert.deepEqual(
    sentItems.map((i) => i.email),
    ['new@host.test', 'second@host.test'],
  );
  assert.deepEqual(sent.json['skipped'], [{ email: 'not an address', reason: 'invalid_email' }]);
  const replay = await call(list, { method: 'POST', as: ADMIN, body: invite, headers: { 'idempotency-key': 'k-1' } });
  assert.equal(replay.text, sent.text);
  assert.equal(((await call(list, { as: ADMIN })).json['items'] as unknown[]).length, 2, 'the replay made nothing');

  // The email reaches the host, with a link under acceptUrl.
  const mailTo = (to: string, count = 1) =>
    waitFor(`${String(count)} email(s) to ${to}`, async () => {
      const found = (await target.mail()).filter((m) => m.to === to);
      return found.length >= count ? found : undefined;
    });
  const [first] = await mailTo('new@host.test');
  assert.ok(first);
  assert.ok(first.url.startsWith(`${ACCEPT_URL}?code=`), first.url);
  const code = codeOf(first.url);

  // The invitee looks the code up and accepts, signed in with the invited address; onAccepted fires; single use.
  const lookup = await call(`/api/invites/${code}`);
  assert.equal(lookup.status, 200);
  assert.equal(lookup.json['email'], 'n***@host.test');
  const accepted = await call(`/api/invites/${code}/accept`, { method: 'POST', as: 'sess-invitee', body: {} });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal((accepted.json['member'] as { email: string }).email, 'new@host.test');
  if (target.accepted) {
    const events = await target.accepted();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.actor?.person.id, 'u-new');
    assert.equal(events[0].member.email, 'new@host.test');
  }
  const again = await call(`/api/invites/${code}/accept`, { method: 'POST', body: {} });
  assert.equal(again.status, 409);
  assert.equal(again.json['code'], 'already_used');

  // The second invitee declines.
  const [secondMail] = await mailTo('second@host.test');
  assert.ok(secondMail);
  assert.equal((await call(`/api/invites/${codeOf(secondMail.url)}/decline`, { method: 'POST' })).status, 200);

  // Resend stops at 3.
  const third = await call(list, { method: 'POST', as: ADMIN, body: { emails: ['third@host.test'] } });
  const thirdId = (third.json['sent'] as { id: string }[])[0]?.id ?? '';
  for (let i = 1; i <= 3; i++) {
    assert.equal(
      (await call(`${list}/${thirdId}/resend`, { method: 'POST', as: ADMIN })).status,
      200,
      `resend ${String(i)}`,
    );
  }
  const fourth = await call(`${list}/${thirdId}/resend`, { method: 'POST', as: ADMIN });
  assert.equal(fourth.status, 409);
  assert.equal(fourth.json['code'], 'resend_limit_reached');
  await mailTo('third@host.test', 4);
  assert.equal((await call(`${list}/${thirdId}`, { as: ADMIN })).status, 200);
  const link = await call(`${list}/${thirdId}/link`, { as: ADMIN });
  assert.ok(String(link.json['url']).startsWith(ACCEPT_URL));
  assert.equal((await call(`${list}/${thirdId}/renew`, { method: 'POST', as: ADMIN })).json['code'], 'not_expired');
  const role = await call(`${list}/${thirdId}`, { method: 'PATCH', as: ADMIN, body: { role: 'admin' } });
  assert.equal(role.status, 200, role.text);
  assert.equal(role.json['role'], 'admin');

  // An SSO join: a pending invitation of the address goes stale (revoke-stale takes it), and inviting it is skipped.
  const late = await call(list, { method: 'POST', as: ADMIN, body: { emails: ['sso@host.test'] } });
  assert.equal((late.json['sent'] as unknown[]).length, 1);
  await target.join('sso@host.test');
  const skipped = await call(list, { method: 'POST', as: ADMIN, body: { emails: ['sso@host.test'] } });
  assert.deepEqual(skipped.json['skipped'], [{ email: 'sso@host.test', reason: 'already_member' }]);
  assert.deepEqual((await call(`${list}/revoke-stale`, { method: 'POST', as: ADMIN })).json, { revoked: 1 });

  // Requests: opened above; asked from the public form; listed, approved, dismissed.
  const requests = `${ORG}/invitation-requests`;
  for (const email of ['asker@host.test', 'other@host.test']) {
    const asked = await call(requests, { method: 'POST', body: { email, name: 'Asker', message: 'Hi' } });
    assert.equal(asked.status, 202, asked.text);
  }
  const pending = (await call(requests, { as: ADMIN })).json['items'] as { id: string; email: string }[];
  assert.deepEqual(pending.map((r) => r.email).sort(), ['asker@host.test', 'other@host.test']);
  const asker = pending.find((r) => r.email === 'asker@host.test');
  const other = pending.find((r) => r.email === 'other@host.test');
  const approved = await call(`${requests}/${asker?.id ?? ''}/approve`, { method: 'POST', as: ADMIN });
  assert.equal(approved.status, 200, approved.text);
  assert.equal((approved.json['invitation'] as { email: string }).email, 'asker@host.test');
  await mailTo('asker@host.test');
  assert.equal((await call(`${requests}/${other?.id ?? ''}/dismiss`, { method: 'POST', as: ADMIN })).status, 200);
  assert.deepEqual((await call(`${requests}/dismiss-stale`, { method: 'POST', as: ADMIN })).json, { dismissed: 0 });

  // Members, export, revoke.
  const members = (await call(`${ORG}/members`, { as: ADMIN })).json['items'] as { email: string }[];
  assert.deepEqual(
    members.map((m) => m.email),
    ['new@host.test', 'sso@host.test'],
  );
  const csv = await call(`${list}/export.csv?status=pending,accepted`, { as: ADMIN });
  assert.equal(csv.status, 200);
  assert.match(csv.type, /^text\/csv/);
  assert.match(csv.text, /new@host\.test/);
  assert.equal((await call(`${list}/${thirdId}/revoke`, { method: 'POST', as: ADMIN })).status, 200);

  // A restart keeps everything.
  const before = (await call(`${list}?status=pending,expired,accepted,declined,revoked`, { as: ADMIN })).text;
  await target.restart();
  const after = (await call(`${list}?status=pending,expired,accepted,declined,revoked`, { as: ADMIN })).text;
  assert.equal(after, before);
  assert.equal((await call(`/api/invites/${code}`)).json['status'], 'accepted');

  // Every endpoint of the contract answered at least once (the table is the SDK's endpoint table).
  const all = Object.values(endpoints).map((e) => `${e.method} ${e.path}`);
  assert.deepEqual(
    all.filter((e) => !touched.has(e)),
    [],
    'endpoints no step called',
  );
}
