/**
 * createInvitekitServer as a host embeds it: its own sign-in, its organizations and joins, email through a real
 * SMTP server (and through an SMTP failure), onAccepted, request logs without secrets, the Node listener.
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { seedState } from '@invitekit/engine';
import {
  type AcceptedEvent,
  type HostUser,
  type InvitekitServer,
  type LogLine,
  createInvitekitServer,
  smtpSender,
} from '@invitekit/server';
import { SqlControlledStore } from '../../packages/server/src/store/sql-store.js';
import { freshPglite } from './pglite.js';
import { type TestSmtp, startSmtp } from './smtp.js';

const ORIGIN = 'https://app.example';
const ADA: HostUser = { id: 'u1', email: 'Ada@Example.com', name: 'Ada', grants: { beta: ['member:manage'] } };
const BOB: HostUser = { id: 'u2', email: 'bob@example.com', grants: { beta: [] } };
const people: Record<string, HostUser> = { 'session-ada': ADA, 'session-bob': BOB };

let smtp: TestSmtp;
let invitekit: InvitekitServer;
const logs: LogLine[] = [];
const accepted: AcceptedEvent[] = [];

function request(path: string, init: RequestInit & { as?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.as) headers.set('cookie', `app_session=${init.as}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return invitekit.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }));
}

/** The parts of the answers these tests read. */
interface Sent {
  sent: { id: string; invitedBy: { email: string } }[];
}
interface InvitationView {
  status: string;
  stale: boolean;
}
interface Link {
  code: string;
  url: string;
}
interface Accept {
  member: AcceptedEvent['member'];
}

async function json<T>(response: Promise<Response>, status = 200): Promise<T> {
  const r = await response;
  const text = await r.text();
  assert.equal(r.status, status, text);
  return JSON.parse(text) as T;
}

before(async () => {
  smtp = await startSmtp();
  const database = await freshPglite();
  // An empty kit: no organizations until the host adds one.
  await new SqlControlledStore(database.db).transaction((tx) =>
    tx.replaceAll({ ...seedState(Date.now(), 'empty'), orgs: [], tokens: [] }),
  );
  invitekit = createInvitekitServer({
    database,
    acceptUrl: `${ORIGIN}/invite/`,
    authenticate: (req) => {
      const session = /app_session=([\w-]+)/.exec(req.headers.get('cookie') ?? '')?.[1];
      return (session && people[session]) || null;
    },
    sendEmail: await smtpSender({ url: smtp.url, from: 'invites@app.example' }),
    emailRetry: { retryBaseMs: 20, retryMaxMs: 20 },
    onAccepted: (event) => {
      accepted.push(event);
    },
    log: (line) => {
      logs.push(line);
    },
  });
  await invitekit.ready;
  await invitekit.organizations.upsert({
    slug: 'beta',
    name: 'Beta Co',
    roles: ['member', 'admin'],
    defaultRole: 'member',
  });
});
after(async () => {
  await invitekit.close();
  await smtp.close();
});

