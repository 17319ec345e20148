/**
 * For each random operation (model-ops.ts): the engine call, and what rules.md says must come of it, from the
 * reference model (model-reference.ts): either the refusals that may answer (and then nothing changes), or a
 * check of the successful answer that also moves the model along. This file has the invitations' own
 * operations; model-steps-org.ts the rest.
 */
import assert from 'node:assert/strict';
import {
  type AcceptInviteResult,
  type Invitation,
  type InvitationLink,
  type InviteLookup,
  normalizeEmail,
} from '@invitekit/sdk';
import { type ControlledEngine, EngineError } from '../src/index.js';
import type { Op } from './model-ops.js';
import {
  type Call,
  DAY,
  type InviteAnswer,
  type MInvitation,
  type MOrg,
  type Model,
  type Step,
  addInvitation,
  authError,
  canonical,
  idempotencyRecord,
  idempotencyScope,
  inviteBodyProblems,
  iso,
  masked,
  orgOf,
  pickInvitation,
  planAddresses,
  previousBody,
  refusal,
  rememberIdempotent,
  send,
  statusOf,
  storedCode,
  success,
  tokenEmail,
} from './model-reference.js';
import { clockStep, joinStep, requestStep, settingsStep, staleStep, submitStep } from './model-steps-org.js';

export type { Step } from './model-reference.js';

/** A code `pick` names among every code issued (replaced ones too), or an unknown code. */
function pickCode(model: Model, pick: number) {
  const all = [...model.orgs.values()].flatMap((org) =>
    org.invitations.flatMap((inv) => [
      { code: inv.code, org, inv, replacedExpiry: null as number | null },
      ...inv.replaced.map((r) => ({ code: r.code, org, inv, replacedExpiry: r.expiresAt })),
    ]),
  );
  return all[pick % (all.length + 1)] ?? { code: 'not-a-code-0000000000000000000000' };
}

/** What a code's state forbids for accept and decline (rules.md, Accept), or null when it is usable. */
function codeRefusal(model: Model, pick: number): string | null {
  const found = pickCode(model, pick);
  if (!('inv' in found)) return 'invalid_code';
  if (found.replacedExpiry !== null) return 'expired';
  const status = statusOf(found.inv, model.now);
  if (status === 'expired' || status === 'revoked') return status;
  return status === 'pending' ? null : 'already_used';
}

function inviteStep(model: Model, op: Extract<Op, { kind: 'invite' }>): Step {
  const { org: slug, cred } = op.actor;
  const scope = op.key === null ? null : idempotencyScope(slug, cred, op.key);
  const repeated = op.repeat && scope !== null ? previousBody(model, scope) : undefined;
  const emails = { 'as drawn': op.emails, none: [], hundred: cycle(op.emails, 100), over: cycle(op.emails, 101) }[
    op.size
  ];
  const body: Record<string, unknown> = repeated ?? {
    emails,
    ...(op.role === null ? {} : { role: op.role }),
    ...(op.dryRun ? { dryRun: true } : {}),
  };
  const call: Call = async (engine) =>
    engine.createInvitations(await engine.authenticate(cred), slug, body, { idempotencyKey: op.key });
  const auth = authError(model, cred, slug);
  if (auth) return refusal(call, auth);
  const org = orgOf(model, slug);
  const typed = body as { emails: string[]; role?: string; dryRun?: boolean };
  const dryRun = typed.dryRun === true;
  const problems = inviteBodyProblems(org, typed);
  const record = scope && !dryRun ? idempotencyRecord(model, scope) : undefined;
  if (record && record.canonical !== canonical(body)) problems.push('idempotency_key_reused');
  if (problems.length > 0) return refusal(call, ...problems);
  if (record) {
    const replay = (value: unknown) => {
      assert.deepEqual(value, record.response, 'a replay answers the first answer');
    };
    return { ...success(call, replay, true), label: 'replay' };
  }

  const plan = planAddresses(org, typed.emails, model.now);
  const inviter = tokenEmail(model, cred);
  const step = success(
    call,
    (value, after) => {
      const answer = value as InviteAnswer;
      assert.deepEqual(answer.skipped, plan.skipped, 'skipped addresses and reasons');
      assert.deepEqual(
        answer.sent.map((s) => s.email),
        plan.send,
        'sent addresses',
      );
      for (const sent of answer.sent) {
        assert.ok(sent.id.startsWith(dryRun ? 'preview_' : 'inv_'), `id ${sent.id}`);
        assert.equal(sent.status, 'pending');
        assert.equal(sent.role, typed.role ?? null);
        assert.equal(sent.resendCount, 0);
        assert.equal(sent.invitedAt, iso(model.now));
        assert.equal(sent.expiresAt, iso(model.now + org.ttlDays * DAY));
        assert.equal(sent.invitedBy?.email, inviter);
        if (!dryRun) {
          const code = storedCode(after, sent.id);
          addInvitation(model, org, { id: sent.id, email: sent.email, role: sent.role, code, invitedBy: inviter });
        }
      }
      if (scope && !dryRun) rememberIdempotent(model, scope, body, answer);
    },
    dryRun,
  );
  return dryRun ? { ...step, label: 'dry run' } : step;
}

