/** The admin side of an invitation's life (rules.md, Lifecycle): read, copy link, resend, renew, revoke. */
import type { Invitation, InvitationLink } from '@invitekit/sdk';
import { MAX_RESENDS } from './limits.js';
import { type Credentials, requireAdmin } from './auth.js';
import { type Ctx, linkFor, newCode } from './context.js';
import { EngineError } from './errors.js';
import { expiryFrom } from './issue.js';
import { sendMessage } from './outbox.js';
import type { InvitationRecord, OrgRecord } from './state.js';
import { invitationStatus, invitationView, isStaleInvitation, memberByEmail, pendingInvitationFor } from './views.js';

function findInvitation(org: OrgRecord, id: string): InvitationRecord {
  const inv = org.invitations.find((i) => i.id === id);
  if (!inv) throw new EngineError('not_found', `No invitation "${id}" in ${org.name}.`);
  return inv;
}

function adminInvitation(ctx: Ctx, credentials: Credentials, slug: string, id: string) {
  const admin = requireAdmin(ctx.state, credentials, slug);
  return { ...admin, inv: findInvitation(admin.org, id) };
}

export function getInvitation(ctx: Ctx, credentials: Credentials, slug: string, id: string): Invitation {
  const { org, inv } = adminInvitation(ctx, credentials, slug, id);
  return invitationView(org, inv, ctx.now);
}

export function invitationLink(ctx: Ctx, credentials: Credentials, slug: string, id: string): InvitationLink {
  const { inv } = adminInvitation(ctx, credentials, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status !== 'pending')
    throw new EngineError('not_pending', `This invitation is ${status}; only a pending one has a usable link.`);
  return { code: inv.code, url: linkFor(ctx, inv.code) };
}

/** Sends the same link again; at most MAX_RESENDS times per code; does not extend the expiry. */
export function resendInvitation(ctx: Ctx, credentials: Credentials, slug: string, id: string): Invitation {
  const { org, inv } = adminInvitation(ctx, credentials, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status !== 'pending') {
    const hint = status === 'expired' ? ' Send a new invitation instead.' : '';
    throw new EngineError('not_pending', `This invitation is ${status}; only a pending one can be resent.${hint}`);
  }
  if (inv.resendCount >= MAX_RESENDS) {
    throw new EngineError('resend_limit_reached', `This invitation was already resent ${MAX_RESENDS} times.`);
  }
  inv.resendCount += 1;
  inv.lastSentAt = ctx.now;
  sendMessage(ctx, org, inv, 'resend');
  return invitationView(org, inv, ctx.now);
}

/** "Send new invitation": only an expired one; same id, fresh code, new window, new inviter. */
export function renewInvitation(ctx: Ctx, credentials: Credentials, slug: string, id: string): Invitation {
  const { org, inv, token } = adminInvitation(ctx, credentials, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status === 'pending') throw new EngineError('not_expired', 'This invitation has not expired; resend it instead.');
  if (status !== 'expired')
    throw new EngineError('not_renewable', `This invitation is ${status}; only an expired one can be renewed.`);
  // Renewing must not make a second pending invitation for one address, nor invite a member (rules.md, renew).
  if (memberByEmail(org, inv.email)) {
    throw new EngineError('already_member', `${inv.email} is already a member of ${org.name}.`);
  }
  const other = pendingInvitationFor(org, inv.email, ctx.now);
  if (other) {
    throw new EngineError(
      'not_renewable',
      `${inv.email} already has a pending invitation (${other.id}); resend or revoke that one instead.`,
    );
  }
  inv.replacedCodes.push({ code: inv.code, expiresAt: inv.expiresAt });
  inv.code = newCode(ctx.random);
  inv.invitedAt = ctx.now;
  inv.lastSentAt = ctx.now;
  inv.expiresAt = expiryFrom(org, ctx.now);
  inv.resendCount = 0;
  inv.invitedBy = { ...token.person };
  sendMessage(ctx, org, inv, 'renewal');
  return invitationView(org, inv, ctx.now);
}

function revokeRecord(inv: InvitationRecord, now: number): void {
  inv.state = 'revoked';
  inv.revokedAt = now;
}

/** Pending or expired → revoked; revoked again answers the same; accepted or declined → `not_revocable`. */
export function revokeInvitation(ctx: Ctx, credentials: Credentials, slug: string, id: string): Invitation {
  const { org, inv } = adminInvitation(ctx, credentials, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status === 'accepted' || status === 'declined') {
    throw new EngineError('not_revocable', `This invitation was already ${status}.`);
  }
  if (status !== 'revoked') revokeRecord(inv, ctx.now);
  return invitationView(org, inv, ctx.now);
}

/** Revokes every stale pending invitation (its address became a member) and counts them. */
export function revokeStaleInvitations(ctx: Ctx, credentials: Credentials, slug: string): { revoked: number } {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const stale = org.invitations.filter((inv) => isStaleInvitation(org, inv, ctx.now));
  for (const inv of stale) revokeRecord(inv, ctx.now);
  return { revoked: stale.length };
}
