/**
 * The HTTP contract suite (test/http, written once, target-agnostic) against @invitekit/server: on PGlite and on
 * a real PostgreSQL, each served by the `invitekit-server` CLI with `--dev-auth --test-controls`. The mock runs
 * the same files in test/http directly, so all three targets pass the same tests.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { copyTemplate } from './pglite.js';
import { startPostgres } from '../../tools/postgres.js';
import { startServerProcess } from '../../tools/server-process.js';
import { failures, runSuite } from './suites.js';

/** The test/http files that run against any target (they reset it before each test). */
export const CONTRACT_FILES = [
  'test/http/contract.test.ts',
  'test/http/controls.test.ts',
  'test/http/requests.test.ts',
];

async function runAgainst(args: string[]): Promise<void> {
  const server = await startServerProcess(['--port', '0', '--dev-auth', '--test-controls', ...args]);
  try {
    const run = await runSuite(CONTRACT_FILES, { INVITEKIT_HTTP_TARGET: server.url });
    assert.equal(run.code, 0, failures(run.output));
    assert.ok(run.tests > 0 && run.passed === run.tests, `${String(run.passed)} of ${String(run.tests)} passed`);
  } finally {
    await server.stop();
  }
}

describe('the HTTP contract suite against @invitekit/server', () => {
  it('passes on PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'invitekit-contract-'));
    try {
      await copyTemplate(join(dir, 'data'));
      await runAgainst(['--data', join(dir, 'data')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes on PostgreSQL', async () => {
    const postgres = await startPostgres();
    try {
      await runAgainst(['--database', await postgres.createDatabase('contract')]);
    } finally {
      await postgres.stop();
    }
  });
});
