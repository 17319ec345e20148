/**
 * What the `/__mock` controls change (the mock, and a server started with test controls): the clock (real time
 * plus an offset kept in the store, moved forward only; a reset puts it back to real time) and injected faults.
 * Joins outside invitations are host operations (host.ts). `realNow` is injected so tests can hold real time still.
 */
import * as z from 'zod/mini';
import { invalid } from './errors.js';
import { CLOCK_MAX, MAX_FAULT_LATENCY_MS } from './limits.js';
import type { SeedName } from './seed.js';
import type { Faults } from './state.js';
import type { ControlsTx } from './store.js';
import { parseWith } from './validate.js';

export type RealNow = () => number;

/** Moves the clock forward by `ms` (a finite number ≥ 0) and answers the new time. */
export async function advanceClock(tx: ControlsTx, realNow: RealNow, ms: unknown): Promise<number> {
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
export async function setClock(tx: ControlsTx, realNow: RealNow, when: unknown): Promise<number> {
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

const FaultsBody = z.strictObject({
  latencyMs: z.optional(z.number().check(z.minimum(0), z.maximum(MAX_FAULT_LATENCY_MS))),
  failureRate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

/** Sets the given faults (an omitted field keeps its value); `{}` keeps everything. */
export async function setFaults(tx: ControlsTx, rawBody: unknown): Promise<Faults> {
  const body = parseWith(FaultsBody, rawBody ?? {}, 'faults');
  const faults = { ...(await tx.faults()) };
  if (body.latencyMs !== undefined) faults.latencyMs = body.latencyMs;
  if (body.failureRate !== undefined) faults.failureRate = body.failureRate;
  await tx.setFaults(faults);
  return faults;
}
