/**
 * Shared set-up for the engine's unit tests: a frozen real clock moved only by the engine, seeded randomness, and
 * a store chosen by a factory. By default the MemoryStore; when `INVITEKIT_TEST_STORE_MODULE` names a module (a
 * path, or a package specifier), that module's `createStore(initialState)` (store.ts `CreateStore`), so the same
 * test files run against the SQL store without the engine depending on the server.
 */
import assert from 'node:assert/strict';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Actor,
  type CreateStore,
  ControlledEngine,
  EngineError,
  MemoryStore,
  type StoreState,
  type SeedName,
  type ControlledStore,
  seedState,
  seededRandom,
} from '../src/index.js';
import { ADA, GINA, VICTOR } from '../src/seed.js';

export const T0 = Date.parse('2030-01-01T00:00:00.000Z');
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** The seed's credentials as the mock's token authenticator resolves them. */
export const ADMIN: Actor = { person: { ...ADA }, grants: { acme: ['member:manage'] }, key: 'acme-admin' };
export const VIEWER: Actor = { person: { ...VICTOR }, grants: { acme: [] }, key: 'acme-viewer' };
export const GLOBEX: Actor = { person: { ...GINA }, grants: { globex: ['member:manage'] }, key: 'globex-admin' };

/** Another signed-in person, as a host's authentication would hand them over. */
export function actor(key: string, person: Actor['person'], grants: Actor['grants']): Actor {
  return { person, grants, key };
}

/** The store the tests run on: the memory store, or the one `INVITEKIT_TEST_STORE_MODULE` names. */
export async function createTestStore(initial: StoreState): Promise<ControlledStore> {
  const name = process.env.INVITEKIT_TEST_STORE_MODULE;
  if (!name) return new MemoryStore(initial);
  const specifier = name.startsWith('.') || isAbsolute(name) ? pathToFileURL(resolve(name)).href : name;
  const module = (await import(specifier)) as { createStore?: CreateStore };
  assert.ok(typeof module.createStore === 'function', `${name} exports no createStore(initialState)`);
  return module.createStore(initial);
}

export interface TestEngineOptions {
  seed?: SeedName;
  /** Start from this state instead of the seed. */
  state?: StoreState;
  acceptUrl?: string;
  /** Invitations the CSV export reads per page. */
  exportPageSize?: number;
}

/** An engine at T0 on the test store, with the default seed unless told otherwise. */
export async function createTestEngine(options: TestEngineOptions = {}): Promise<ControlledEngine> {
  const store = await createTestStore(options.state ?? seedState(T0, options.seed));
  return new ControlledEngine({
    store,
    realNow: () => T0,
    random: seededRandom(7),
    acceptUrl: options.acceptUrl ?? 'https://app.test/redeem/',
    ...(options.exportPageSize === undefined ? {} : { exportPageSize: options.exportPageSize }),
  });
}

/** What an invite answered: the addresses sent, in order, and every skipped entry exactly (reason, id). */
export function assertAnswer(
  result: { sent: { email: string }[]; skipped: unknown[] },
  sent: string[],
  skipped: unknown[],
): void {
  assert.deepEqual(
    result.sent.map((i) => i.email),
    sent,
    'the addresses sent',
  );
  assert.deepEqual(result.skipped, skipped, 'the addresses skipped');
}

export async function setup(seed: SeedName = 'default', acceptUrl = 'https://app.test/redeem/') {
  const engine = await createTestEngine({ seed, acceptUrl });
  return {
    engine,
    /** Moves the mock clock; no test sleeps. */
    tick: (ms: number) => engine.advanceClock(ms),
    invite: (emails: string[], extra: Record<string, unknown> = {}) =>
      engine.createInvitations(ADMIN, 'acme', { emails, ...extra }),
    codeOf: async (id: string) => {
      const state = await engine.snapshot();
      const inv = state.orgs.flatMap((o) => o.invitations).find((i) => i.id === id);
      assert.ok(inv, `no invitation ${id}`);
      return inv.code;
    },
  };
}

/** Asserts that `op` is refused with `code`, and answers the error for further checks. */
export async function refused(op: () => unknown, code: string): Promise<EngineError> {
  try {
    await op();
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, code, error.detail);
    return error;
  }
  assert.fail(`expected ${code}, but the operation succeeded`);
}

/** The whole state as JSON: equal before and after a refused request, which must change nothing. */
export async function frozen(engine: ControlledEngine): Promise<string> {
  return JSON.stringify(await engine.snapshot());
}