function cycle(items: string[], length: number): string[] {
  return Array.from({ length }, (_, i) => items[i % items.length] ?? '');
}

/** Resend, renew, revoke and copy link: an admin acting on one invitation. */
function invitationStep(model: Model, op: Extract<Op, { kind: 'resend' | 'renew' | 'revoke' | 'link' }>): Step {
  const { org: slug, cred } = op.actor;
  const target = pickInvitation(model, op.pick);
  const call: Call = async (engine) => {
    const actor = await engine.authenticate(cred);
    if (op.kind === 'link') return engine.link(actor, slug, target.id);
    return engine[op.kind](actor, slug, target.id);
  };
  const auth = authError(model, cred, slug);
  if (auth) return refusal(call, auth);
  const { org, inv } = target;
  if (!org || !inv || org.slug !== slug) return refusal(call, 'not_found');
  const status = statusOf(inv, model.now);
  const view = (value: unknown) => {
    const answer = value as Invitation;
    assert.equal(answer.id, inv.id);
    assert.equal(answer.status, statusOf(inv, model.now));
    assert.equal(answer.resendCount, inv.resendCount);
    assert.equal(answer.expiresAt, iso(inv.expiresAt));
  };
  switch (op.kind) {
    case 'link':
      if (status !== 'pending') return refusal(call, 'not_pending');
      return success(
        call,
        (value) => {
          const link = value as InvitationLink;
          assert.equal(link.code, inv.code, 'the current code');
          assert.equal(new URL(link.url).searchParams.get('code'), inv.code);
        },
        true,
      );
    case 'resend':
      if (status !== 'pending') return refusal(call, 'not_pending');
      if (inv.resendCount >= 3) return refusal(call, 'resend_limit_reached');
      return success(call, (value) => {
        inv.resendCount += 1;
        inv.lastSentAt = model.now;
        send(model, { to: inv.email, kind: 'resend', org: slug, code: inv.code });
        view(value);
      });
    case 'renew': {
      if (status === 'pending') return refusal(call, 'not_expired');
      if (status !== 'expired') return refusal(call, 'not_renewable');
      const blockers: string[] = [];
      if (
        org.invitations.some(
          (other) => other !== inv && other.email === inv.email && statusOf(other, model.now) === 'pending',
        )
      )
        blockers.push('not_renewable');
      if (org.members.has(inv.email)) blockers.push('already_member');
      if (blockers.length > 0) return refusal(call, ...blockers);
      return success(call, (value, after) => {
        const code = storedCode(after, inv.id);
        assert.notEqual(code, inv.code, 'a renewal issues a fresh code');
        inv.replaced.push({ code: inv.code, expiresAt: inv.expiresAt });
        Object.assign(inv, {
          code,
          invitedAt: model.now,
          lastSentAt: model.now,
          expiresAt: model.now + org.ttlDays * DAY,
          resendCount: 0,
          invitedBy: tokenEmail(model, cred),
        });
        send(model, { to: inv.email, kind: 'renewal', org: slug, code });
        view(value);
      });
    }
    case 'revoke':
      if (status === 'accepted' || status === 'declined') return refusal(call, 'not_revocable');
      return success(
        call,
        (value) => {
          if (status !== 'revoked') Object.assign(inv, { state: 'revoked', revokedAt: model.now });
          view(value);
          assert.equal((value as Invitation).revokedAt, iso(inv.revokedAt ?? Number.NaN), 'revoked when first revoked');
        },
        status === 'revoked',
      );
  }
}

