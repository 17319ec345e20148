/**
 * Inviting (rules.md, Inviting): 1 to 100 addresses, each sent or skipped with the first reason that applies,
 * in request order; dry runs that store nothing; Idempotency-Key replays.
 */
import {
  type CreateInvitationsResult,
  CreateInvitationsBody,
  MAX_EMAILS_PER_INVITE,
  type SkippedAddress,
  isUsableEmail,
  isUsableNormalized,
  normalizeEmail,
} from '@invitekit/sdk';
import { type Actor, requireAdmin } from './auth.js';
import type { Ctx } from './context.js';
import { EngineError, invalid } from './errors.js';
import { idempotencyScope, record, replay } from './idempotency.js';
import { approvePendingRequests, buildInvitation, issueInvitation } from './new-invitation.js';
import type { OrganizationRecord } from './store.js';
import { parseWith } from './validate.js';
import { invitationView } from './views.js';

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

export function domainAllowed(org: OrganizationRecord, email: string): boolean {
  const allowed = org.settings.allowedDomains;
  return allowed.length === 0 || allowed.includes(domainOf(email));
}

/** Checks a role named for a batch: `undefined` → `null` (the default role); unknown → `invalid_request`. */
export function checkRole(org: OrganizationRecord, role: string | undefined): string | null {
  if (role === undefined) return null;
  if (!org.roles.includes(role)) throw invalid('role', `Unknown role "${role}"; one of: ${org.roles.join(', ')}`);
  return role;
}

interface Plan {
  send: string[];
  skipped: SkippedAddress[];
}

async function plan(ctx: Ctx, org: OrganizationRecord, emails: string[]): Promise<Plan> {
  const out: Plan = { send: [], skipped: [] };
  const given = emails.map((e) => e.trim());
  const members = await ctx.tx.memberEmails(org.slug, [
    ...new Set(given.filter(isUsableNormalized).map(normalizeEmail)),
  ]);
  // Which addresses already have a pending invitation: one read for the whole batch.
  const candidates = given.map(normalizeEmail).filter((email) => isUsableEmail(email) && !members.has(email));
  const pending = new Map(
    (await ctx.tx.pendingInvitations(org.slug, [...new Set(candidates)], ctx.now)).map((inv) => [inv.email, inv]),
  );
  const seen = new Set<string>();
  for (const trimmed of given) {
    const email = normalizeEmail(trimmed);
    const skip = (reason: SkippedAddress['reason'], invitationId?: string) => {
      out.skipped.push({ email: trimmed, reason, ...(invitationId ? { invitationId } : {}) });
    };
    if (!isUsableEmail(email)) {
      skip('invalid_email');
      continue;
    }
    if (seen.has(email)) {
      skip('duplicate');
      continue;
    }
    seen.add(email);
    if (members.has(email)) {
      skip('already_member');
      continue;
    }
    const invited = pending.get(email);
    if (invited) skip('already_invited', invited.id);
    else if (!domainAllowed(org, email)) skip('domain_not_allowed');
    else out.send.push(email);
  }
  return out;
}

export interface InviteOptions {
  idempotencyKey?: string | null | undefined;
}

export async function createInvitations(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  rawBody: unknown,
  options: InviteOptions = {},
): Promise<CreateInvitationsResult> {
  const admin = await requireAdmin(ctx, actor, slug);
  const { org } = admin;
  const body = parseWith(CreateInvitationsBody, rawBody, 'invitation request');
  if (body.emails.length === 0) throw invalid('emails', 'Give at least one email address');
  if (body.emails.length > MAX_EMAILS_PER_INVITE) {
    throw new EngineError(
      'too_many_emails',
      `At most ${MAX_EMAILS_PER_INVITE} addresses per request (got ${body.emails.length}); split them into blocks of ${MAX_EMAILS_PER_INVITE}.`,
    );
  }
  const role = checkRole(org, body.role);
  const key = options.idempotencyKey || null;
  const dryRun = body.dryRun === true;
  const scope = key && !dryRun ? idempotencyScope(org.slug, admin.actor.key, key) : null;
  if (scope) {
    const previous = await replay(ctx.tx, ctx.now, scope, body);
    if (previous !== undefined) return previous as CreateInvitationsResult;
  }

  const { send, skipped } = await plan(ctx, org, body.emails);
  const source = body.source ?? 'manual';
  const init = (email: string) => ({ email, role, source, invitedBy: { ...admin.actor.person } });
  const sent = [];
  for (const email of send) {
    if (dryRun) {
      const preview = buildInvitation(ctx, org, init(email));
      sent.push(invitationView({ ...preview, id: preview.id.replace(/^inv_/, 'preview_') }, ctx.now, false));
    } else {
      const inv = await issueInvitation(ctx, org, init(email));
      sent.push(invitationView(inv, ctx.now, false));
    }
  }
  if (!dryRun) await approvePendingRequests(ctx, org.slug, send);
  const result: CreateInvitationsResult = { sent, skipped };
  if (scope) await record(ctx.tx, ctx.now, scope, body, result);
  return result;
}
