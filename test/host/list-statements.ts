/**
 * Evidence for server.md "Operating it": the SQL statements one list request sends to PostgreSQL, as
 * `log_statement=all` records them. Run: `node --conditions=source --import tsx test/host/list-statements.ts`.
 * A throwaway cluster (tools/postgres.ts), the host's own sign-in, no seed and no test controls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createInvitekitServer } from '@invitekit/server';
import { startPostgres } from '../../tools/postgres.js';

const postgres = await startPostgres();
try {
  const url = await postgres.createDatabase('statements');
  const server = createInvitekitServer({
    database: url,
    acceptUrl: 'https://app.test/redeem/',
    log: false,
    authenticate: () => ({ id: 'u1', email: 'ada@acme.test', grants: { acme: ['member:manage'] } }),
  });
  await server.ready;
  await server.organizations.upsert({ slug: 'acme', name: 'Acme', roles: ['member', 'admin'], defaultRole: 'member' });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`ALTER DATABASE statements SET log_statement = 'all'`);
  await admin.end();
  // New connections pick the setting up: drop the pool's idle ones by waiting for a fresh request's connection.
  await server.close();
  const again = createInvitekitServer({
    database: url,
    acceptUrl: 'https://app.test/redeem/',
    log: false,
    migrate: false,
    authenticate: () => ({ id: 'u1', email: 'ada@acme.test', grants: { acme: ['member:manage'] } }),
  });
  await again.ready;
  const logFile = join(postgres.dir, 'log');
  const before = readFileSync(logFile, 'utf8').length;
  const response = await again.fetch(new Request('http://host/api/orgs/acme/invitations'));
  await response.text();
  await again.close();
  // A statement over several lines continues on lines without the log prefix: joined into one.
  const lines = readFileSync(logFile, 'utf8')
    .slice(before)
    .split(/\n(?=\S*\d{4}-\d\d-\d\d )/)
    .filter((entry) => /LOG: {2}(statement|execute)/.test(entry))
    .map((entry) =>
      entry
        .replace(/^.*?LOG: {2}/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  process.stdout.write(
    `GET /api/orgs/acme/invitations answered ${String(response.status)}; ${String(lines.length)} statements:\n`,
  );
  for (const line of lines) process.stdout.write(`  ${line}\n`);
} finally {
  await postgres.stop();
}
