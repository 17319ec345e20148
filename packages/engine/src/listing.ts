/** The admin lists: invitations (filter, search, sort) and members (by email). */
import {
  ExportInvitationsQuery,
  type Invitation,
  type InvitationSort,
  ListInvitationsQuery,
  ListMembersQuery,
  type Member,
  type Page,
} from '@invitekit/sdk';
import { type Credentials, requireAdmin } from './auth.js';
import type { Ctx } from './context.js';
import { type Ordering, paginate, sortAll } from './paging.js';
import type { InvitationRecord, MemberRecord, OrgRecord } from './state.js';
import { parseWith } from './validate.js';
import { invitationStatus, invitationView, memberView } from './views.js';

const DEFAULT_STATUS_FILTER = ['pending', 'expired'] as const;

/** The filter and order both the list and the export take (the list adds paging). */
type Filter = ExportInvitationsQuery;

function invitationOrdering(filter: Filter, now: number): Ordering<InvitationRecord> {
  const sort = filter.sort ?? 'invitedAt';
  const order = filter.order ?? 'desc';
  const keys: Record<InvitationSort, (inv: InvitationRecord) => string | number> = {
    email: (inv) => inv.email,
    status: (inv) => invitationStatus(inv, now),
    invitedAt: (inv) => inv.invitedAt,
    expiresAt: (inv) => inv.expiresAt,
  };
  return { tag: `invitations:${sort}:${order}`, key: keys[sort], id: (inv) => inv.id, order };
}

function matching(org: OrgRecord, filter: Filter, now: number): InvitationRecord[] {
  const statuses = new Set<string>(filter.status ?? DEFAULT_STATUS_FILTER);
  const q = filter.q?.trim().toLowerCase() ?? '';
  return org.invitations.filter(
    (inv) => statuses.has(invitationStatus(inv, now)) && (q === '' || inv.email.includes(q)),
  );
}

export function listInvitations(ctx: Ctx, credentials: Credentials, slug: string, rawQuery: unknown): Page<Invitation> {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const query = parseWith(ListInvitationsQuery, rawQuery, 'query');
  return paginate(matching(org, query, ctx.now), invitationOrdering(query, ctx.now), query, (inv) =>
    invitationView(org, inv, ctx.now),
  );
}

/** Every invitation the list would show with this filter and order, unpaged (for the CSV export). */
export function invitationsForExport(
  ctx: Ctx,
  credentials: Credentials,
  slug: string,
  rawQuery: unknown,
): { org: OrgRecord; invitations: Invitation[] } {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const query = parseWith(ExportInvitationsQuery, rawQuery, 'query');
  const sorted = sortAll(matching(org, query, ctx.now), invitationOrdering(query, ctx.now));
  return { org, invitations: sorted.map((inv) => invitationView(org, inv, ctx.now)) };
}

const memberOrdering: Ordering<MemberRecord> = { tag: 'members', key: (m) => m.email, id: (m) => m.id, order: 'asc' };

/** Members by email; `q` matches the address or the name, case-insensitively. */
export function listMembers(ctx: Ctx, credentials: Credentials, slug: string, rawQuery: unknown): Page<Member> {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const query = parseWith(ListMembersQuery, rawQuery, 'query');
  const q = query.q?.trim().toLowerCase() ?? '';
  const found = org.members.filter((m) => q === '' || m.email.includes(q) || (m.name ?? '').toLowerCase().includes(q));
  return paginate(found, memberOrdering, query, memberView);
}
