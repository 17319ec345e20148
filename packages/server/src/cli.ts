#!/usr/bin/env node
/**
 * `invitekit-server`: the production backend on its own, and the host's commands (USAGE below).
 * The database is `--database`, else `DATABASE_URL`, else PGlite in `--data` (default ./invitekit-data).
 * `--auth MODULE` names a module exporting `authenticate(request)` (your sign-in). It listens at once (a request
 * during start waits for the database) and prints `invitekit server listening on http://HOST:PORT` once ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, type DatabaseOption, openDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import type { HostUser } from './options.js';
import { UsageError, hostCommand } from './cli-host.js';
import { createInvitekitServer, refuseInProduction } from './server.js';

const USAGE = `usage: invitekit-server [--port 8080] [--host 127.0.0.1] [--database URL | --data DIR] [--accept-url URL]
                        [--auth MODULE] [--dev-auth] [--test-controls] [--allow-origin ORIGIN]...
       invitekit-server migrate [DB]
       invitekit-server organizations upsert SLUG --name NAME --roles ROLE,ROLE --default-role ROLE [DB]
       invitekit-server organizations list [DB]
       invitekit-server members upsert ORG EMAIL [--via sso|scim] [--name NAME] [--role ROLE] [DB]
       invitekit-server members remove ORG EMAIL [DB]
  DB is --database postgres://… or --data DIR (PGlite, default ./invitekit-data); DATABASE_URL is read too.
  --auth MODULE     a module exporting authenticate(request) → { id, email, name?, grants } | null: your sign-in
  --dev-auth        for trying out: the demo tokens (acme-admin, …); an empty database gets the demo organizations
  --test-controls   the /__mock controls, for test suites; refused when NODE_ENV=production (as is --dev-auth)`;

function databaseOption(values: { database?: string | undefined; data?: string | undefined }): DatabaseOption {
  if (values.database !== undefined && values.data !== undefined) {
    throw new UsageError('--database and --data name two databases: give one');
  }
  const url = values.database ?? (values.data === undefined ? process.env['DATABASE_URL'] : undefined);
  if (url) return url;
  return { pglite: values.data ?? DEFAULT_DATA_DIR };
}

function portOf(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be 0 to 65535, not "${text}"`);
  return port;
}

async function loadAuthenticate(module: string): Promise<(request: Request) => Promise<HostUser | null>> {
  const loaded = (await import(pathToFileURL(resolve(module)).href)) as { authenticate?: unknown };
  if (typeof loaded.authenticate !== 'function') throw new UsageError(`${module} exports no authenticate(request)`);
  return loaded.authenticate as (request: Request) => Promise<HostUser | null>;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      database: { type: 'string' },
      data: { type: 'string' },
      'accept-url': { type: 'string' },
      auth: { type: 'string' },
      'dev-auth': { type: 'boolean', default: false },
      'test-controls': { type: 'boolean', default: false },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      name: { type: 'string' },
      roles: { type: 'string' },
      'default-role': { type: 'string' },
      via: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const database = databaseOption(values);
  if (positionals[0] === 'migrate' && positionals.length === 1) {
    const open = await openDatabase(database);
    const ran = await migrate(open.db);
    await open.close();
    process.stdout.write(ran.length ? `migrated ${open.where}: ${ran.join(', ')}\n` : `${open.where} is up to date\n`);
    return;
  }
  if (positionals[0] === 'organizations' || positionals[0] === 'members') {
    process.stdout.write(`${await hostCommand(database, positionals, values)}\n`);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  const port = portOf(values.port);
  if (!values['dev-auth'] && !values.auth) {
    throw new UsageError(
      'say how people sign in: --auth MODULE (exports authenticate(request)), or --dev-auth to try it out',
    );
  }
  refuseInProduction({ devAuth: values['dev-auth'], testControls: values['test-controls'] });
  const authenticate = values.auth ? await loadAuthenticate(values.auth) : undefined;
  const http = createServer();
  await new Promise<void>((done, fail) => {
    http.once('error', fail);
    http.listen(port, values.host, done);
  });
  const address = http.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${String(address.port)}`;
  const invitekit = createInvitekitServer({
    database,
    acceptUrl: values['accept-url'] ?? `${origin}/redeem/`,
    ...(authenticate ? { authenticate } : {}),
    devAuth: values['dev-auth'],
    testControls: values['test-controls'],
    allowOrigins: values['allow-origin'],
  });
  // Serving before the database is open: a request during start waits for it and is answered.
  invitekit.attach(http);
  try {
    await invitekit.ready;
  } catch (error) {
    http.close();
    http.closeAllConnections();
    throw error;
  }
  const stop = () => {
    http.close();
    http.closeAllConnections();
    void invitekit.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`invitekit server listening on ${origin}\n`);
}

function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = isUsageError(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`invitekit-server: ${message}\n${usage ? `${USAGE}\n` : ''}`);
  process.exit(usage ? 2 : 1);
});
