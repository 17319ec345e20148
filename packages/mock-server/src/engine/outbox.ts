/** Every message the mock "sends" lands in the outbox, oldest first, so tests and the demo can follow links. */
import { normalizeEmail } from '@invitekit/sdk';
import { type Ctx, iso, linkFor, newCode, newId } from './context.js';
import type { InvitationRecord, MockState, OrgRecord, OutboxMessage, PersonRecord } from './state.js';

const SUBJECTS: Record<OutboxMessage['kind'], (org: OrgRecord) => string> = {
  invitation: (org) => `You're invited to join ${org.name}`,
  resend: (org) => `Reminder: you're invited to join ${org.name}`,
  renewal: (org) => `A new invitation to join ${org.name}`,
};

export function sendMessage(ctx: Ctx, org: OrgRecord, inv: InvitationRecord, kind: OutboxMessage['kind']): void {
  ctx.state.outbox.push({
    to: inv.email,
    kind,
    org: org.slug,
    subject: SUBJECTS[kind](org),
    url: linkFor(ctx, inv.code),
    code: inv.code,
    sentAt: iso(ctx.now),
  });
}

export function listOutbox(state: MockState, to?: string | null): OutboxMessage[] {
  const wanted = to ? normalizeEmail(to) : null;
  return state.outbox.filter((m) => wanted === null || m.to === wanted).map((m) => ({ ...m }));
}

export interface NewInvitation {
  email: string;
  role: string | null;
  source: InvitationRecord['source'];
  invitedBy: PersonRecord | null;
}

/** A pending invitation with a fresh code and the organization's current TTL; not stored, not sent. */
export function buildInvitation(ctx: Ctx, org: OrgRecord, init: NewInvitation): InvitationRecord {
  return {
    id: newId(ctx.random, 'inv'),
    email: init.email,
    state: 'pending',
    role: init.role,
    invitedAt: ctx.now,
    expiresAt: ctx.now + org.settings.invitationTtlDays * 24 * 60 * 60 * 1000,
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
export function issueInvitation(ctx: Ctx, org: OrgRecord, init: NewInvitation): InvitationRecord {
  const inv = buildInvitation(ctx, org, init);
  org.invitations.push(inv);
  sendMessage(ctx, org, inv, 'invitation');
  return inv;
}

/** Inviting (or approving) an address answers its pending request, if any (rules.md, Inviting). */
export function approvePendingRequests(org: OrgRecord, email: string): void {
  for (const req of org.requests) if (req.email === email && req.status === 'pending') req.status = 'approved';
}
