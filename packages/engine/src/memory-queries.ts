/**
 * The memory store's lookups: indexes by id, address and code (rebuilt whenever a transaction is undone or the
 * state replaced, kept up to date by each write otherwise), and the invitation list query.
 */
import { keysetSlice } from './keyset.js';
import type { InvitationRecord, StoreState } from './state.js';
import type { InvitationListQuery, Slice, SortValue } from './store.js';
import { invitationStatus } from './views.js';

export interface OrgIndexes {
  /** Address → position in `members`. */
  memberByEmail: Map<string, number>;
  /** Id → position in `invitations`. */
  invitationById: Map<string, number>;
  /** Address → ids of its invitations, oldest first. */
  invitationsByEmail: Map<string, string[]>;
}

export interface StoreIndexes {
  orgs: Map<string, OrgIndexes>;
  /** Every code, current or replaced by a renewal → its invitation. */
  codes: Map<string, { org: string; id: string }>;
}

export function buildIndexes(state: StoreState): StoreIndexes {
  const indexes: StoreIndexes = { orgs: new Map(), codes: new Map() };
  for (const org of state.orgs) {
    const index: OrgIndexes = { memberByEmail: new Map(), invitationById: new Map(), invitationsByEmail: new Map() };
    org.members.forEach((m, i) => index.memberByEmail.set(m.email, i));
    org.invitations.forEach((inv, i) => {
      index.invitationById.set(inv.id, i);
      index.invitationsByEmail.set(inv.email, [...(index.invitationsByEmail.get(inv.email) ?? []), inv.id]);
      indexes.codes.set(inv.code, { org: org.slug, id: inv.id });
      for (const old of inv.replacedCodes) indexes.codes.set(old.code, { org: org.slug, id: inv.id });
    });
    indexes.orgs.set(org.slug, index);
  }
  return indexes;
}

/** The invitation list of store.ts over an array: filter by status at `now` and substring, then keyset order. */
export function listInvitationRecords(
  invitations: readonly InvitationRecord[],
  query: InvitationListQuery,
): Slice<InvitationRecord> {
  const statuses = new Set<string>(query.statuses);
  const found = invitations.filter(
    (inv) => statuses.has(invitationStatus(inv, query.now)) && (query.q === '' || inv.email.includes(query.q)),
  );
  const keys: Record<InvitationListQuery['sort'], (inv: InvitationRecord) => SortValue> = {
    email: (inv) => inv.email,
    status: (inv) => invitationStatus(inv, query.now),
    invitedAt: (inv) => inv.invitedAt,
    expiresAt: (inv) => inv.expiresAt,
  };
  return keysetSlice(found, keys[query.sort], query.order, query.after, query.limit);
}
