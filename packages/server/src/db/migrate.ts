/** Runs the package's migrations (migrations.ts) up to the latest; safe to run from several processes at once. */
import { type Kysely, Migrator } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

/** Answers the names of the migrations it ran (none when the database was up to date). */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
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
