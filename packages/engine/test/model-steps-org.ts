/**
 * The model-based test's steps for everything around invitations (model-steps.ts has the invitations
 * themselves): the clock, requests from the login page and their approval, stale records, SSO/SCIM joins, and
 * settings. Each answers the engine call and what rules.md says must come of it.
 */
import assert from 'node:assert/strict';
import { type ApproveRequestResult, type Member, type Settings, normalizeEmail } from '@invitekit/sdk';
import type { Op } from './model-ops.js';
import {
  type Call,
  DAY,
  type Model,
  type Step,
  USABLE_SET,
  addInvitation,
  authError,
  domainAllowed,
  isStale,
  iso,
  orgOf,
  pendingFor,
  pickInvitation,
  rateLimited,
  refusal,
  storedCode,
  submissionKeys,
  success,
  tokenEmail,
} from './model-reference.js';
import { MAX_RESENDS } from '../src/limits.js';

export function clockStep(model: Model, op: Extract<Op, { kind: 'advance' | 'edge' }>): Step {
  let target = model.now + (op.kind === 'advance' ? op.ms : 0);
  if (op.kind === 'edge') {
    const { inv } = pickInvitation(model, op.pick);
    target =
      (op.anchor === 'expiry' ? (inv?.expiresAt ?? model.now) : (inv?.invitedAt ?? model.now) + 7 * DAY) + op.offset;
  }
  const call: Call = (engine) => (op.kind === 'advance' ? engine.advanceClock(op.ms) : engine.setClock(iso(target)));
  if (target < model.now) return refusal(call, 'invalid_request');
  return success(call, (value) => {
    assert.equal(value, target, 'the new time');
    model.now = target;
  });
}

export function submitStep(model: Model, op: Extract<Op, { kind: 'submit' }>): Step {
  const body = { email: op.email, ...(op.name === null ? {} : { name: op.name }) };
  const call: Call = (engine) => engine.submitRequest(op.org, body, op.remote);
  const org = model.orgs.get(op.org);
  if (!org) return refusal(call, 'not_found');
  const email = normalizeEmail(op.email);
  const problems: string[] = [];
  if (!org.requestsEnabled) problems.push('requests_disabled');
  if ((op.name ?? '').length > 200) problems.push('invalid_request');
  // A malformed address is `invalid_email`; one too long even for the schema may be `invalid_request` too.
  if (!USABLE_SET.has(email)) problems.push('invalid_email', ...(op.email.length > 254 ? ['invalid_request'] : []));
  if (problems.length > 0) return refusal(call, ...problems);
  const keys = submissionKeys(org.slug, email, op.remote);
  if (rateLimited(model, keys)) return refusal(call, 'rate_limited');
  return success(call, (value, after) => {
    assert.deepEqual(value, { status: 'received' }, 'the same answer for members, repeats and newcomers');
    for (const { key } of keys) model.hits.push({ key, at: model.now });
    if (org.requests.some((r) => r.email === email && r.status === 'pending')) return;
    const known = new Set(org.requests.map((r) => r.id));
    const added = after.orgs.find((o) => o.slug === org.slug)?.requests.filter((r) => !known.has(r.id)) ?? [];
    assert.equal(added.length, 1, 'one new request stored');
    org.requests.push({ id: added[0]?.id ?? '', email, status: 'pending' });
  });
}

export function requestStep(model: Model, op: Extract<Op, { kind: 'approve' | 'dismiss' }>): Step {
  const { org: slug, cred } = op.actor;
  const all = [...model.orgs.values()].flatMap((org) => org.requests.map((req) => ({ org, req })));
  const target = all[op.pick % (all.length + 1)];
  const id = target?.req.id ?? 'req_missing';
  const call: Call = async (engine) => {
    const actor = await engine.authenticate(cred);
    return op.kind === 'approve' ? engine.approveRequest(actor, slug, id) : engine.dismissRequest(actor, slug, id);
  };
  const auth = authError(model, cred, slug);
  if (auth) return refusal(call, auth);
  if (!target || target.org.slug !== slug) return refusal(call, 'not_found');
  const { org, req } = target;
  if (req.status !== 'pending') return refusal(call, 'not_pending');
  if (op.kind === 'dismiss') return success(call, () => (req.status = 'dismissed'));
  const pending = pendingFor(org, req.email, model.now);
  const problems: string[] = [];
  if (org.members.has(req.email)) problems.push('already_member');
  if (!pending && !domainAllowed(org, req.email)) problems.push('domain_not_allowed');
  if (problems.length > 0) return refusal(call, ...problems);
  const inviter = tokenEmail(model, cred);
  return success(call, (value, after) => {
    const answer = value as ApproveRequestResult;
    assert.equal(answer.request.status, 'approved');
    if (pending) {
      assert.equal(answer.invitation.id, pending.id, 'answers the pending invitation, sends nothing');
      req.status = 'approved';
      return;
    }
    const { id: invId, email, role } = answer.invitation;
    assert.equal(email, req.email);
    addInvitation(model, org, { id: invId, email, role, code: storedCode(after, invId), invitedBy: inviter });
  });
}

