/**
 * Idempotency-Key (rules.md): scope = organization + credentials + key, kept 24 hours on the mock clock.
 * Only successful answers are recorded; the caller decides that by recording after success.
 */
import { IDEMPOTENCY_WINDOW_MS } from './limits.js';
import { EngineError } from './errors.js';
import type { MockState } from './state.js';

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

export function idempotencyScope(org: string, credentials: string, key: string): string {
  return JSON.stringify([org, credentials, key]);
}

function prune(state: MockState, now: number): void {
  state.idempotency = state.idempotency.filter((r) => now - r.at < IDEMPOTENCY_WINDOW_MS);
}

/**
 * The recorded answer for this scope, if any and still fresh; `idempotency_key_reused` when the key was used
 * with another body. Does not change the state.
 */
export function replay(state: MockState, now: number, scope: string, body: unknown): unknown {
  const canonical = canonicalJson(body);
  const record = state.idempotency.find((r) => r.scope === scope && now - r.at < IDEMPOTENCY_WINDOW_MS);
  if (!record) return undefined;
  if (record.body !== canonical) {
    throw new EngineError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
    );
  }
  return structuredClone(record.response);
}

export function record(state: MockState, now: number, scope: string, body: unknown, response: unknown): void {
  prune(state, now);
  state.idempotency.push({ scope, body: canonicalJson(body), response: structuredClone(response), at: now });
}
