/** Shared set-up for the engine's unit tests: a frozen real clock moved only by the engine, seeded randomness. */
import assert from 'node:assert/strict';
import { Engine, EngineError, type SeedName, seededRandom } from './index.js';

export const ADMIN = 'acme-admin';
export const VIEWER = 'acme-viewer';
export const GLOBEX = 'globex-admin';
export const T0 = Date.parse('2030-01-01T00:00:00.000Z');
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export function setup(seed: SeedName = 'default', acceptUrl = 'https://app.test/redeem/') {
  const engine = new Engine({ seed, realNow: () => T0, random: seededRandom(7), acceptUrl });
  return {
    engine,
    /** Moves the mock clock; no test sleeps. */
    tick: (ms: number) => engine.advanceClock(ms),
    invite: (emails: string[], extra: Record<string, unknown> = {}) =>
      engine.createInvitations(ADMIN, 'acme', { emails, ...extra }),
    codeOf: (id: string) => {
      const inv = engine.state.orgs.flatMap((o) => o.invitations).find((i) => i.id === id);
      assert.ok(inv, `no invitation ${id}`);
      return inv.code;
    },
  };
}

/** Asserts that `op` is refused with `code`, and answers the error for further checks. */
export function refused(op: () => unknown, code: string): EngineError {
  try {
    op();
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, code, error.detail);
    return error;
  }
  assert.fail(`expected ${code}, but the operation succeeded`);
}

/** The whole state as JSON: equal before and after a refused request, which must change nothing. */
export function frozen(engine: Engine): string {
  return JSON.stringify(engine.state);
}
