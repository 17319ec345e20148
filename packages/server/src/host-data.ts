/**
 * What the host tells the kit directly, outside HTTP: its organizations (slug, name, roles) and joins or
 * departures that did not go through an invitation (SSO, SCIM). A join runs through the engine (the same rule
 * as the mock's join control: an existing member is kept); it makes the address's pending invitation and
 * requests stale, as rules.md says. A departure removes the kit's member row; the host's own records are its own.
 */
import { DEFAULT_TTL_DAYS, type Engine } from '@invitekit/engine';
import { normalizeEmail } from '@invitekit/sdk';
import type { OpenDatabase } from './db/connect.js';
import type { SqlStore } from './store/sql-store.js';

interface Started {
  database: OpenDatabase;
  store: SqlStore;
  engine: Engine;
}

export interface JoinOutsideInvitation {
  email: string;
  name?: string | null;
  role?: string;
  via: 'sso' | 'scim';
}

export interface HostMembers {
  /** Adds the member (or answers the existing one, unchanged): `{ member, created }`. */
  upsert(org: string, join: JoinOutsideInvitation): ReturnType<Engine['joinMember']>;
  /** Removes the member with this address; answers whether there was one. */
  remove(org: string, email: string): Promise<boolean>;
}

export interface OrganizationInput {
  slug: string;
  name: string;
  /** The roles an invitation may name. */
  roles: string[];
  /** The role an invitation without one grants; one of `roles`. */
  defaultRole: string;
}

export interface HostOrganizations {
  /** Creates the organization (default settings) or updates its name and roles, keeping its settings. */
  upsert(org: OrganizationInput): Promise<void>;
}

export function hostMembers(started: Promise<Started>): HostMembers {
  return {
    async upsert(org, join) {
      const { engine } = await started;
      return engine.joinMember(org, join);
    },
    async remove(org, email) {
      const { database } = await started;
      const result = await database.db
        .deleteFrom('members')
        .where('org', '=', org)
        .where('email', '=', normalizeEmail(email))
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export function hostOrganizations(started: Promise<Started>): HostOrganizations {
  return {
    async upsert(org) {
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(org.slug)) {
        throw new Error(`An organization slug is 1 to 63 lower-case letters, digits and dashes, not "${org.slug}"`);
      }
      if (org.name.trim() === '') throw new Error('An organization needs a name');
      if (!org.roles.includes(org.defaultRole)) {
        throw new Error(`The default role "${org.defaultRole}" is not one of the roles ${JSON.stringify(org.roles)}`);
      }
      const { database } = await started;
      const roles = JSON.stringify(org.roles);
      await database.db
        .insertInto('organizations')
        .values({
          slug: org.slug,
          name: org.name.trim(),
          roles,
          default_role: org.defaultRole,
          invitation_requests_enabled: false,
          invitation_ttl_days: DEFAULT_TTL_DAYS,
          allowed_domains: '[]',
        })
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet({ name: org.name.trim(), roles, default_role: org.defaultRole }),
        )
        .execute();
    },
  };
}
