/**
 * PGlite databases for tests: the first call on a machine creates a migrated template data directory (initdb
 * takes seconds); every later database is a copy of it (milliseconds), in a temp directory removed at exit.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenDatabase, openDatabase } from '../../packages/server/src/db/connect.js';
import { migrate } from '../../packages/server/src/db/migrate.js';

const require = createRequire(import.meta.url);

function templateDir(): string {
  const manifest = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  // Keyed by the migrations' text, so that a changed migration never reuses an old template.
  const source = readFileSync(fileURLToPath(new URL('../../packages/server/src/db/migrations.ts', import.meta.url)));
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  return join(tmpdir(), `invitekit-pglite-template-${version}-${hash}`);
}

async function ensureTemplate(): Promise<string> {
  const template = templateDir();
  if (existsSync(template)) return template;
  const building = mkdtempSync(join(tmpdir(), 'invitekit-pglite-building-'));
  const database = await openDatabase({ pglite: building });
  await migrate(database.db);
  await database.close();
  try {
    renameSync(building, template);
  } catch {
    // Another test process finished its template first: use that one.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Copies the migrated template to `dir` (a data directory to open with `{ pglite: dir }` or `--data dir`). */
export async function copyTemplate(dir: string): Promise<void> {
  cpSync(await ensureTemplate(), dir, { recursive: true });
}

/** A fresh, migrated PGlite database in its own directory (removed when the process exits). */
export async function freshPglite(): Promise<OpenDatabase & { dir: string }> {
  const template = await ensureTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-pglite-'));
  made.push(dir);
  cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ pglite: dir });
  return { ...database, dir };
}
