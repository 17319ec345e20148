/** Runs the package's migrations (migrations.ts) up to the latest; safe to run from several processes at once. */
import { type Kysely, Migrator, sql } from 'kysely';
import { MIGRATIONS, migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

/**
 * Whether every migration has run: one query, where the Migrator would first create its lock table, take the
 * lock and read the whole table (about a second per start on PGlite). A database it cannot tell about (new,
 * half-made, or newer than this package) goes through the Migrator, which decides and reports.
 */
async function upToDate(db: Kysely<Database>): Promise<boolean> {
  const names = Object.keys(MIGRATIONS).sort();
  try {
    const { rows } = await sql<{ applied: string[] }>`
      select coalesce(array_agg(name order by name), '{}') as applied from invitekit_migrations`.execute(db);
    const applied = rows[0]?.applied ?? [];
    return applied.length === names.length && applied.every((name, i) => name === names[i]);
  } catch {
    return false; // no migrations table yet
  }
}

/** Answers the names of the migrations it ran (none when the database was up to date). */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  if (await upToDate(db)) return [];
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: 'invitekit_migrations',
    migrationLockTableName: 'invitekit_migrations_lock',
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${message}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
