/** Every message the mock "sends" lands in the outbox, oldest first, so tests and the demo can follow links. */
import { normalizeEmail } from '@invitekit/sdk';
import { type Ctx, iso, linkFor } from './context.js';
import { MAX_OUTBOX_MESSAGES } from './limits.js';
import type { InvitationRecord, MockState, OrgRecord, OutboxMessage } from './state.js';

const SUBJECTS: Record<OutboxMessage['kind'], (org: OrgRecord) => string> = {
  invitation: (org) => `You're invited to join ${org.name}`,
  resend: (org) => `Reminder: you're invited to join ${org.name}`,
  renewal: (org) => `A new invitation to join ${org.name}`,
};

/** Records a message; past MAX_OUTBOX_MESSAGES the oldest go, so the mock's state (and data file) stays bounded. */
export function sendMessage(ctx: Ctx, org: OrgRecord, inv: InvitationRecord, kind: OutboxMessage['kind']): void {
  const { outbox } = ctx.state;
  if (outbox.length >= MAX_OUTBOX_MESSAGES) outbox.splice(0, outbox.length - MAX_OUTBOX_MESSAGES + 1);
  outbox.push({
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
