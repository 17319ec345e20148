/** The admin side of an invitation's life (rules.md, Lifecycle): read, copy link, resend, renew, revoke, change role. */
import { type Invitation, type InvitationLink, UpdateInvitationBody } from '@invitekit/sdk';
import { type Actor, requireAdmin } from './auth.js';
import { type Ctx, linkFor, newCode } from './context.js';
import { EngineError } from './errors.js';
import { checkRole } from './inviting.js';
import { expiryFrom } from './new-invitation.js';
import { MAX_RESENDS } from './limits.js';
import { sendMessage } from './outbox.js';
import type { InvitationRecord } from './state.js';
import { parseWith } from './validate.js';
import { invitationStatus, invitationView, oneInvitationView } from './views.js';

async function adminInvitation(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
  const admin = await requireAdmin(ctx, actor, slug);
  const inv = await ctx.tx.invitation(slug, id);
  if (!inv) throw new EngineError('not_found', `No invitation "${id}" in ${admin.org.name}.`);
  return { ...admin, inv };
}

export async function getInvitation(ctx: Ctx, actor: Actor | null, slug: string, id: string): Promise<Invitation> {
  const { inv } = await adminInvitation(ctx, actor, slug, id);
  return oneInvitationView(ctx.tx, slug, inv, ctx.now);
}

export async function invitationLink(ctx: Ctx, actor: Actor | null, slug: string, id: string): Promise<InvitationLink> {
  const { inv } = await adminInvitation(ctx, actor, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status !== 'pending') {
    throw new EngineError('not_pending', `This invitation is ${status}; only a pending one has a usable link.`);
  }
  return { code: inv.code, url: linkFor(ctx, inv.code) };
}

/** Sends the same link again; at most MAX_RESENDS times per code; does not extend the expiry. */
export async function resendInvitation(ctx: Ctx, actor: Actor | null, slug: string, id: string): Promise<Invitation> {
  const { org, inv } = await adminInvitation(ctx, actor, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status !== 'pending') {
    const hint = status === 'expired' ? ' Send a new invitation instead.' : '';
    throw new EngineError('not_pending', `This invitation is ${status}; only a pending one can be resent.${hint}`);
  }
  if (inv.resendCount >= MAX_RESENDS) {
    throw new EngineError('resend_limit_reached', `This invitation was already resent ${MAX_RESENDS} times.`);
  }
  const next = { ...inv, resendCount: inv.resendCount + 1, lastSentAt: ctx.now };
  await ctx.tx.updateInvitation(slug, next, inv);
  await sendMessage(ctx, org, next, 'resend');
  return oneInvitationView(ctx.tx, slug, next, ctx.now);
}

/**
 * "Send new invitation": only an expired one; same id, fresh code, new window, new inviter. Never a second
 * pending invitation for the address, nor an invitation for a member (rules.md, renew).
 */
export async function renewInvitation(ctx: Ctx, actor: Actor | null, slug: string, id: string): Promise<Invitation> {
  const { org, inv, actor: admin } = await adminInvitation(ctx, actor, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status === 'pending') throw new EngineError('not_expired', 'This invitation has not expired; resend it instead.');
  if (status !== 'expired') {
    throw new EngineError('not_renewable', `This invitation is ${status}; only an expired one can be renewed.`);
  }
  if (await ctx.tx.member(slug, inv.email)) {
    throw new EngineError('already_member', `${inv.email} is already a member of ${org.name}.`);
  }
  const [other] = await ctx.tx.pendingInvitations(slug, [inv.email], ctx.now);
  if (other) {
    throw new EngineError(
      'not_renewable',
      `${inv.email} already has a pending invitation (${other.id}); resend or revoke that one instead.`,
    );
  }
  const next: InvitationRecord = {
    ...inv,
    replacedCodes: [...inv.replacedCodes, { code: inv.code, expiresAt: inv.expiresAt }],
    code: newCode(ctx.random),
    invitedAt: ctx.now,
    lastSentAt: ctx.now,
    expiresAt: expiryFrom(org, ctx.now),
    resendCount: 0,
    invitedBy: { ...admin.person },
  };
  await ctx.tx.updateInvitation(slug, next, inv);
  await sendMessage(ctx, org, next, 'renewal');
  return invitationView(next, ctx.now, false);
}

/**
 * Changes the role a pending invitation gives (`null`: the organization's default role). Only a pending one: the
 * code, the expiry and the resends stay as they were, so the link already sent keeps working.
 */
export async function updateInvitation(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  id: string,
  body: unknown,
): Promise<Invitation> {
  const { role } = parseWith(UpdateInvitationBody, body, 'body');
  const { org, inv } = await adminInvitation(ctx, actor, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status !== 'pending') {
    throw new EngineError('not_pending', `This invitation is ${status}; only a pending one can change its role.`);
  }
  const next = { ...inv, role: role === null ? null : checkRole(org, role) };
  if (next.role === inv.role) return oneInvitationView(ctx.tx, slug, inv, ctx.now);
  await ctx.tx.updateInvitation(slug, next, inv);
  return oneInvitationView(ctx.tx, slug, next, ctx.now);
}

function revoked(inv: InvitationRecord, now: number): InvitationRecord {
  return { ...inv, state: 'revoked', revokedAt: now };
}

/** Pending or expired → revoked; revoked again answers the same; accepted or declined → `not_revocable`. */
export async function revokeInvitation(ctx: Ctx, actor: Actor | null, slug: string, id: string): Promise<Invitation> {
  const { inv } = await adminInvitation(ctx, actor, slug, id);
  const status = invitationStatus(inv, ctx.now);
  if (status === 'accepted' || status === 'declined') {
    throw new EngineError('not_revocable', `This invitation was already ${status}.`);
  }
  if (status === 'revoked') return oneInvitationView(ctx.tx, slug, inv, ctx.now);
  const next = revoked(inv, ctx.now);
  await ctx.tx.updateInvitation(slug, next, inv);
  return invitationView(next, ctx.now, false); // a revoked invitation is never stale
}

/** Revokes every stale pending invitation (its address became a member) and counts them. */
export async function revokeStaleInvitations(ctx: Ctx, actor: Actor | null, slug: string) {
  await requireAdmin(ctx, actor, slug);
  const stale = await ctx.tx.staleInvitations(slug, ctx.now);
  for (const inv of stale) await ctx.tx.updateInvitation(slug, revoked(inv, ctx.now), inv);
  return { revoked: stale.length };
}
