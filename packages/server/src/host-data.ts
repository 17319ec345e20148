/**
 * What the host tells the kit directly, outside HTTP: its organizations (slug, name, roles) and joins or
 * departures that did not go through an invitation (SSO, SCIM). Each is an engine operation (engine/src/host.ts),
 * the same rules the mock runs; a refusal throws the engine's `EngineError` (`invalid_request` naming the field,
 * `not_found` for an unknown organization).
 */
import type { Engine, JoinOutsideInvitation, OrganizationInput, OrganizationRecord } from '@invitekit/engine';

export type { JoinOutsideInvitation, OrganizationInput } from '@invitekit/engine';

export interface HostMembers {
  /** Adds the member (or answers the existing one, unchanged): `{ member, created }`. */
  upsert(org: string, join: JoinOutsideInvitation): ReturnType<Engine['joinMember']>;
  /** Removes the member with this address; answers whether there was one. */
  remove(org: string, email: string): Promise<boolean>;
}

export interface HostOrganizations {
  /** Creates the organization (default settings) or updates its name and roles, keeping its settings. */
  upsert(org: OrganizationInput): Promise<{ organization: OrganizationRecord; created: boolean }>;
  /** Every organization the kit knows, by slug. */
  list(): Promise<OrganizationRecord[]>;
}

export function hostMembers(engine: () => Promise<Engine>): HostMembers {
  return {
    upsert: async (org, join) => (await engine()).joinMember(org, join),
    remove: async (org, email) => (await engine()).removeMember(org, email),
  };
}

export function hostOrganizations(engine: () => Promise<Engine>): HostOrganizations {
  return {
    upsert: async (org) => (await engine()).upsertOrganization(org),
    list: async () => (await engine()).organizations(),
  };
}
