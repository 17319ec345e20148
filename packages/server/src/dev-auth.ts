/**
 * `devAuth` for trying the server out (refused when NODE_ENV=production): the mock's seeded bearer tokens
 * (`acme-admin`, …) as credentials. An empty database (no organization at all) gets the mock's default seed, so
 * the README's tokens and `acme` answer at once; a database with organizations of its own is left as it is.
 */
import { type Actor, type Credentials, tokenActor, seedState } from '@invitekit/engine';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { SqlControlledStore } from './store/sql-store.js';
import { tokenFromRow } from './store/rows.js';

export interface DevAuth {
  authenticate(credentials: Credentials): Promise<Actor | null>;
  /** Those credentials now belong to `org` (someone accepted while signed in with them), as on the mock. */
  grant(key: string, org: string): Promise<void>;
  /** One line for the start: which tokens and organizations exist, and whether the seed was just loaded. */
  summary: string;
}

export async function startDevAuth(db: Kysely<Database>): Promise<DevAuth> {
  const store = new SqlControlledStore(db);
  const none = (await db.selectFrom('organizations').select('slug').limit(1).execute()).length === 0;
  if (none) await store.transaction((tx) => tx.replaceAll(seedState(Date.now(), 'default')));
  const tokens = (await db.selectFrom('tokens').selectAll().orderBy('position').execute()).map(tokenFromRow);
  const orgs = (await db.selectFrom('organizations').select('slug').orderBy('slug').execute()).map((o) => o.slug);
  const described = tokens.map((t) => {
    const grants = Object.entries(t.grants).map(([org, perms]) => (perms.length ? `${org}: ${perms.join(' ')}` : org));
    return `${t.token} (${t.person.email}; ${grants.join(', ') || 'no organization'})`;
  });
  const summary = [
    none ? 'dev auth: the database was empty, so it now holds the demo organizations' : 'dev auth',
    `tokens: ${described.join(', ') || 'none (only an empty database is seeded; sign in with --auth MODULE)'}`,
    `organizations: ${orgs.join(', ') || 'none'}`,
  ].join('; ');
  return {
    summary,
    async authenticate(credentials) {
      if (!credentials) return null;
      const token = await store.transaction((tx) => tx.token(credentials), { readOnly: true });
      return token ? tokenActor(token) : null;
    },
    grant: (key, org) => store.transaction((tx) => tx.grantMembership(key, org)),
  };
}
