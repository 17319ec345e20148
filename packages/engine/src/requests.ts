/**
 * Invitation requests (rules.md): the public form, which never reveals who is a member, and the admin's
 * approve / dismiss / dismiss-stale.
 */
import {
  type Access,
  ApproveRequestBody,
  type ApproveRequestResult,
  type InvitationRequest,
  ListRequestsQuery,
  type Page,
  SubmitRequestBody,
  type SubmitRequestResult,
  isUsableEmail,
  normalizeEmail,
} from '@invitekit/sdk';
import { type Actor, asAdmin, findOrg, requireAdmin } from './auth.js';
import { type Ctx, newId } from './context.js';
import { EngineError } from './errors.js';
import { checkRole, domainAllowed } from './inviting.js';
import { issueInvitation } from './new-invitation.js';
import { TIME_KEY, page } from './paging.js';
import { checkRate, recordHit, submissionLimits } from './rate-limit.js';
import type { RequestRecord } from './state.js';
import { parseWith } from './validate.js';
import { oneInvitationView, requestView, requestViews } from './views.js';

export async function getAccess(ctx: Ctx, slug: string): Promise<Access> {
  const org = await findOrg(ctx.tx, slug);
  return {
    organization: { slug: org.slug, name: org.name },
    invitationRequestsEnabled: org.settings.invitationRequestsEnabled,
  };
}

/**
 * The login page's form. Checks, in order: organization, requests enabled, body, usable address, rate limits.
 * The answer is the same whether the address is a member, has asked before, or is new.
 */
export async function submitRequest(
  ctx: Ctx,
  slug: string,
  rawBody: unknown,
  remote: string,
): Promise<SubmitRequestResult> {
  const org = await findOrg(ctx.tx, slug);
  if (!org.settings.invitationRequestsEnabled) {
    throw new EngineError('requests_disabled', `${org.name} is not taking invitation requests at the moment.`);
  }
  const body = parseWith(SubmitRequestBody, rawBody, 'invitation request');
  const email = normalizeEmail(body.email);
  if (!isUsableEmail(email)) {
    throw new EngineError('invalid_email', 'Enter a valid email address, such as name@example.com.', {
      fieldErrors: [{ field: 'email', message: 'Not a valid email address' }],
    });
  }
  const limits = submissionLimits(org.slug, email, remote);
  await checkRate(ctx.tx, ctx.now, limits);
  await recordHit(
    ctx.tx,
    ctx.now,
    limits.map((l) => l.key),
  );
  if ((await ctx.tx.pendingRequests(slug, [email])).length === 0) {
    await ctx.tx.insertRequest(slug, {
      id: newId(ctx.random, 'req'),
      email,
      name: body.name?.trim() || null,
      message: body.message?.trim() || null,
      status: 'pending',
      requestedAt: ctx.now,
    });
  }
  return { status: 'received' };
}

export async function listRequests(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  rawQuery: unknown,
): Promise<Page<InvitationRequest>> {
  return asAdmin(ctx, actor, slug, () => {
    const query = parseWith(ListRequestsQuery, rawQuery, 'query');
    const statuses = query.status ?? ['pending'];
    return page({
      query,
      tag: 'requests',
      key: TIME_KEY,
      fetch: (after, limit) => ctx.tx.listRequests(slug, { statuses, after, limit }),
      position: (r) => ({ key: r.requestedAt, id: r.id }),
      views: (items) => requestViews(ctx.tx, slug, items),
    });
  });
}

async function pendingRequest(ctx: Ctx, slug: string, orgName: string, id: string): Promise<RequestRecord> {
  const req = await ctx.tx.request(slug, id);
  if (!req) throw new EngineError('not_found', `No invitation request "${id}" in ${orgName}.`);
  if (req.status !== 'pending') throw new EngineError('not_pending', `This request was already ${req.status}.`);
  return req;
}

export async function approveRequest(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  id: string,
  body: unknown = {},
): Promise<ApproveRequestResult> {
  const { role } = parseWith(ApproveRequestBody, body, 'body');
  const { org, actor: admin } = await requireAdmin(ctx, actor, slug);
  const chosen = checkRole(org, role);
  const req = await pendingRequest(ctx, slug, org.name, id);
  if (await ctx.tx.member(slug, req.email)) {
    throw new EngineError('already_member', `${req.email} is already a member; dismiss this request instead.`);
  }
  const [pending] = await ctx.tx.pendingInvitations(slug, [req.email], ctx.now);
  if (!pending && !domainAllowed(org, req.email)) {
    throw new EngineError(
      'domain_not_allowed',
      `${org.name} only invites addresses at ${org.settings.allowedDomains.join(', ')}.`,
    );
  }
  // Compare-and-set on the request as read above, before anything is made from it: when another process
  // approved or dismissed it meanwhile, the store throws StoreConflict and the rerun answers `not_pending`.
  const approved = { ...req, status: 'approved' as const };
  await ctx.tx.updateRequest(slug, approved, req);
  const invitedBy = { ...admin.person };
  const inv =
    pending ?? (await issueInvitation(ctx, org, { email: req.email, role: chosen, source: 'request', invitedBy }));
  return { request: requestView(approved, false), invitation: await oneInvitationView(ctx.tx, slug, inv, ctx.now) };
}

export async function dismissRequest(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  id: string,
): Promise<InvitationRequest> {
  const { org } = await requireAdmin(ctx, actor, slug);
  const req = await pendingRequest(ctx, slug, org.name, id);
  const dismissed = { ...req, status: 'dismissed' as const };
  await ctx.tx.updateRequest(slug, dismissed, req);
  return requestView(dismissed, false);
}

export async function dismissStaleRequests(ctx: Ctx, actor: Actor | null, slug: string) {
  await requireAdmin(ctx, actor, slug);
  const stale = await ctx.tx.staleRequests(slug);
  for (const req of stale) await ctx.tx.updateRequest(slug, { ...req, status: 'dismissed' }, req);
  return { dismissed: stale.length };
}
