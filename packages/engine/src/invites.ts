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
import { type Credentials, findToken } from './auth.js';
import { type Ctx, iso, newId } from './context.js';
import { EngineError } from './errors.js';
import type { InvitationRecord, MockState, OrgRecord } from './state.js';
import { parseWith } from './validate.js';
import { invitationStatus, memberByEmail, memberView } from './views.js';

interface Found {
  org: OrgRecord;
  inv: InvitationRecord;
  /** Set when the code was replaced by a renewal: it reads `expired` with its old expiry. */
  replacedExpiresAt?: number;
}

function findCode(state: MockState, code: string): Found {
  if (code) {
    for (const org of state.orgs) {
      for (const inv of org.invitations) {
        if (inv.code === code) return { org, inv };
        const old = inv.replacedCodes.find((r) => r.code === code);
        if (old) return { org, inv, replacedExpiresAt: old.expiresAt };
      }
    }
  }
  throw new EngineError(
    'invalid_code',
    'This invitation code is not valid. Check the link, or ask for a new invitation.',
  );
}

function statusOf(found: Found, now: number) {
  return found.replacedExpiresAt !== undefined ? 'expired' : invitationStatus(found.inv, now);
}

export function lookupInvite(ctx: Ctx, code: string): InviteLookup {
  const found = findCode(ctx.state, code);
  const { org, inv } = found;
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
  if (status === 'expired')
    throw new EngineError('expired', 'This invitation has expired. Ask an admin for a new one.');
  if (status === 'revoked') throw new EngineError('revoked', 'This invitation was withdrawn by an admin.');
  if (status === 'accepted' || status === 'declined') {
    throw new EngineError('already_used', `This invitation was already ${status}; a code works once.`);
  }
}

export function acceptInvite(ctx: Ctx, credentials: Credentials, code: string, rawBody: unknown): AcceptInviteResult {
  const body = parseWith(AcceptInviteBody, rawBody ?? {}, 'accept request');
  const found = findCode(ctx.state, code);
  requirePending(found, ctx.now);
  const { org, inv } = found;
  // Unknown credentials on this public endpoint count as nobody signed in (see README).
  const signedIn = findToken(ctx.state, credentials);
  if (signedIn && normalizeEmail(signedIn.person.email) !== inv.email) {
    throw new EngineError(
      'email_mismatch',
      `You are signed in as ${signedIn.person.email}, but this invitation is for ${maskEmail(inv.email)}.`,
    );
  }
  inv.state = 'accepted';
  inv.acceptedAt = ctx.now;
  let member = memberByEmail(org, inv.email);
  if (!member) {
    member = {
      id: newId(ctx.random, 'mem'),
      email: inv.email,
      name: body.name?.trim() || signedIn?.person.name || null,
      role: inv.role ?? org.defaultRole,
      joinedAt: ctx.now,
      joinedVia: 'invitation',
    };
    org.members.push(member);
  }
  // Signing in with the invited address makes those credentials a member too (no permission).
  if (signedIn) signedIn.grants[org.slug] ??= [];
  return { organization: { slug: org.slug, name: org.name }, member: memberView(member) };
}

export function declineInvite(ctx: Ctx, code: string): DeclineInviteResult {
  const found = findCode(ctx.state, code);
  requirePending(found, ctx.now);
  found.inv.state = 'declined';
  found.inv.declinedAt = ctx.now;
  return { status: 'declined' };
}
