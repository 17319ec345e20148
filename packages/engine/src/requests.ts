/**
 * Invitation requests (rules.md): the public form, which never reveals who is a member, and the admin's
 * approve / dismiss / dismiss-stale.
 */
import {
  type Access,
  type ApproveRequestResult,
  type InvitationRequest,
  ListRequestsQuery,
  type Page,
  SubmitRequestBody,
  type SubmitRequestResult,
  isUsableEmail,
  normalizeEmail,
} from '@invitekit/sdk';
import { type Credentials, findOrg, requireAdmin } from './auth.js';
import { type Ctx, newId } from './context.js';
import { EngineError } from './errors.js';
import { domainAllowed } from './invitations.js';
import { approvePendingRequests, issueInvitation } from './issue.js';
import { type Ordering, paginate } from './paging.js';
import { checkRate, recordHit, submissionLimits } from './rate-limit.js';
import type { OrgRecord, RequestRecord } from './state.js';
import { parseWith } from './validate.js';
import { invitationView, isStaleRequest, memberByEmail, pendingInvitationFor, requestView } from './views.js';

export function getAccess(ctx: Ctx, slug: string): Access {
  const org = findOrg(ctx.state, slug);
  return {
    organization: { slug: org.slug, name: org.name },
    invitationRequestsEnabled: org.settings.invitationRequestsEnabled,
  };
}

/**
 * The login page's form. Checks, in order: organization, requests enabled, body, usable address, rate limits.
 * The answer is the same whether the address is a member, has asked before, or is new.
 */
export function submitRequest(ctx: Ctx, slug: string, rawBody: unknown, remote: string): SubmitRequestResult {
  const org = findOrg(ctx.state, slug);
  if (!org.settings.invitationRequestsEnabled) {
    throw new EngineError('requests_disabled', `${org.name} is not taking invitation requests at the moment.`);
  }
  const body = parseWith(SubmitRequestBody, rawBody, 'invitation request');
  const trimmed = body.email.trim();
  if (!isUsableEmail(trimmed)) {
    throw new EngineError('invalid_email', 'Enter a valid email address, such as name@example.com.', {
      fieldErrors: [{ field: 'email', message: 'Not a valid email address' }],
    });
  }
  const email = normalizeEmail(trimmed);
  const limits = submissionLimits(org.slug, email, remote);
  checkRate(ctx.state, ctx.now, limits);
  recordHit(
    ctx.state,
    ctx.now,
    limits.map((l) => l.key),
  );
  const alreadyPending = org.requests.some((r) => r.email === email && r.status === 'pending');
  if (!alreadyPending) {
    org.requests.push({
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

const newestFirst: Ordering<RequestRecord> = {
  tag: 'requests',
  key: (r) => r.requestedAt,
  id: (r) => r.id,
  order: 'desc',
};

export function listRequests(
  ctx: Ctx,
  credentials: Credentials,
  slug: string,
  rawQuery: unknown,
): Page<InvitationRequest> {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const query = parseWith(ListRequestsQuery, rawQuery, 'query');
  const statuses = new Set<string>(query.status ?? ['pending']);
  const found = org.requests.filter((r) => statuses.has(r.status));
  return paginate(found, newestFirst, query, (r) => requestView(org, r));
}

function pendingRequest(org: OrgRecord, id: string): RequestRecord {
  const req = org.requests.find((r) => r.id === id);
  if (!req) throw new EngineError('not_found', `No invitation request "${id}" in ${org.name}.`);
  if (req.status !== 'pending') throw new EngineError('not_pending', `This request was already ${req.status}.`);
  return req;
}

export function approveRequest(ctx: Ctx, credentials: Credentials, slug: string, id: string): ApproveRequestResult {
  const { org, token } = requireAdmin(ctx.state, credentials, slug);
  const req = pendingRequest(org, id);
  if (memberByEmail(org, req.email)) {
    throw new EngineError('already_member', `${req.email} is already a member; dismiss this request instead.`);
  }
  let inv = pendingInvitationFor(org, req.email, ctx.now);
  if (!inv) {
    if (!domainAllowed(org, req.email)) {
      throw new EngineError(
        'domain_not_allowed',
        `${org.name} only invites addresses at ${org.settings.allowedDomains.join(', ')}.`,
      );
    }
    inv = issueInvitation(ctx, org, { email: req.email, role: null, source: 'request', invitedBy: token.person });
  }
  approvePendingRequests(org, req.email);
  return { request: requestView(org, req), invitation: invitationView(org, inv, ctx.now) };
}

export function dismissRequest(ctx: Ctx, credentials: Credentials, slug: string, id: string): InvitationRequest {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const req = pendingRequest(org, id);
  req.status = 'dismissed';
  return requestView(org, req);
}

export function dismissStaleRequests(ctx: Ctx, credentials: Credentials, slug: string): { dismissed: number } {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const stale = org.requests.filter((r) => isStaleRequest(org, r));
  for (const req of stale) req.status = 'dismissed';
  return { dismissed: stale.length };
}
