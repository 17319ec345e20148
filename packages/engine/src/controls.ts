/**
 * What the `/__mock` controls change: the clock (real time plus an offset kept in the state, moved forward only;
 * a reset puts it back to real time), joins outside invitations (SSO, SCIM: what makes things stale), and
 * injected faults. `realNow` is injected so tests can hold real time still.
 */
import { type Member, isUsableEmail, normalizeEmail } from '@invitekit/sdk';
import * as z from 'zod/mini';
import { findOrg } from './auth.js';
import { CLOCK_MAX, MAX_FAULT_LATENCY_MS } from './limits.js';
import { type Ctx, newId } from './context.js';
import { invalid } from './errors.js';
import { checkRole } from './invitations.js';
import type { SeedName } from './seed.js';
import type { Faults, MockState } from './state.js';
import { parseWith } from './validate.js';
import { memberByEmail, memberView } from './views.js';

export type RealNow = () => number;

export function mockNow(state: MockState, realNow: RealNow): number {
  return realNow() + state.clockOffsetMs;
}

/** Moves the clock forward by `ms` (a finite number ≥ 0) and answers the new time. */
export function advanceClock(state: MockState, realNow: RealNow, ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw invalid('advanceMs', 'Must be a number of milliseconds ≥ 0');
  }
  if (mockNow(state, realNow) + ms > CLOCK_MAX) throw invalid('advanceMs', 'The clock cannot go past the year 9999');
  state.clockOffsetMs += ms;
  return mockNow(state, realNow);
}

/** Sets the clock to `when` (an ISO time not earlier than the current clock) and answers it. */
export function setClock(state: MockState, realNow: RealNow, when: unknown): number {
  const target = typeof when === 'string' ? Date.parse(when) : Number.NaN;
  if (Number.isNaN(target)) throw invalid('now', 'Must be an ISO 8601 time');
  if (target > CLOCK_MAX) throw invalid('now', 'The clock cannot go past the year 9999');
  const real = realNow();
  if (target < real + state.clockOffsetMs) throw invalid('now', 'The clock never goes backwards');
  state.clockOffsetMs = target - real;
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
export function joinMember(ctx: Ctx, slug: string, rawBody: unknown): { member: Member; created: boolean } {
  const org = findOrg(ctx.state, slug);
  const body = parseWith(JoinBody, rawBody, 'join');
  if (!isUsableEmail(body.email.trim())) throw invalid('email', 'Not a valid email address');
  const role = checkRole(org, body.role) ?? org.defaultRole;
  const email = normalizeEmail(body.email);
  const existing = memberByEmail(org, email);
  if (existing) return { member: memberView(existing), created: false };
  const member = {
    id: newId(ctx.random, 'mem'),
    email,
    name: body.name?.trim() || null,
    role,
    joinedAt: ctx.now,
    joinedVia: body.via,
  };
  org.members.push(member);
  return { member: memberView(member), created: true };
}

const FaultsBody = z.strictObject({
  latencyMs: z.optional(z.number().check(z.minimum(0), z.maximum(MAX_FAULT_LATENCY_MS))),
  failureRate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

/** Sets the given faults (an omitted field keeps its value); `{}` keeps everything. */
export function setFaults(state: MockState, rawBody: unknown): Faults {
  const body = parseWith(FaultsBody, rawBody ?? {}, 'faults');
  if (body.latencyMs !== undefined) state.faults.latencyMs = body.latencyMs;
  if (body.failureRate !== undefined) state.faults.failureRate = body.failureRate;
  return { ...state.faults };
}
