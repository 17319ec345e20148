/**
 * Stored records → the wire objects of api.md. Status and stale flags are derived here, from the clock, at
 * read time, so nothing needs a background job.
 */
import type { Invitation, InvitationRequest, InvitationStatus, Member } from '@invitekit/sdk';
import { iso } from './context.js';
import { MAX_RESENDS } from './limits.js';
import type { InvitationRecord, MemberRecord, RequestRecord } from './state.js';
import type { StoreTx } from './store.js';

export function invitationStatus(inv: InvitationRecord, now: number): InvitationStatus {
  if (inv.state === 'pending' && now >= inv.expiresAt) return 'expired';
  return inv.state;
}

/** `stale`: pending, while its address already belongs to an active member. */
export function invitationView(inv: InvitationRecord, now: number, isMember: boolean): Invitation {
  const status = invitationStatus(inv, now);
  return {
    id: inv.id,
    email: inv.email,
    status,
    role: inv.role,
    invitedAt: iso(inv.invitedAt),
    expiresAt: iso(inv.expiresAt),
    invitedBy: inv.invitedBy ? { ...inv.invitedBy } : null,
    source: inv.source,
    resendCount: inv.resendCount,
    resendsRemaining: Math.max(0, MAX_RESENDS - inv.resendCount),
    lastSentAt: iso(inv.lastSentAt),
    acceptedAt: inv.acceptedAt === null ? null : iso(inv.acceptedAt),
    declinedAt: inv.declinedAt === null ? null : iso(inv.declinedAt),
    revokedAt: inv.revokedAt === null ? null : iso(inv.revokedAt),
    stale: status === 'pending' && isMember,
  };
}

/** Views of several invitations, with their stale flags from one lookup of the members among their addresses. */
export async function invitationViews(
  tx: StoreTx,
  org: string,
  invitations: readonly InvitationRecord[],
  now: number,
): Promise<Invitation[]> {
  const members = await tx.memberEmails(org, [...new Set(invitations.map((inv) => inv.email))]);
  return invitations.map((inv) => invitationView(inv, now, members.has(inv.email)));
}

export async function oneInvitationView(tx: StoreTx, org: string, inv: InvitationRecord, now: number) {
  return invitationView(inv, now, (await tx.member(org, inv.email)) !== undefined);
}

/** Only a pending request can be stale: approved and dismissed ones need no action. */
export function requestView(req: RequestRecord, isMember: boolean): InvitationRequest {
  return {
    id: req.id,
    email: req.email,
    name: req.name,
    message: req.message,
    status: req.status,
    requestedAt: iso(req.requestedAt),
    stale: req.status === 'pending' && isMember,
  };
}

export async function requestViews(tx: StoreTx, org: string, requests: readonly RequestRecord[]) {
  const members = await tx.memberEmails(org, [...new Set(requests.map((r) => r.email))]);
  return requests.map((r) => requestView(r, members.has(r.email)));
}

export function memberView(member: MemberRecord): Member {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    role: member.role,
    joinedAt: iso(member.joinedAt),
    joinedVia: member.joinedVia,
  };
}
