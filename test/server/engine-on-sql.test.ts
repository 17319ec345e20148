/**
 * The engine's own unit tests (packages/engine/test/*.test.ts) with the SQL store instead of the memory store,
 * through `INVITEKIT_TEST_STORE_MODULE` (test/server/sql-store-module.ts): on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { failures, runSuite } from './suites.js';

const ENGINE_TESTS = fileURLToPath(new URL('../../packages/engine/test/', import.meta.url));
// model.test.ts is left out: its hundreds of random sequences each start a store of their own, which on SQL is a
// database copy per sequence and took over 15 minutes here; it runs against the memory store in npm test.
const FILES = readdirSync(ENGINE_TESTS)
  .filter((name) => name.endsWith('.test.ts') && name !== 'model.test.ts')
  .map((name) => `packages/engine/test/${name}`);
const MODULE = fileURLToPath(new URL('./sql-store-module.ts', import.meta.url));

// PostgreSQL in `npm test`; `INVITEKIT_TEST_SQL=pglite` runs them on PGlite instead (slower: each store opens a
// PGlite of its own), which the HTTP contract suite covers in npm test too.
const sql = process.env['INVITEKIT_TEST_SQL'] === 'pglite' ? 'pglite' : 'postgres';

describe("the engine's tests on the SQL store", () => {
  it(`pass on ${sql}`, async () => {
    const run = await runSuite(FILES, { INVITEKIT_TEST_STORE_MODULE: MODULE, INVITEKIT_TEST_SQL: sql }, 2);
    assert.equal(run.code, 0, failures(run.output));
    assert.ok(run.tests > 0 && run.passed === run.tests, `${String(run.passed)} of ${String(run.tests)} passed`);
  });
});
