/**
 * Idempotency-Key (rules.md): scope = organization + credentials + key, kept IDEMPOTENCY_WINDOW_MS on the mock
 * clock. Only successful answers are recorded; the caller decides that by recording after success. Two requests
 * with one key racing: the store's unique scope makes the loser rerun, and the rerun replays the winner's answer.
 */
import { EngineError } from './errors.js';
import { IDEMPOTENCY_WINDOW_MS } from './limits.js';
import type { StoreTx } from './store.js';

/** JSON with sorted keys, so `{a,b}` and `{b,a}` are the same body. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `actorKey` is {@link Actor.key}: stable for one set of credentials. */
export function idempotencyScope(org: string, actorKey: string, key: string): string {
  return JSON.stringify([org, actorKey, key]);
}

/**
 * The recorded answer for this scope, if any and still fresh; `idempotency_key_reused` when the key was used
 * with another body. Changes nothing.
 */
export async function replay(tx: StoreTx, now: number, scope: string, body: unknown): Promise<unknown> {
  const record = await tx.idempotency(scope, now - IDEMPOTENCY_WINDOW_MS);
  if (!record) return undefined;
  if (record.body !== canonicalJson(body)) {
    throw new EngineError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
    );
  }
  return structuredClone(record.response);
}

export async function record(tx: StoreTx, now: number, scope: string, body: unknown, response: unknown) {
  await tx.pruneIdempotency(now - IDEMPOTENCY_WINDOW_MS);
  await tx.putIdempotency({ scope, body: canonicalJson(body), response: structuredClone(response), at: now });
}
