/**
 * What the `/__mock` controls change: the clock (real time plus an offset kept in the store, moved forward only;
 * a reset puts it back to real time), joins outside invitations (SSO, SCIM: what makes things stale), and
 * injected faults. `realNow` is injected so tests can hold real time still.
 */
import { type Member, isUsableEmail, normalizeEmail } from '@invitekit/sdk';
import * as z from 'zod/mini';
import { findOrg } from './auth.js';
import { type Ctx, newId } from './context.js';
import { invalid } from './errors.js';
import { checkRole } from './invitations.js';
import { CLOCK_MAX, MAX_FAULT_LATENCY_MS } from './limits.js';
import type { SeedName } from './seed.js';
import type { Faults, MemberRecord } from './state.js';
import type { StoreTx } from './store.js';
import { parseWith } from './validate.js';
import { memberView } from './views.js';

export type RealNow = () => number;

/** Moves the clock forward by `ms` (a finite number ≥ 0) and answers the new time. */
export async function advanceClock(tx: StoreTx, realNow: RealNow, ms: unknown): Promise<number> {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw invalid('advanceMs', 'Must be a number of milliseconds ≥ 0');
  }
  const offset = await tx.clockOffset();
  const real = realNow();
  if (real + offset + ms > CLOCK_MAX) throw invalid('advanceMs', 'The clock cannot go past the year 9999');
  await tx.setClockOffset(offset + ms);
  return real + offset + ms;
}

/** Sets the clock to `when` (an ISO time not earlier than the current clock) and answers it. */
export async function setClock(tx: StoreTx, realNow: RealNow, when: unknown): Promise<number> {
  const target = typeof when === 'string' ? Date.parse(when) : Number.NaN;
  if (Number.isNaN(target)) throw invalid('now', 'Must be an ISO 8601 time');
  if (target > CLOCK_MAX) throw invalid('now', 'The clock cannot go past the year 9999');
  const real = realNow();
  if (target < real + (await tx.clockOffset())) throw invalid('now', 'The clock never goes backwards');
  await tx.setClockOffset(target - real);
  return target;
}

const ResetBody = z.strictObject({ seed: z.optional(z.enum(['default', 'empty'])) });

/** The seed a `POST /__mock/reset` body asks for (an empty body: `default`); anything else is `invalid_request`. */
export function resetSeed(rawBody: unknown): SeedName {
  return parseWith(ResetBody, rawBody ?? {}, 'reset').seed ?? 'default';
}

const JoinBody = z.strictObject({
  email: z.string(),
  name: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  via: z.enum(['sso', 'scim']),
  role: z.optional(z.string()),
});

/** Answers the member and whether it was created (201) or already there (200). */
export async function joinMember(
  ctx: Ctx,
  slug: string,
  rawBody: unknown,
): Promise<{ member: Member; created: boolean }> {
  const org = await findOrg(ctx.tx, slug);
  const body = parseWith(JoinBody, rawBody, 'join');
  const email = normalizeEmail(body.email);
  if (!isUsableEmail(email)) throw invalid('email', 'Not a valid email address');
  const role = checkRole(org, body.role) ?? org.defaultRole;
  const existing = await ctx.tx.member(slug, email);
  if (existing) return { member: memberView(existing), created: false };
  const member: MemberRecord = {
    id: newId(ctx.random, 'mem'),
    email,
    name: body.name?.trim() || null,
    role,
    joinedAt: ctx.now,
    joinedVia: body.via,
  };
  await ctx.tx.insertMember(slug, member);
  return { member: memberView(member), created: true };
}

const FaultsBody = z.strictObject({
  latencyMs: z.optional(z.number().check(z.minimum(0), z.maximum(MAX_FAULT_LATENCY_MS))),
  failureRate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

/** Sets the given faults (an omitted field keeps its value); `{}` keeps everything. */
export async function setFaults(tx: StoreTx, rawBody: unknown): Promise<Faults> {
  const body = parseWith(FaultsBody, rawBody ?? {}, 'faults');
  const faults = { ...(await tx.faults()) };
  if (body.latencyMs !== undefined) faults.latencyMs = body.latencyMs;
  if (body.failureRate !== undefined) faults.failureRate = body.failureRate;
  await tx.setFaults(faults);
  return faults;
}
