/** The `invitekit-server` command: migrate alone, refusals with a clear message, the seed with dev auth and controls. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type RunningPostgres, startPostgres } from '../../tools/postgres.js';
import { SERVER_CLI, startServerProcess } from '../../tools/server-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', SERVER_CLI, ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let postgres: RunningPostgres;
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

describe('invitekit-server', () => {
  it('migrate runs the migrations alone, and says so when there is nothing to do', async () => {
    const url = await postgres.createDatabase('cli_migrate');
    const first = await cli(['migrate', '--database', url]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^migrated postgres:\/\/invitekit@127\.0\.0\.1:\d+\/cli_migrate: 0001_initial, 0002_status_ranges, 0003_search_without_pending_list, 0004_list_counts\n$/,
    );
    const again = await cli(['migrate'], { DATABASE_URL: url });
    assert.match(again.stdout, /is up to date\n$/);
  });

  it('refuses dev auth when NODE_ENV=production, with one clear line', async () => {
    const url = await postgres.createDatabase('cli_production');
    const run = await cli(['--port', '0', '--database', url, '--dev-auth'], { NODE_ENV: 'production' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^invitekit-server: --dev-auth .* refused when NODE_ENV=production\.\n$/);
  });

  it('refuses to start without a way to sign in, two databases, or an unknown option (usage, exit 2)', async () => {
    for (const args of [
      ['--port', '0'],
      ['--port', '0', '--dev-auth', '--database', 'postgres://x/y', '--data', 'dir'],
      ['--port', '0', '--dev-auth', '--frobnicate'],
      ['--port', 'eighty', '--dev-auth'],
    ]) {
      const run = await cli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^invitekit-server: .+\nusage: invitekit-server/, args.join(' '));
    }
  });

  it('with --dev-auth --test-controls, starts an empty database with the seed, and reset restores it', async () => {
    const url = await postgres.createDatabase('cli_seed');
    const server = await startServerProcess(['--port', '0', '--database', url, '--dev-auth', '--test-controls']);
    try {
      const admin = { authorization: 'Bearer acme-admin' };
      const jane = `${server.url}/api/orgs/acme/invitations/inv_jane`;
      assert.equal((await fetch(jane, { headers: admin })).status, 200);
      assert.equal((await fetch(`${jane}/revoke`, { method: 'POST', headers: admin })).status, 200);
      assert.equal((await fetch(`${server.url}/__mock/reset`, { method: 'POST' })).status, 204);
      const restored = (await (await fetch(jane, { headers: admin })).json()) as { status: string };
      assert.equal(restored.status, 'pending');
      // Request lines go out up to 50 ms late, several in one write (log.ts); the reader gets them after that.
      const revokeLine = /"path":"\/api\/orgs\/acme\/invitations\/inv_jane\/revoke","status":200/;
      for (let waited = 0; !revokeLine.test(server.stdout()) && waited < 2000; waited += 20) await sleep(20);
      assert.match(server.stdout(), revokeLine);
    } finally {
      await server.stop();
    }
  });

  it('refuses --test-controls when NODE_ENV=production, before loading anything', async () => {
    const run = await cli(['--port', '0', '--auth', 'no-such-module.js', '--test-controls'], {
      NODE_ENV: 'production',
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^invitekit-server: --test-controls .* refused when NODE_ENV=production\.\n$/);
  });

  it('with --test-controls but no --dev-auth, the controls answer, and a failing one is problem+json logged as JSON', async () => {
    const name = 'cli_controls';
    const server = await startServerProcess([
      '--port',
      '0',
      '--database',
      await postgres.createDatabase(name),
      '--auth',
      'scripts/bench-server/auth.ts',
      '--test-controls',
    ]);
    const ids: string[] = [];
    try {
      const clock = await fetch(`${server.url}/__mock/clock`);
      assert.equal(clock.status, 200);
      assert.match(((await clock.json()) as { now: string }).now, /^\d{4}-\d\d-\d\dT/);
      // The database goes (its connections cut): each control fails below the handler.
      const admin = new pg.Client({ connectionString: postgres.adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      for (const [method, path] of [
        ['GET', '/__mock/clock'],
        ['POST', '/__mock/clock'],
        ['GET', '/__mock/outbox'],
        ['POST', '/__mock/reset'],
      ] as const) {
        const body = method === 'POST' ? { body: path.endsWith('clock') ? '{"advanceMs":1}' : '{}' } : {};
        const answer = await fetch(`${server.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          ...body,
        });
        assert.equal(answer.status, 503, `${method} ${path}`);
        assert.equal(answer.headers.get('content-type'), 'application/problem+json');
        const problem = (await answer.json()) as { code: string; detail: string; requestId: string };
        assert.equal(problem.code, 'unavailable');
        assert.doesNotMatch(problem.detail, /ECONN|database|cli_controls|127\.0\.0\.1/);
        ids.push(problem.requestId);
      }
    } finally {
      await server.stop();
    }
    assert.equal(server.stderr(), '', 'no stack trace on stderr');
    const failures = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; msg: string; requestId?: string })
      .filter((entry) => entry.msg === 'request failed');
    assert.deepEqual(
      failures.map((f) => [f.level, f.requestId]),
      ids.map((id) => ['error', id]),
      'each failure logged once as JSON, under its request id',
    );
  });

  it('--help names the installed command and every subcommand', async () => {
    const run = await cli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^usage: invitekit-server /);
    for (const command of [
      'migrate',
      'organizations upsert SLUG',
      'organizations list',
      'members upsert ORG EMAIL',
      'members remove ORG EMAIL',
    ]) {
      assert.ok(run.stdout.includes(`invitekit-server ${command}`), command);
    }
  });

  it('keeps organizations and members from the command line, refusing bad input in one line', async () => {
    const url = await postgres.createDatabase('cli_host');
    const db = ['--database', url];
    const empty = await cli(['organizations', 'list', ...db]);
    assert.match(empty.stdout, /^no organizations yet; add one: invitekit-server organizations upsert SLUG/);
    const bad = await cli([
      'organizations',
      'upsert',
      'acme',
      '--name',
      'Acme',
      '--roles',
      'admin,member',
      '--default-role',
      'owner',
      ...db,
    ]);
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr, 'invitekit-server: defaultRole: Must be one of the roles (admin, member)\n');
    const made = await cli([
      'organizations',
      'upsert',
      'acme',
      '--name',
      'Acme',
      '--roles',
      'admin,member',
      '--default-role',
      'member',
      ...db,
    ]);
    assert.equal(made.stdout, 'created acme (Acme; roles admin, member; default member)\n');
    const listed = await cli(['organizations', 'list', ...db]);
    assert.equal(listed.stdout, 'acme\tAcme\troles admin,member (default member)\n');
    const joined = await cli(['members', 'upsert', 'acme', 'Jo@Example.com', '--via', 'scim', ...db]);
    assert.equal(joined.stdout, 'added jo@example.com to acme as member (via scim)\n');
    const removed = await cli(['members', 'remove', 'acme', 'jo@example.com', ...db]);
    assert.equal(removed.stdout, 'removed jo@example.com from acme\n');
    const unknown = await cli(['members', 'remove', 'nope', 'jo@example.com', ...db]);
    assert.equal(unknown.stderr, 'invitekit-server: No organization "nope".\n');
    const usage = await cli(['members', 'upsert', 'acme', 'a@example.com', '--via', 'ldap', ...db]);
    assert.equal(usage.code, 2);
  });

  it('with --dev-auth alone, an empty database gets the demo organizations and the start says which tokens exist', async () => {
    const url = await postgres.createDatabase('cli_dev_auth');
    const server = await startServerProcess(['--port', '0', '--database', url, '--dev-auth']);
    try {
      assert.match(server.stdout(), /the database was empty, so it now holds the demo organizations/);
      assert.match(server.stdout(), /acme-admin \(admin@acme\.test; acme: member:manage\)/);
      const answer = await fetch(`${server.url}/api/orgs/acme/invitations`, {
        headers: { authorization: 'Bearer acme-admin' },
      });
      assert.equal(answer.status, 200);
      assert.equal((await fetch(`${server.url}/__mock/clock`)).status, 404, 'no controls without --test-controls');
    } finally {
      await server.stop();
    }
  });
});
