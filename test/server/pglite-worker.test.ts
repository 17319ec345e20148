/**
 * PGlite runs on a thread of its own (db/pglite-worker.ts): a slow statement leaves the server's thread free to
 * serve other requests, and PGlite's errors still carry their SQLSTATE and constraint (what the store maps to
 * conflicts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { freshPglite } from './pglite.js';

let database: Awaited<ReturnType<typeof freshPglite>>;

before(async () => {
  database = await freshPglite();
});
after(() => database.close());

describe('PGlite on its own thread', () => {
  it("keeps the server's event loop turning while a statement runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    try {
      await sql`SELECT count(*) FROM generate_series(1, 3000000) AS i WHERE i % 7 = 0`.execute(database.db);
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed > 100, `the statement took ${elapsed.toFixed(0)} ms: too quick to show anything`);
    // In the server's thread, PGlite would run the whole statement before a single timer fired.
    assert.ok(ticks >= elapsed / 5 / 4, `${String(ticks)} ticks in ${elapsed.toFixed(0)} ms`);
  });

  it('passes database errors through with their code and constraint', async () => {
    await sql`INSERT INTO meta (key, value) VALUES ('twice', '1')`.execute(database.db);
    await assert.rejects(sql`INSERT INTO meta (key, value) VALUES ('twice', '2')`.execute(database.db), {
      code: '23505',
      constraint: 'meta_pkey',
    });
  });
});
