/**
 * Stored records → the wire objects of api.md. Status and stale flags are derived here, from the clock, at
 * read time, so nothing needs a background job.
 */
import type { Invitation, InvitationRequest, InvitationStatus, Member } from '@invitekit/sdk';
import { MAX_RESENDS } from './limits.js';
import { iso } from './context.js';
import type { InvitationRecord, MemberRecord, OrgRecord, RequestRecord } from './state.js';

export function invitationStatus(inv: InvitationRecord, now: number): InvitationStatus {
  if (inv.state === 'pending' && now >= inv.expiresAt) return 'expired';
  return inv.state;
}

export function memberByEmail(org: OrgRecord, email: string): MemberRecord | undefined {
  return org.members.find((m) => m.email === email);
}

export function isStaleInvitation(org: OrgRecord, inv: InvitationRecord, now: number): boolean {
  return invitationStatus(inv, now) === 'pending' && memberByEmail(org, inv.email) !== undefined;
}

/** Only a pending request can be stale: approved and dismissed ones need no action. */
export function isStaleRequest(org: OrgRecord, req: RequestRecord): boolean {
  return req.status === 'pending' && memberByEmail(org, req.email) !== undefined;
}

export function pendingInvitationFor(org: OrgRecord, email: string, now: number): InvitationRecord | undefined {
  return org.invitations.find((i) => i.email === email && invitationStatus(i, now) === 'pending');
}

export function invitationView(org: OrgRecord, inv: InvitationRecord, now: number): Invitation {
  return {
    id: inv.id,
    email: inv.email,
    status: invitationStatus(inv, now),
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
    stale: isStaleInvitation(org, inv, now),
  };
}

export function requestView(org: OrgRecord, req: RequestRecord): InvitationRequest {
  return {
    id: req.id,
    email: req.email,
    name: req.name,
    message: req.message,
    status: req.status,
    requestedAt: iso(req.requestedAt),
    stale: isStaleRequest(org, req),
  };
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
