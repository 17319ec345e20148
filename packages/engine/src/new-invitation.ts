/** Making an invitation (rules.md, Inviting): a fresh id and code, and an expiry from the organization's TTL. */
import { type Ctx, newCode, newId } from './context.js';
import { sendMessage } from './outbox.js';
import type { InvitationRecord, PersonRecord } from './state.js';
import type { OrganizationRecord } from './store.js';

const DAY = 24 * 60 * 60 * 1000;

/** The expiry of an invitation sent (or renewed) at `now`: the TTL in force then, not the one at read time. */
export function expiryFrom(org: OrganizationRecord, now: number): number {
  return now + org.settings.invitationTtlDays * DAY;
}

export interface NewInvitation {
  email: string;
  role: string | null;
  source: InvitationRecord['source'];
  invitedBy: PersonRecord | null;
}

/** A pending invitation with a fresh code and the organization's current TTL; not stored, not sent. */
export function buildInvitation(ctx: Ctx, org: OrganizationRecord, init: NewInvitation): InvitationRecord {
  return {
    id: newId(ctx.random, 'inv'),
    email: init.email,
    state: 'pending',
    role: init.role,
    invitedAt: ctx.now,
    expiresAt: expiryFrom(org, ctx.now),
    invitedBy: init.invitedBy ? { ...init.invitedBy } : null,
    source: init.source,
    resendCount: 0,
    lastSentAt: ctx.now,
    acceptedAt: null,
    declinedAt: null,
    revokedAt: null,
    code: newCode(ctx.random),
    replacedCodes: [],
  };
}

/** Stores and sends a new invitation. */
export async function issueInvitation(ctx: Ctx, org: OrganizationRecord, init: NewInvitation) {
  const inv = buildInvitation(ctx, org, init);
  await ctx.tx.insertInvitation(org.slug, inv);
  await sendMessage(ctx, org, inv, 'invitation');
  return inv;
}

/** Inviting addresses answers their pending requests, if any (rules.md, Inviting): one read for the batch. */
export async function approvePendingRequests(ctx: Ctx, org: string, emails: readonly string[]) {
  for (const req of await ctx.tx.pendingRequests(org, emails)) {
    await ctx.tx.updateRequest(org, { ...req, status: 'approved' }, req);
  }
}
