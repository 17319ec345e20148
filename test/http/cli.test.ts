/**
 * The standalone server's command line (api.md, The mock server): the ready line exactly, the documented
 * `npm run mock-server -- --port PORT` from the repo root, usage errors, the accept URL.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CliFailure, runCli, startOnPort, startServer } from './server.js';

const ADMIN = { authorization: 'Bearer acme-admin' };

describe('command line', () => {
  it('prints exactly `invitekit mock server listening on http://127.0.0.1:PORT` once ready, and nothing else', async () => {
    const { server, port } = await startOnPort();
    try {
      const answer = await fetch(`${server.url}/api/orgs/acme/access`);
      assert.equal(answer.status, 200, 'ready means answering');
      assert.equal(server.stdout(), `invitekit mock server listening on http://127.0.0.1:${port}\n`);
      assert.equal(server.stderr(), '');
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('runs as `npm run mock-server -- --port PORT` from the repo root, serving BASE /api and the controls', async () => {
    const { server, port } = await startOnPort([], true);
    try {
      assert.ok(
        server.stdout().split('\n').includes(`invitekit mock server listening on http://127.0.0.1:${port}`),
        server.stdout(),
      );
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/orgs/acme/access`)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/__mock/clock`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('rejects bad arguments with a usage message and exit code 2', async () => {
    const cases = [
      [],
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--port', '1', '--nope'],
      ['--port', '0', '--accept-url', 'not a url'],
    ];
    await Promise.all(
      cases.map((args) =>
        assert.rejects(runCli(args), (error: CliFailure) => {
          assert.equal(error.exitCode, 2, args.join(' '));
          assert.match(error.stderr ?? '', /Usage: invitekit-mock-server --port PORT/);
          return true;
        }),
      ),
    );
  });

  it('points links at its own origin by default, or at --accept-url', async () => {
    const own = await startServer();
    const custom = await startServer(['--accept-url', 'https://app.example/join']);
    try {
      const link = async (url: string) =>
        (
          (await (await fetch(`${url}/api/orgs/acme/invitations/inv_jane/link`, { headers: ADMIN })).json()) as {
            url: string;
          }
        ).url;
      assert.match(await link(own.url), new RegExp(`^${own.url}/redeem/\\?code=`));
      assert.match(await link(custom.url), /^https:\/\/app\.example\/join\?code=/);
      const unknown = await fetch(`${own.url}/favicon.ico`);
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as { code: string }).code, 'not_found');
    } finally {
      await Promise.all([own.stop(), custom.stop()]);
    }
  });
});
