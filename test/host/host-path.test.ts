/**
 * The host's path (issue 15): `@invitekit/server` packed as npm publishes it, installed from its tarball into a
 * scratch project, started the ways its README shows (createInvitekitServer with node:http, with `.fetch`, and the
 * CLI with `--auth MODULE`), on a fresh PGlite directory and a fresh PostgreSQL database, never with
 * `--test-controls` or the seed. Each start runs the whole scenario (scenario.ts); PGlite also refuses a second
 * process; a read-only transaction that writes fails on both databases.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { installApp, packTarballs } from '../../tools/consumer-packages.mjs';
import { type RunningPostgres, startPostgres } from '../../tools/postgres.js';
import { type TestSmtp, startSmtp } from '../server/smtp.js';
import { type Mail, runScenario } from './scenario.js';

const APP = fileURLToPath(new URL('./app/', import.meta.url));
const ACCEPT_URL = 'https://app.host.test/join/';
let project: string;
let postgres: RunningPostgres;
let smtp: TestSmtp;

before(async () => {
  // INVITEKIT_HOST_PROJECT: a project with @invitekit/server already installed (say, an older release's tarball,
  // to see which steps fail there); the app's files are copied into it.
  const given = process.env['INVITEKIT_HOST_PROJECT'];
  if (given) {
    cpSync(APP, given, { recursive: true });
    project = given;
    postgres = await startPostgres();
    smtp = await startSmtp();
    return;
  }
  const packed = packTarballs();
  const { dir } = installApp(
    'host-path',
    {
      'package.json': { name: 'host-path', private: true, type: 'module', dependencies: { '@invitekit/server': '*' } },
    },
    packed,
  );
  cpSync(APP, dir, { recursive: true });
  project = dir;
  postgres = await startPostgres();
  smtp = await startSmtp();
});
after(async () => {
  await smtp.close();
  await postgres.stop();
});

interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `args` in the scratch project; resolves on its listening line (or rejects with its stderr when it exits). */
function start(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, args, { cwd: project, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((done) => {
    child.once('exit', done);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no listening line in 180 s: ${err}`));
    }, 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (?:on )?(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${String(code)} before listening: ${err}`));
    });
  });
}

/** Runs the installed CLI to completion. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(project, 'node_modules/.bin/invitekit-server'), args, { cwd: project }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const freshPgliteDir = () => join(mkdtempSync(join(tmpdir(), 'invitekit-host-')), 'data');
let databases = 0;
const freshPostgres = () => postgres.createDatabase(`host_${String(++databases)}`);

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  return (await (await fetch(url, init)).json()) as T;
}

/** The host app (app/app.mjs) in `mode`, with its sendEmail and onAccepted. */
async function appTarget(mode: 'node' | 'fetch', database: string) {
  let running = await start(['app.mjs', mode, database]);
  return {
    running: () => running,
    target: {
      url: () => running.url,
      mail: () => getJson<Mail[]>(`${running.url}/host/mail`),
      accepted: () => getJson<[]>(`${running.url}/host/accepted`),
      join: async (email: string) => {
        await fetch(`${running.url}/host/join`, { method: 'POST', body: JSON.stringify({ email }) });
      },
      restart: async () => {
        // The outbox lives in the database, so messages sent before the restart are not sent again.
        await running.stop();
        running = await start(['app.mjs', mode, database]);
      },
    },
  };
}

/** What SMTP received, as links: the CLI sends through SMTP_URL. */
function smtpMail(): Promise<Mail[]> {
  return Promise.resolve(
    smtp.received.flatMap((m) => {
      const raw = m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const url = /https:\/\/app\.host\.test\/join\/\?code=[\w-]+/.exec(raw)?.[0];
      return url ? m.to.map((to) => ({ to, url })) : [];
    }),
  );
}

/** The installed CLI with the host's sign-in module, organizations and joins through its own commands. */
async function cliTarget(db: string[]) {
  const created = await cli([
    'organizations',
    'upsert',
    'hostco',
    '--name',
    'Host Co',
    '--roles',
    'member,admin',
    '--default-role',
    'member',
    ...db,
  ]);
  assert.equal(created.code, 0, created.stderr);
  assert.equal(created.stdout, 'created hostco (Host Co; roles member, admin; default member)\n');
  const args = [
    'node_modules/.bin/invitekit-server',
    '--port',
    '0',
    '--auth',
    './auth.mjs',
    '--accept-url',
    ACCEPT_URL,
    ...db,
  ];
  const env = { SMTP_URL: smtp.url, SMTP_FROM: 'invites@host.test' };
  let running = await start(args, env);
  const restart = async () => {
    await running.stop();
    running = await start(args, env);
  };
  const pglite = db[0] === '--data';
  return {
    running: () => running,
    target: {
      url: () => running.url,
      mail: smtpMail,
      join: async (email: string) => {
        // PGlite is one process's: the server stops while the command runs. PostgreSQL takes both at once.
        if (pglite) await running.stop();
        const joined = await cli(['members', 'upsert', 'hostco', email, '--via', 'sso', ...db]);
        assert.equal(joined.code, 0, joined.stderr);
        if (pglite) running = await start(args, env);
      },
      restart,
    },
  };
}

describe('the host path, from the packed tarball', { timeout: 20 * 60_000 }, () => {
  it('createInvitekitServer with node:http on a fresh PGlite directory: the whole scenario, one process only, read-only holds', async () => {
    const dir = freshPgliteDir();
    const { target, running } = await appTarget('node', dir);
    try {
      await runScenario(target);
      const second = await cli(['--port', '0', '--auth', './auth.mjs', '--data', dir]);
      assert.equal(second.code, 1);
      assert.match(
        second.stderr,
        new RegExp(
          `^invitekit-server: The PGlite directory ${dir} is in use by another invitekit server \\(pid ${String(running().child.pid)}\\); stop it or run every process on PostgreSQL .*\\n$`,
        ),
      );
      const readOnly = await getJson<{ wrote: boolean; error?: string }>(`${target.url()}/host/read-only-write`);
      assert.equal(readOnly.wrote, false);
      assert.match(readOnly.error ?? '', /read-only transaction/);
    } finally {
      await running().stop();
    }
  });

  it('.fetch behind a host server of its own on a fresh PostgreSQL database: the whole scenario, read-only holds', async () => {
    const { target, running } = await appTarget('fetch', await freshPostgres());
    try {
      await runScenario(target);
      const readOnly = await getJson<{ wrote: boolean; error?: string }>(`${target.url()}/host/read-only-write`);
      assert.equal(readOnly.wrote, false);
      assert.match(readOnly.error ?? '', /read-only transaction/);
    } finally {
      await running().stop();
    }
  });

  it('the CLI with --auth MODULE and SMTP_URL on a fresh PGlite directory', async () => {
    const { target, running } = await cliTarget(['--data', freshPgliteDir()]);
    try {
      await runScenario(target);
    } finally {
      await running().stop();
    }
  });

  it('the CLI with --auth MODULE and SMTP_URL on a fresh PostgreSQL database', async () => {
    smtp.received.length = 0;
    const { target, running } = await cliTarget(['--database', await freshPostgres()]);
    try {
      await runScenario(target);
    } finally {
      await running().stop();
    }
  });
});
