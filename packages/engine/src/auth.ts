/**
 * Who is asking, and may they? Order of rules.md: authentication first (401), then the organization, which is
 * `not_found` for anyone who does not belong to it (no tenant learns about another), then the permission (403).
 */
import { EngineError } from './errors.js';
import type { MockState, OrgRecord, TokenRecord } from './state.js';

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

export function findToken(state: MockState, credentials: Credentials): TokenRecord | undefined {
  if (!credentials) return undefined;
  return state.tokens.find((t) => t.token === credentials);
}

export function findOrg(state: MockState, slug: string): OrgRecord {
  const org = state.orgs.find((o) => o.slug === slug);
  if (!org) throw new EngineError('not_found', `No organization "${slug}".`);
  return org;
}

export interface Admin {
  token: TokenRecord;
  org: OrgRecord;
}

/** The admin surface: a known token, belonging to `slug`, holding `member:manage` there. */
export function requireAdmin(state: MockState, credentials: Credentials, slug: string): Admin {
  const token = findToken(state, credentials);
  if (!token) {
    throw new EngineError(
      'unauthenticated',
      credentials ? 'These credentials are not known.' : 'Sign in first: no credentials were sent.',
    );
  }
  const org = state.orgs.find((o) => o.slug === slug);
  const grants = token.grants[slug];
  if (!org || !grants) throw new EngineError('not_found', `No organization "${slug}".`);
  if (!grants.includes(MANAGE)) {
    throw new EngineError('forbidden', `Managing members of ${org.name} needs the permission ${MANAGE}.`);
  }
  return { token, org };
}
