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
  normalizeEmail,
} from '@invitekit/sdk';
import { type Credentials, requireAdmin } from './auth.js';
import type { Ctx } from './context.js';
import { EngineError, invalid } from './errors.js';
import { idempotencyScope, record, replay } from './idempotency.js';
import { approvePendingRequests, buildInvitation, issueInvitation } from './issue.js';
import type { OrgRecord } from './state.js';
import { parseWith } from './validate.js';
import { invitationView, memberByEmail, pendingInvitationFor } from './views.js';

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

export function domainAllowed(org: OrgRecord, email: string): boolean {
  const allowed = org.settings.allowedDomains;
  return allowed.length === 0 || allowed.includes(domainOf(email));
}

/** Checks a role named for a batch: `undefined` → `null` (the default role); unknown → `invalid_request`. */
export function checkRole(org: OrgRecord, role: string | undefined): string | null {
  if (role === undefined) return null;
  if (!org.roles.includes(role)) throw invalid('role', `Unknown role "${role}"; one of: ${org.roles.join(', ')}`);
  return role;
}

interface Plan {
  send: string[];
  skipped: SkippedAddress[];
}

function plan(org: OrgRecord, emails: string[], now: number): Plan {
  const out: Plan = { send: [], skipped: [] };
  const seen = new Set<string>();
  emails.forEach((given) => {
    const trimmed = given.trim();
    const email = trimmed.toLowerCase();
    const skip = (reason: SkippedAddress['reason'], invitationId?: string) => {
      out.skipped.push({ email: trimmed, reason, ...(invitationId ? { invitationId } : {}) });
    };
    if (!isUsableEmail(trimmed)) return skip('invalid_email');
    if (seen.has(email)) return skip('duplicate');
    seen.add(email);
    if (memberByEmail(org, email)) return skip('already_member');
    const pending = pendingInvitationFor(org, email, now);
    if (pending) return skip('already_invited', pending.id);
    if (!domainAllowed(org, email)) return skip('domain_not_allowed');
    out.send.push(email);
  });
  return out;
}

export interface InviteOptions {
  idempotencyKey?: string | null | undefined;
}

export function createInvitations(
  ctx: Ctx,
  credentials: Credentials,
  slug: string,
  rawBody: unknown,
  options: InviteOptions = {},
): CreateInvitationsResult {
  const { token, org } = requireAdmin(ctx.state, credentials, slug);
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
  const scope = key && !dryRun ? idempotencyScope(org.slug, token.token, key) : null;
  if (scope) {
    const previous = replay(ctx.state, ctx.now, scope, body);
    if (previous !== undefined) return previous as CreateInvitationsResult;
  }

  const { send, skipped } = plan(org, body.emails, ctx.now);
  const source = body.source ?? 'manual';
  const init = (email: string) => ({ email, role, source, invitedBy: token.person });
  const sent = send.map((email) => {
    if (dryRun) {
      const preview = buildInvitation(ctx, org, init(email));
      return invitationView(org, { ...preview, id: preview.id.replace(/^inv_/, 'preview_') }, ctx.now);
    }
    const inv = issueInvitation(ctx, org, init(email));
    approvePendingRequests(org, email);
    return invitationView(org, inv, ctx.now);
  });
  const result: CreateInvitationsResult = { sent, skipped };
  if (scope) record(ctx.state, ctx.now, scope, body, result);
  return result;
}
