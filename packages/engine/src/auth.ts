/**
 * Who is asking, and may they? Order of rules.md: authentication first (401), then the organization, which is
 * `not_found` for anyone who does not belong to it (no tenant learns about another), then the permission (403).
 */
import type { Ctx } from './context.js';
import { EngineError } from './errors.js';
import { isStorable } from './text.js';
import type { TokenRecord } from './state.js';
import type { ControlledStore, OrganizationRecord, StoreTx } from './store.js';

const MANAGE = 'member:manage';

/** Credentials as the adapters extract them: a bearer token or the session cookie value, or nothing. */
export type Credentials = string | null | undefined;

/**
 * Who is asking, once authenticated: the person, their permissions by organization slug (an entry, even empty,
 * means "belongs to that organization"), and a `key` stable for these credentials, which scopes Idempotency-Keys.
 * The mock resolves its tokens to an Actor (`key` is the token); the production server gets one from the host's
 * `authenticate(request)`. Admin operations and accept take `Actor | null` (null: nobody signed in).
 */
export interface Actor {
  person: { id: string; name: string; email: string };
  grants: Record<string, string[]>;
  key: string;
}

/** The Actor of stored credentials (the mock's tokens). */
export function tokenActor(token: TokenRecord): Actor {
  return { person: { ...token.person }, grants: structuredClone(token.grants), key: token.token };
}

/**
 * Resolves credentials against the store's tokens: the mock's authentication (and the server's `--dev-auth`).
 * Unknown credentials are nobody, as are none, and so is text no token can be (a malformed Authorization header
 * stands for a NUL marker, which never reaches the store: PostgreSQL refuses it).
 */
export function tokenAuthenticator(store: ControlledStore): (credentials: Credentials) => Promise<Actor | null> {
  return async (credentials) => {
    if (!credentials || !isStorable(credentials)) return null;
    const token = await store.transaction((tx) => tx.token(credentials), { readOnly: true });
    return token ? tokenActor(token) : null;
  };
}

export async function findOrg(tx: StoreTx, slug: string): Promise<OrganizationRecord> {
  const org = await tx.organization(slug);
  if (!org) throw new EngineError('not_found', `No organization "${slug}".`);
  return org;
}

export interface Admin {
  actor: Actor;
  org: OrganizationRecord;
}

/** The admin surface: someone signed in, belonging to `slug`, holding `member:manage` there. */
export async function requireAdmin(ctx: Ctx, actor: Actor | null, slug: string): Promise<Admin> {
  if (!actor) {
    throw new EngineError('unauthenticated', 'Sign in first: no credentials were sent, or they are not known.');
  }
  const grants = actor.grants[slug];
  const org = grants ? await ctx.tx.organization(slug) : undefined;
  if (!org || !grants) throw new EngineError('not_found', `No organization "${slug}".`);
  if (!grants.includes(MANAGE)) {
    throw new EngineError('forbidden', `Managing members of ${org.name} needs the permission ${MANAGE}.`);
  }
  return { actor, org };
}

/**
 * `requireAdmin` around a read of the organization's records, for a store that answers the organization from
 * that read's own statement (the SQL store's list page: one round trip instead of two). When the caller may
 * manage `slug`, which the credentials alone say, `read` runs first and the check after it; otherwise the check
 * refuses before anything is read. Errors keep the rules' order: whatever `read` throws (an invalid query or
 * cursor, or an organization that does not exist) is answered only once the check has passed.
 */
export async function asAdmin<T>(ctx: Ctx, actor: Actor | null, slug: string, read: () => Promise<T>): Promise<T> {
  if (!actor?.grants[slug]?.includes(MANAGE)) await requireAdmin(ctx, actor, slug);
  let value: T;
  try {
    value = await read();
  } catch (error) {
    await requireAdmin(ctx, actor, slug);
    throw error;
  }
  await requireAdmin(ctx, actor, slug);
  return value;
}
