/** The admin lists: invitations (filter, search, sort) and members (by email). */
import {
  ExportInvitationsQuery,
  type Invitation,
  type InvitationSort,
  ListInvitationsQuery,
  ListMembersQuery,
  type Member,
  type Page,
  SEARCH_TOTAL_CAP,
} from '@invitekit/sdk';
import { type Actor, asAdmin, requireAdmin } from './auth.js';
import type { Ctx } from './context.js';
import { type CursorKey, TEXT_KEY, TIME_KEY, cursorKeyOf, page } from './paging.js';
import type { InvitationRecord } from './state.js';
import type { InvitationListQuery, KeysetPosition, OrganizationRecord } from './store.js';
import { parseWith } from './validate.js';
import { invitationStatus, invitationViews, memberView } from './views.js';

const DEFAULT_STATUS_FILTER = ['pending', 'expired'] as const;

/** The kind of value each sort orders by, which its cursors must hold. */
const SORT_KEYS: Record<InvitationSort, CursorKey> = {
  email: TEXT_KEY,
  status: cursorKeyOf(['pending', 'accepted', 'declined', 'revoked', 'expired']),
  invitedAt: TIME_KEY,
  expiresAt: TIME_KEY,
};

/** The filter and order both the list and the export take (the list adds paging). */
type Filter = ExportInvitationsQuery;

function listQuery(filter: Filter, now: number): Omit<InvitationListQuery, 'after' | 'limit'> {
  return {
    now,
    statuses: filter.status ?? DEFAULT_STATUS_FILTER,
    q: filter.q?.trim().toLowerCase() ?? '',
    sort: filter.sort ?? 'invitedAt',
    order: filter.order ?? 'desc',
  };
}

/** Where an invitation stands in the list's order: the value it is sorted by, and its id. */
export function positionOf(query: Omit<InvitationListQuery, 'after' | 'limit'>, inv: InvitationRecord): KeysetPosition {
  const key = {
    email: inv.email,
    status: invitationStatus(inv, query.now),
    invitedAt: inv.invitedAt,
    expiresAt: inv.expiresAt,
  }[query.sort];
  return { key, id: inv.id };
}

export async function listInvitations(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  rawQuery: unknown,
): Promise<Page<Invitation>> {
  return asAdmin(ctx, actor, slug, () => {
    const parsed = parseWith(ListInvitationsQuery, rawQuery, 'query');
    const query = listQuery(parsed, ctx.now);
    return page({
      query: parsed,
      tag: `invitations:${query.sort}:${query.order}`,
      key: SORT_KEYS[query.sort],
      fetch: (after, limit) => ctx.tx.listInvitations(slug, { ...query, after, limit }),
      position: (inv) => positionOf(query, inv),
      views: (items) => invitationViews(ctx.tx, slug, items, ctx.now),
      ...(query.q === '' ? {} : { cap: SEARCH_TOTAL_CAP }),
    });
  });
}

/** The list query of an export (the list's filter and order, no page yet), once the admin is checked. */
export async function exportQuery(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  rawQuery: unknown,
): Promise<{ org: OrganizationRecord; query: Omit<InvitationListQuery, 'after' | 'limit'> }> {
  const { org } = await requireAdmin(ctx, actor, slug);
  return { org, query: listQuery(parseWith(ExportInvitationsQuery, rawQuery, 'query'), ctx.now) };
}

/** Members by email; `q` matches the address or the name, case-insensitively. */
export async function listMembers(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  rawQuery: unknown,
): Promise<Page<Member>> {
  return asAdmin(ctx, actor, slug, () => {
    const query = parseWith(ListMembersQuery, rawQuery, 'query');
    const q = query.q?.trim().toLowerCase() ?? '';
    return page({
      query,
      tag: 'members',
      key: TEXT_KEY,
      fetch: (after, limit) => ctx.tx.listMembers(slug, { q, after, limit }),
      position: (m) => ({ key: m.email, id: m.id }),
      views: (items) => items.map(memberView),
    });
  });
}