export function staleStep(model: Model, op: Extract<Op, { kind: 'dismissStale' | 'revokeStale' }>): Step {
  const { org: slug, cred } = op.actor;
  const call: Call = async (engine) => {
    const actor = await engine.authenticate(cred);
    return op.kind === 'dismissStale' ? engine.dismissStale(actor, slug) : engine.revokeStale(actor, slug);
  };
  const auth = authError(model, cred, slug);
  if (auth) return refusal(call, auth);
  const org = orgOf(model, slug);
  if (op.kind === 'dismissStale') {
    const stale = org.requests.filter((r) => r.status === 'pending' && org.members.has(r.email));
    return success(call, (value) => {
      assert.deepEqual(value, { dismissed: stale.length });
      for (const req of stale) req.status = 'dismissed';
    });
  }
  const stale = org.invitations.filter((inv) => isStale(org, inv, model.now));
  return success(call, (value) => {
    assert.deepEqual(value, { revoked: stale.length });
    for (const inv of stale) Object.assign(inv, { state: 'revoked', revokedAt: model.now });
  });
}

export function joinStep(model: Model, op: Extract<Op, { kind: 'join' }>): Step {
  const body = { email: op.email, via: op.via, ...(op.role === null ? {} : { role: op.role }) };
  const call: Call = (engine) => engine.joinMember(op.org, body);
  const org = model.orgs.get(op.org);
  if (!org) return refusal(call, 'not_found');
  const email = normalizeEmail(op.email);
  const problems: string[] = [];
  if (!USABLE_SET.has(email)) problems.push('invalid_request');
  if (op.role !== null && !org.roles.includes(op.role)) problems.push('invalid_request');
  if (problems.length > 0) return refusal(call, ...problems);
  const existing = org.members.get(email);
  return success(
    call,
    (value) => {
      const answer = value as { member: Member; created: boolean };
      assert.equal(answer.created, existing === undefined, 'created only when not yet a member');
      assert.equal(answer.member.email, email);
      if (existing === undefined) org.members.set(email, op.role ?? org.defaultRole);
      assert.equal(answer.member.role, org.members.get(email));
    },
    existing !== undefined,
  );
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function settingsStep(model: Model, op: Extract<Op, { kind: 'settings' }>): Step {
  const { org: slug, cred } = op.actor;
  const call: Call = async (engine) => engine.updateSettings(await engine.authenticate(cred), slug, op.patch);
  const auth = authError(model, cred, slug);
  if (auth) return refusal(call, auth);
  const org = orgOf(model, slug);
  const { invitationTtlDays: ttl, allowedDomains: domains, invitationRequestsEnabled: enabled, ...rest } = op.patch;
  const valid =
    Object.keys(rest).length === 0 &&
    (ttl === undefined || (Number.isInteger(ttl) && Number(ttl) >= 1 && Number(ttl) <= 30)) &&
    (enabled === undefined || typeof enabled === 'boolean') &&
    (domains === undefined || (Array.isArray(domains) && domains.every((d) => DOMAIN.test(String(d)))));
  if (!valid) return refusal(call, 'invalid_request');
  return success(call, (value) => {
    if (typeof ttl === 'number') org.ttlDays = ttl;
    if (typeof enabled === 'boolean') org.requestsEnabled = enabled;
    if (Array.isArray(domains)) org.allowedDomains = [...new Set(domains.map((d) => String(d).trim().toLowerCase()))];
    const settings = value as Settings;
    assert.equal(settings.invitationTtlDays, org.ttlDays);
    assert.deepEqual(settings.allowedDomains, org.allowedDomains);
    assert.equal(settings.invitationRequestsEnabled, org.requestsEnabled);
    assert.equal(settings.maxResends, MAX_RESENDS);
  });
}
