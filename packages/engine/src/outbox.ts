/**
 * Every message the kit sends goes through the store's outbox: the mock keeps the newest (its controls list them,
 * so tests and the demo can follow links); the production server sends them once the transaction commits.
 */
import { type Ctx, iso, linkFor } from './context.js';
import type { InvitationRecord, OutboxMessage } from './state.js';
import type { OrganizationRecord } from './store.js';

const SUBJECTS: Record<OutboxMessage['kind'], (org: OrganizationRecord) => string> = {
  invitation: (org) => `You're invited to join ${org.name}`,
  resend: (org) => `Reminder: you're invited to join ${org.name}`,
  renewal: (org) => `A new invitation to join ${org.name}`,
};

export function sendMessage(
  ctx: Ctx,
  org: OrganizationRecord,
  inv: InvitationRecord,
  kind: OutboxMessage['kind'],
): Promise<void> {
  return ctx.tx.appendMessage({
    to: inv.email,
    kind,
    org: org.slug,
    subject: SUBJECTS[kind](org),
    url: linkFor(ctx, inv.code),
    code: inv.code,
    sentAt: iso(ctx.now),
  });
}
