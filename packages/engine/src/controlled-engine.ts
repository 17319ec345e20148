/**
 * The engine with the test controls mounted (the mock, and a server started with test controls): a clock moved
 * by `/__mock/clock` (real time plus an offset the store keeps), injected faults, the seeded tokens as
 * credentials, the outbox as the controls show it, snapshots and resets. Production uses {@link Engine}.
 */
import { normalizeEmail } from '@invitekit/sdk';
import { type Actor, type Credentials, tokenAuthenticator } from './auth.js';
import type { Ctx } from './context.js';
import { advanceClock, resetSeed, setClock, setFaults } from './controls.js';
import { Engine, type EngineOptions } from './engine.js';
import { MemoryStore } from './memory-store.js';
import { type SeedName, seedState } from './seed.js';
import { type Faults, type OutboxMessage, type StoreState, parseState } from './state.js';
import type { ControlledStore, ControlsTx, StoreTx } from './store.js';

export interface ControlledEngineOptions extends Omit<EngineOptions, 'store'> {
  /** The store to run on. Default: a {@link MemoryStore} over `state`, or over a fresh `seed`. */
  store?: ControlledStore;
  /** Start from this state (say, read back from a file) instead of a seed; checked by `parseState`. */
  state?: StoreState;
  seed?: SeedName;
  /**
   * With the default memory store: called with the live state after every transaction that changed it (save it;
   * do not keep or change it). When it throws, the change is undone and the operation answers `unavailable`.
   */
  onChange?: (state: StoreState) => void | Promise<void>;
}

export class ControlledEngine extends Engine<StoreTx & ControlsTx> {
  /** The seeded tokens → Actor (a production server authenticates through its host instead). */
  readonly authenticate: (credentials: Credentials) => Promise<Actor | null>;

  constructor(options: ControlledEngineOptions = {}) {
    const realNow = options.realNow ?? Date.now;
    const store =
      options.store ??
      new MemoryStore(options.state ? parseState(structuredClone(options.state)) : seedState(realNow(), options.seed), {
        onCommit: options.onChange,
      });
    super({ ...options, store, realNow });
    this.authenticate = tokenAuthenticator(store);
  }

  /** The moved clock, read once per operation; the controls' side of the transaction for the rules that use it. */
  protected override async ctx(tx: StoreTx & ControlsTx): Promise<Ctx> {
    const now = this.realNow() + (await tx.clockOffset());
    return { tx, controls: tx, now, random: this.random, acceptUrl: this.acceptUrl };
  }

  /** The moved clock: real time plus the store's offset. */
  now(): Promise<number> {
    return this.read((ctx) => Promise.resolve(ctx.now));
  }
  reset(seed: SeedName = 'default'): Promise<void> {
    return this.write((_ctx, tx) => tx.replaceAll(seedState(this.realNow(), seed)));
  }
  /** `POST /__mock/reset`: checks the body (`{ seed? }`) first, then resets. */
  resetFromBody(body: unknown): Promise<void> {
    return this.reset(resetSeed(body));
  }
  advanceClock(ms: number): Promise<number> {
    return this.write((_ctx, tx) => advanceClock(tx, this.realNow, ms));
  }
  setClock(when: string): Promise<number> {
    return this.write((_ctx, tx) => setClock(tx, this.realNow, when));
  }
  outbox(to?: string | null): Promise<OutboxMessage[]> {
    return this.read((_ctx, tx) => tx.listMessages(to ? normalizeEmail(to) : null));
  }
  faults(): Promise<Faults> {
    return this.read((_ctx, tx) => tx.faults());
  }
  setFaults(body: unknown) {
    return this.write((_ctx, tx) => setFaults(tx, body));
  }
  /** Everything, as a deep copy (`/__mock` state, tests). */
  snapshot(): Promise<StoreState> {
    return this.read((_ctx, tx) => tx.snapshot());
  }
}
