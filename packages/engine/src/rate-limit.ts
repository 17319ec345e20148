/**
 * Abuse limits for public request submissions (rules.md): per address per organization and per client, in a
 * sliding window on the mock clock. Only accepted submissions are counted (the caller records after accepting).
 */
import { EngineError } from './errors.js';
import { RATE_WINDOW_MS, REQUESTS_PER_ADDRESS_PER_HOUR, REQUESTS_PER_CLIENT_PER_HOUR } from './limits.js';
import type { StoreTx } from './store.js';

function addressKey(org: string, email: string): string {
  return `address:${org}:${email}`;
}

/** The client limit counts across organizations: it guards the server, not one tenant. */
function clientKey(remote: string): string {
  return `client:${remote}`;
}

/** Refuses with `rate_limited` (and whole seconds to wait) when any of `limits` is used up. */
export async function checkRate(tx: StoreTx, now: number, limits: readonly { key: string; max: number }[]) {
  let waitMs = 0;
  for (const { key, max } of limits) {
    const hits = await tx.rateHits(key, now - RATE_WINDOW_MS);
    if (hits.length >= max) {
      // The window frees a slot when the oldest hit that keeps it full leaves it.
      const freeing = hits[hits.length - max] ?? now;
      waitMs = Math.max(waitMs, freeing + RATE_WINDOW_MS - now);
    }
  }
  if (waitMs > 0) {
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    throw new EngineError('rate_limited', `Too many requests; try again in ${retryAfter} seconds.`, { retryAfter });
  }
}

export async function recordHit(tx: StoreTx, now: number, keys: readonly string[]) {
  await tx.pruneRateHits(now - RATE_WINDOW_MS);
  await tx.addRateHits(keys, now);
}

/** The two limits a public request submission counts against. */
export const submissionLimits = (org: string, email: string, remote: string) => [
  { key: addressKey(org, email), max: REQUESTS_PER_ADDRESS_PER_HOUR },
  { key: clientKey(remote), max: REQUESTS_PER_CLIENT_PER_HOUR },
];