describe("createInvitekitServer with the host's sign-in", () => {
  it("serves the admin surface to the host's admins only: 401 signed out, 403 without the permission", async () => {
    const page = await json<unknown>(request('/api/orgs/beta/invitations', { as: 'session-ada' }));
    assert.deepEqual(page, { items: [], nextCursor: null, total: 0, totalCapped: false });
    const signedOut = await request('/api/orgs/beta/invitations');
    assert.equal(signedOut.status, 401);
    assert.equal(signedOut.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await request('/api/orgs/beta/invitations', { as: 'session-bob' })).status, 403);
    assert.equal((await request('/api/orgs/acme/invitations', { as: 'session-ada' })).status, 404);
  });

  it('sends the invitation through SMTP with its link, and onAccepted hears the accept', async () => {
    const before = smtp.received.length;
    const result = await json<Sent>(
      request('/api/orgs/beta/invitations', {
        method: 'POST',
        as: 'session-ada',
        body: JSON.stringify({ emails: ['Carol@Example.com'], role: 'admin' }),
      }),
    );
    const invitation = result.sent[0];
    assert.ok(invitation);
    assert.equal(invitation.invitedBy.email, 'ada@example.com');
    const mail = (await smtp.waitFor(before + 1))[before];
    assert.ok(mail);
    assert.deepEqual(mail.to, ['carol@example.com']);
    const link = await json<Link>(request(`/api/orgs/beta/invitations/${invitation.id}/link`, { as: 'session-ada' }));
    assert.ok(
      mail.raw
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=')
        .includes(link.url),
      'the email carries the link',
    );
    const answer = await json<Accept>(request(`/api/invites/${link.code}/accept`, { method: 'POST' }));
    assert.equal(answer.member.role, 'admin');
    assert.deepEqual(accepted.at(-1), {
      actor: null,
      organization: { slug: 'beta', name: 'Beta Co' },
      member: answer.member,
      invitation: { id: invitation.id, email: 'carol@example.com', role: 'admin' },
    });
  });

  it('keeps an invitation whose email the SMTP server refused, its link copyable, and delivers it on a retry', async () => {
    smtp.failing = true;
    const before = smtp.received.length;
    const result = await json<Sent>(
      request('/api/orgs/beta/invitations', {
        method: 'POST',
        as: 'session-ada',
        body: JSON.stringify({ emails: ['dave@example.com'] }),
      }),
    );
    await invitekit.flushEmail();
    assert.equal(smtp.received.length, before, 'refused, not delivered');
    const id = result.sent[0]?.id ?? '';
    assert.equal(
      (await json<InvitationView>(request(`/api/orgs/beta/invitations/${id}`, { as: 'session-ada' }))).status,
      'pending',
    );
    await json<Link>(request(`/api/orgs/beta/invitations/${id}/link`, { as: 'session-ada' }));
    assert.ok(logs.some((l) => l.level === 'error' && l.msg.startsWith('email (invitation) not sent')));
    smtp.failing = false;
    const mail = (await smtp.waitFor(before + 1))[before];
    assert.deepEqual(mail?.to, ['dave@example.com']);
  });

  it('logs an SMTP refusal that quotes the recipient with the address masked, on every retry', async () => {
    logs.length = 0;
    const notSent = () => logs.filter((l) => l.level === 'error' && l.msg.startsWith('email (invitation) not sent'));
    smtp.refusingRecipients = true;
    try {
      await json<Sent>(
        request('/api/orgs/beta/invitations', {
          method: 'POST',
          as: 'session-ada',
          body: JSON.stringify({ emails: ['frank.secret@example.com'] }),
        }),
      );
      await invitekit.flushEmail();
      // The retry is the sender's own: the refused message is due again 20 ms later (emailRetry) and its timer
      // sends it then. Wait for that second refusal's line (up to 5 s), not for a guessed time.
      const deadline = performance.now() + 5_000;
      while (notSent().length < 2 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      smtp.refusingRecipients = false;
    }
    assert.ok(notSent().length >= 2, JSON.stringify(logs));
    const text = JSON.stringify(logs);
    assert.ok(!text.includes('frank.secret@example.com'), text);
    assert.match(text, /f\*\*\*@example\.com/);
    await invitekit.flushEmail();
  });

  it('members.upsert (a join through SSO) makes the pending invitation stale; members.remove undoes the join', async () => {
    const result = await json<Sent>(
      request('/api/orgs/beta/invitations', {
        method: 'POST',
        as: 'session-ada',
        body: JSON.stringify({ emails: ['erin@example.com'] }),
      }),
    );
    const id = result.sent[0]?.id ?? '';
    const { created } = await invitekit.members.upsert('beta', { email: 'Erin@example.com', via: 'sso' });
    assert.equal(created, true);
    assert.equal(
      (await json<InvitationView>(request(`/api/orgs/beta/invitations/${id}`, { as: 'session-ada' }))).stale,
      true,
    );
    assert.equal(await invitekit.members.remove('beta', 'ERIN@example.com'), true);
    assert.equal(await invitekit.members.remove('beta', 'erin@example.com'), false);
    assert.equal(
      (await json<InvitationView>(request(`/api/orgs/beta/invitations/${id}`, { as: 'session-ada' }))).stale,
      false,
    );
  });

  it('refuses an organization it could not serve, and changes nothing', async () => {
    await assert.rejects(
      invitekit.organizations.upsert({ slug: 'Bad Slug', name: 'x', roles: ['member'], defaultRole: 'member' }),
      /slug/,
    );
    await assert.rejects(
      invitekit.organizations.upsert({ slug: 'gamma', name: 'Gamma', roles: ['member'], defaultRole: 'owner' }),
      /defaultRole: Must be one of the roles \(member\)/,
    );
    assert.equal((await request('/api/orgs/gamma/access')).status, 404);
  });

  it('logs one line per request with method, path, status, duration and request id, never a code', async () => {
    logs.length = 0;
    const code = 'not-a-real-code-but-secret-anyway';
    const response = await request(`/api/invites/${code}?x=${code}`, { headers: { 'x-request-id': 'req-42' } });
    assert.equal(response.headers.get('x-request-id'), 'req-42');
    assert.equal(logs.length, 1);
    const line = logs[0];
    assert.ok(line && 'status' in line);
    assert.deepEqual(
      { method: line.method, path: line.path, status: line.status, requestId: line.requestId },
      { method: 'GET', path: '/api/invites/:code', status: 404, requestId: 'req-42' },
    );
    assert.equal(typeof line.durationMs, 'number');
    assert.ok(!JSON.stringify(logs).includes(code));
  });

  it('answers through the Node listener, TRACE included, as problem+json', async () => {
    const http = createServer(invitekit.node);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${String((http.address() as AddressInfo).port)}`;
    try {
      const access = await fetch(`${base}/api/orgs/beta/access`);
      assert.deepEqual(await access.json(), {
        organization: { slug: 'beta', name: 'Beta Co' },
        invitationRequestsEnabled: false,
      });
      const trace = await new Promise<{ status: number; allow: string | undefined; type: string | undefined }>(
        (resolve, reject) => {
          const req = httpRequest(`${base}/api/orgs/beta/access`, { method: 'TRACE' }, (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, type: res.headers['content-type'] });
          });
          req.once('error', reject);
          req.end();
        },
      );
      assert.deepEqual(trace, { status: 405, allow: 'GET, HEAD, OPTIONS', type: 'application/problem+json' });
    } finally {
      http.close();
    }
  });
});

describe('createInvitekitServer refuses what it cannot run safely', () => {
  it('refuses dev auth when NODE_ENV=production, and a server with no sign-in at all', () => {
    const previous = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      assert.throws(() => createInvitekitServer({ acceptUrl: ORIGIN, devAuth: true }), /NODE_ENV=production/);
    } finally {
      if (previous === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = previous;
    }
    assert.throws(() => createInvitekitServer({ acceptUrl: ORIGIN }), /needs `authenticate`/);
  });
});
