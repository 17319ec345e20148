/**
 * The invitee's side, public (rules.md, Lifecycle): look a code up (never uses it), accept, decline.
 * A code replaced by a renewal keeps reading `expired`.
 */
import {
  type AcceptInviteResult,
  AcceptInviteBody,
  type DeclineInviteResult,
  type InviteLookup,
  maskEmail,
  normalizeEmail,
} from '@invitekit/sdk';
import type { Actor } from './auth.js';
import { type Ctx, iso, newId } from './context.js';
import { EngineError } from './errors.js';
import type { InvitationRecord, MemberRecord } from './state.js';
import type { CodeMatch, OrganizationRecord } from './store.js';
import { parseWith } from './validate.js';
import { invitationStatus, memberView } from './views.js';

interface Found extends CodeMatch {
  organization: OrganizationRecord;
}

async function findCode(ctx: Ctx, code: string): Promise<Found> {
  const match = code ? await ctx.tx.invitationByCode(code) : undefined;
  const organization = match ? await ctx.tx.organization(match.org) : undefined;
  if (!match || !organization) {
    throw new EngineError(
      'invalid_code',
      'This invitation code is not valid. Check the link, or ask for a new invitation.',
    );
  }
  return { ...match, organization };
}

function statusOf(found: Found, now: number) {
  return found.replacedExpiresAt !== null ? 'expired' : invitationStatus(found.invitation, now);
}

export async function lookupInvite(ctx: Ctx, code: string): Promise<InviteLookup> {
  const found = await findCode(ctx, code);
  const { organization: org, invitation: inv } = found;
  return {
    organization: { slug: org.slug, name: org.name },
    email: maskEmail(inv.email),
    invitedBy: inv.invitedBy ? { name: inv.invitedBy.name } : null,
    role: inv.role,
    expiresAt: iso(found.replacedExpiresAt ?? inv.expiresAt),
    status: statusOf(found, ctx.now),
  };
}

/** The code must be pending: `expired`/`revoked` (410) or `already_used` (409) otherwise. */
function requirePending(found: Found, now: number): void {
  const status = statusOf(found, now);
  if (status === 'expired') {
    throw new EngineError('expired', 'This invitation has expired. Ask an admin for a new one.');
  }
  if (status === 'revoked') throw new EngineError('revoked', 'This invitation was withdrawn by an admin.');
  if (status === 'accepted' || status === 'declined') {
    throw new EngineError('already_used', `This invitation was already ${status}; a code works once.`);
  }
}

/**
 * Makes the invited person a member. `actor` is whoever is signed in (null: nobody; unknown credentials count as
 * nobody on this public endpoint, see README); a signed-in person must have the invited address.
 */
export async function acceptInvite(
  ctx: Ctx,
  actor: Actor | null,
  code: string,
  rawBody: unknown,
): Promise<{ answer: AcceptInviteResult; invitation: InvitationRecord }> {
  const body = parseWith(AcceptInviteBody, rawBody ?? {}, 'accept request');
  const found = await findCode(ctx, code);
  requirePending(found, ctx.now);
  const { organization: org, invitation: inv } = found;
  if (actor && normalizeEmail(actor.person.email) !== inv.email) {
    throw new EngineError(
      'email_mismatch',
      `You are signed in as ${actor.person.email}, but this invitation is for ${maskEmail(inv.email)}.`,
    );
  }
  // A compare-and-set: of two accepts racing, one wins and the other's rerun answers already_used.
  const accepted: InvitationRecord = { ...inv, state: 'accepted', acceptedAt: ctx.now };
  await ctx.tx.updateInvitation(org.slug, accepted, inv);
  let member = await ctx.tx.member(org.slug, inv.email);
  if (!member) {
    const joined: MemberRecord = {
      id: newId(ctx.random, 'mem'),
      email: inv.email,
      name: body.name?.trim() || actor?.person.name || null,
      role: inv.role ?? org.defaultRole,
      joinedAt: ctx.now,
      joinedVia: 'invitation',
    };
    await ctx.tx.insertMember(org.slug, joined);
    member = joined;
  }
  // Signing in with the invited address makes stored credentials (the mock's tokens) a member too.
  if (actor) await ctx.controls?.grantMembership(actor.key, org.slug);
  return {
    answer: { organization: { slug: org.slug, name: org.name }, member: memberView(member) },
    invitation: accepted,
  };
}

export async function declineInvite(ctx: Ctx, code: string): Promise<DeclineInviteResult> {
  const found = await findCode(ctx, code);
  requirePending(found, ctx.now);
  const inv = found.invitation;
  await ctx.tx.updateInvitation(found.org, { ...inv, state: 'declined', declinedAt: ctx.now }, inv);
  return { status: 'declined' };
}