/** Accept and decline: the code's state first, then (accept) who is signed in, then the change. */
function redeemStep(model: Model, op: Extract<Op, { kind: 'accept' | 'decline' }>): Step {
  const found = pickCode(model, op.pick);
  const accepting = op.kind === 'accept';
  const call: Call = async (engine) =>
    accepting
      ? engine.acceptInvite(await engine.authenticate(op.cred), found.code, op.body)
      : engine.declineInvite(found.code);
  const refusals: string[] = [];
  const byCode = codeRefusal(model, op.pick);
  if (byCode) refusals.push(byCode);
  const signedIn = accepting && op.cred !== null ? model.tokens.get(op.cred) : undefined;
  if (!byCode && 'inv' in found && signedIn && normalizeEmail(signedIn.email) !== found.inv.email)
    refusals.push('email_mismatch');
  const { name, ...unknownFields } = accepting ? op.body : {};
  const badBody = Object.keys(unknownFields).length > 0 || (typeof name === 'string' && name.length > 200);
  if (badBody) refusals.push('invalid_request');
  if (refusals.length > 0 || !('inv' in found)) return refusal(call, ...refusals);
  const { org, inv } = found;
  return success(call, (value) => {
    if (!accepting) {
      assert.deepEqual(value, { status: 'declined' });
      inv.state = 'declined';
      return;
    }
    const role = applyAccept(model, org, inv, signedIn);
    const answer = value as AcceptInviteResult;
    assert.equal(answer.organization.slug, org.slug);
    assert.equal(answer.member.email, inv.email);
    assert.equal(answer.member.role, role, 'the invitation role, or the role the member already had');
  });
}

/** An accepted invitation: a member (the existing membership kept), and the signed-in person one too. */
function applyAccept(model: Model, org: MOrg, inv: MInvitation, signedIn?: { grants: Record<string, string[]> }) {
  inv.state = 'accepted';
  const role = org.members.get(inv.email) ?? inv.role ?? org.defaultRole;
  org.members.set(inv.email, role);
  if (signedIn) signedIn.grants[org.slug] ??= [];
  return role;
}

/** Two anonymous accepts of one code, started together: one succeeds and one is `already_used`, or both fail alike. */
function raceStep(model: Model, pick: number): Step {
  const found = pickCode(model, pick);
  const accept = async (engine: ControlledEngine) => {
    try {
      await Promise.resolve(engine.acceptInvite(null, found.code, {}));
      return 'accepted';
    } catch (error) {
      if (error instanceof EngineError) return error.code;
      throw error;
    }
  };
  const call: Call = (engine) => Promise.all([accept(engine), accept(engine)]);
  const byCode = codeRefusal(model, pick);
  if (byCode || !('inv' in found)) {
    const bothRefused = (value: unknown) => {
      assert.deepEqual(value, [byCode, byCode], 'both refused alike');
    };
    return success(call, bothRefused, true);
  }
  return success(call, (value) => {
    assert.deepEqual([...(value as string[])].sort(), ['accepted', 'already_used'], 'exactly one accept succeeds');
    applyAccept(model, found.org, found.inv);
  });
}

function lookupStep(model: Model, pick: number): Step {
  const found = pickCode(model, pick);
  const call: Call = (engine) => engine.lookupInvite(found.code);
  if (!('inv' in found)) return refusal(call, 'invalid_code');
  const { org, inv, replacedExpiry } = found;
  return success(
    call,
    (value) => {
      const answer = value as InviteLookup;
      assert.equal(answer.status, replacedExpiry === null ? statusOf(inv, model.now) : 'expired');
      assert.equal(answer.expiresAt, iso(replacedExpiry ?? inv.expiresAt));
      assert.equal(answer.email, masked(inv.email), 'the masked address');
      assert.equal(answer.organization.name, org.name);
      assert.equal(answer.role, inv.role);
    },
    true,
  );
}

/** The engine call for `op` and what must come of it, given the model as it is before the step. */
export function stepFor(model: Model, op: Op): Step {
  switch (op.kind) {
    case 'invite':
      return inviteStep(model, op);
    case 'resend':
    case 'renew':
    case 'revoke':
    case 'link':
      return invitationStep(model, op);
    case 'accept':
    case 'decline':
      return redeemStep(model, op);
    case 'race':
      return raceStep(model, op.pick);
    case 'lookup':
      return lookupStep(model, op.pick);
    case 'advance':
    case 'edge':
      return clockStep(model, op);
    case 'submit':
      return submitStep(model, op);
    case 'approve':
    case 'dismiss':
      return requestStep(model, op);
    case 'dismissStale':
    case 'revokeStale':
      return staleStep(model, op);
    case 'join':
      return joinStep(model, op);
    case 'settings':
      return settingsStep(model, op);
  }
}
