/**
 * The invitekit mock server: one rules engine behind MSW handlers. `createMock` is what every adapter builds
 * on; `@invitekit/mock-server/node` and `/browser` wrap it in MSW's `setupServer` and `setupWorker`, and
 * `npm run mock-server` serves it over real HTTP.
 */
import type { Member } from '@invitekit/sdk';
import type { RequestHandler } from 'msw';
import {
  ControlledEngine,
  type Faults,
  type StoreState as MockState,
  type OutboxMessage,
  type RandomSource,
  type RealNow,
  SEED_CODES,
  type SeedName,
  type OrganizationInput,
} from '@invitekit/engine';
import { createHandlers } from './handlers.js';

export { ControlledEngine, Engine, EngineError, SEED_CODES, parseState, seedState } from '@invitekit/engine';
export type {
  ControlledEngineOptions,
  EngineOptions,
  StoreState as MockState,
  OrganizationInput,
  OutboxMessage,
  SeedName,
  Faults,
} from '@invitekit/engine';
export { createFetchHandler, createHandlers, type MockHandlerOptions } from './handlers.js';
export { SESSION_COOKIE } from '@invitekit/sdk';

export interface CreateMockOptions {
  /** The data to start from: `default` (the sample data of the README) or `empty`. Default `default`. */
  seed?: SeedName;
  /** Where invitation links point (`<acceptUrl>?code=...`). Default: the page's origin + `/redeem/` in a
   * browser, `http://localhost/redeem/` in Node. */
  acceptUrl?: string;
  /** Start from a saved state (see {@link Mock.state}) instead of a seed. */
  state?: MockState;
  /**
   * Hears the live state after every change, before the change is answered (persist it; do not keep or mutate
   * it). When it throws, the change is undone and the request answers `unavailable` (503).
   */
  onChange?: (state: MockState) => void | Promise<void>;
  /** Tests: real time (default `Date.now`); the mock clock is this plus the controls' offset. */
  realNow?: RealNow;
  /** Tests: the random source for codes and ids (default `crypto.getRandomValues`). */
  random?: RandomSource;
  /** Tests: decides injected failures, a number in [0, 1) (default `Math.random`). */
  chance?: () => number;
  /** Tests: how a latency fault waits (default a timer). */
  sleep?: (ms: number) => Promise<void>;
}

export interface JoinMemberInput {
  email: string;
  name?: string | null;
  via: 'sso' | 'scim';
  role?: string;
}

export interface Mock {
  /** MSW handlers for every endpoint of api.md and the `/__mock` controls, on any origin. */
  readonly handlers: RequestHandler[];
  /** The rules engine itself, for tests that want to skip HTTP. */
  readonly engine: ControlledEngine;
  /** Fixed codes of the default seed's invitations. */
  readonly seedCodes: typeof SEED_CODES;
  /** Restores the seed (default `default`), empties outbox, idempotency and rate records, clears faults, real time. */
  reset(seed?: SeedName): Promise<void>;
  /** The mock clock. */
  now(): Promise<Date>;
  /** Moves the mock clock forward (`ms` ≥ 0) and answers the new time. */
  advanceClock(ms: number): Promise<Date>;
  /** Sets the mock clock to a time not earlier than now. */
  setClock(when: Date | string): Promise<Date>;
  /** Messages sent, oldest first, optionally only those to `to` (the newest MAX_OUTBOX_MESSAGES are kept). */
  outbox(to?: string): Promise<OutboxMessage[]>;
  /** A JSON-serialisable snapshot of everything (pass it back as `state` to resume). */
  state(): Promise<MockState>;
  /** A join outside invitations (SSO or SCIM): answers the new member, or the existing one. */
  joinMember(org: string, input: JoinMemberInput): Promise<Member>;
  /** A departure: removes the member with this address; answers whether there was one. */
  removeMember(org: string, email: string): Promise<boolean>;
  /** Creates an organization (default settings) or updates its name and roles, as a host does on the server. */
  upsertOrganization(input: OrganizationInput): Promise<void>;
  /** Latency and random `unavailable` answers on `/api`. */
  setFaults(faults: Partial<Faults>): Promise<void>;
  /** Where invitation links point. */
  acceptUrl: string;
}

function defaultAcceptUrl(): string {
  const here = (globalThis as { location?: { origin?: string } }).location;
  return here?.origin && here.origin !== 'null' ? `${here.origin}/redeem/` : 'http://localhost/redeem/';
}

export function createMock(options: CreateMockOptions = {}): Mock {
  const engine = new ControlledEngine({
    ...(options.state ? { state: options.state } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.realNow ? { realNow: options.realNow } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.onChange ? { onChange: options.onChange } : {}),
    acceptUrl: options.acceptUrl ?? defaultAcceptUrl(),
  });
  const handlers = createHandlers(engine, {
    ...(options.chance ? { chance: options.chance } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  return {
    handlers,
    engine,
    seedCodes: SEED_CODES,
    reset: (seed) => engine.reset(seed),
    now: async () => new Date(await engine.now()),
    advanceClock: async (ms) => new Date(await engine.advanceClock(ms)),
    setClock: async (when) => new Date(await engine.setClock(typeof when === 'string' ? when : when.toISOString())),
    outbox: (to) => engine.outbox(to),
    state: () => engine.snapshot(),
    joinMember: async (org, input) => (await engine.joinMember(org, input)).member,
    removeMember: (org, email) => engine.removeMember(org, email),
    upsertOrganization: async (input) => {
      await engine.upsertOrganization(input);
    },
    setFaults: async (faults) => {
      await engine.setFaults(faults);
    },
    get acceptUrl() {
      return engine.acceptUrl;
    },
    set acceptUrl(url: string) {
      engine.acceptUrl = url;
    },
  };
}
