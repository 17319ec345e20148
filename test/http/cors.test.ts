/**
 * `--allow-origin ORIGIN` (repeatable) on the standalone mock: preflights answered and `Access-Control-Allow-*`
 * with credentials for those origins only, so a host app's dev server on another port can call the mock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningServer, runCli, startServer } from './server.js';

const APP = 'http://localhost:5173';
const OTHER_APP = 'https://app.example';
let server: RunningServer;
before(async () => {
  server = await startServer(['--allow-origin', APP, '--allow-origin', `${OTHER_APP}/`]);
});
after(async () => {
  await server.stop();
});

const preflight = (origin: string, path = '/api/orgs/acme/invitations') =>
  fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, idempotency-key',
    },
  });

describe('--allow-origin', () => {
  it('answers a preflight of an allowed origin with its methods, headers and credentials', async () => {
    for (const origin of [APP, OTHER_APP]) {
      const answer = await preflight(origin);
      assert.equal(answer.status, 204);
      assert.equal(answer.headers.get('access-control-allow-origin'), origin);
      assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
      assert.match(answer.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
      const allowed = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'content-type', 'idempotency-key']) assert.ok(allowed.includes(header));
    }
  });

  it('adds Access-Control-Allow-* with credentials to answers for that origin, errors included', async () => {
    const ok = await fetch(`${server.url}/api/orgs/acme/invitations`, {
      headers: { origin: APP, cookie: 'invitekit_session=acme-admin' },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), APP);
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.match(ok.headers.get('vary') ?? '', /Origin/);
    const refused = await fetch(`${server.url}/api/orgs/acme/invitations`, { headers: { origin: APP } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('access-control-allow-origin'), APP);
    assert.match(refused.headers.get('access-control-expose-headers') ?? '', /WWW-Authenticate/);
  });

  it('grants nothing to any other origin', async () => {
    const answer = await preflight('http://evil.test');
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
    assert.equal(answer.headers.get('access-control-allow-credentials'), null);
    const get = await fetch(`${server.url}/api/orgs/acme/access`, { headers: { origin: 'http://localhost:5174' } });
    assert.equal(get.status, 200);
    assert.equal(get.headers.get('access-control-allow-origin'), null);
  });

  it('refuses a value that is not an origin, with the usage message', async () => {
    for (const origin of ['*', 'localhost:5173', 'http://localhost:5173/app']) {
      await assert.rejects(
        runCli(['--port', '0', '--allow-origin', origin]),
        (error: { exitCode?: number; stderr?: string }) => {
          assert.equal(error.exitCode, 2, origin);
          assert.match(error.stderr ?? '', /--allow-origin/);
          return true;
        },
      );
    }
  });
});

describe('cross-origin writes from an allowed origin', () => {
  it('pass (Fetch Metadata same-site or cross-site), while another origin is refused', async () => {
    const post = (origin: string, site: string) =>
      fetch(`${server.url}/api/orgs/acme/invitations/inv_jane/resend`, {
        method: 'POST',
        headers: { authorization: 'Bearer acme-admin', origin, 'sec-fetch-site': site },
      });
    assert.equal((await post(APP, 'same-site')).status, 200);
    assert.equal((await post(OTHER_APP, 'cross-site')).status, 200);
    const refused = await post('https://evil.example', 'cross-site');
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'forbidden');
  });
});
