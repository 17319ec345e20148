/**
 * The invitekit rules engine: plain TypeScript over a transactional store (store.ts), no HTTP and no MSW.
 * `Engine` binds the store, the clock and the random source to the operation modules; each operation runs in one
 * transaction, checks everything first and either answers or throws an {@link EngineError} having changed nothing.
 */
import { normalizeEmail } from '@invitekit/sdk';
import { type Actor, type Credentials, tokenAuthenticator } from './auth.js';
import { type RealNow, advanceClock, joinMember, resetSeed, setClock, setFaults } from './controls.js';
import { type Ctx, type RandomSource, cryptoRandom } from './context.js';
import { EngineError } from './errors.js';
import { exportInvitationsCsv } from './export.js';
import { createInvitations } from './invitations.js';
import { acceptInvite, declineInvite, lookupInvite } from './invites.js';
import {
  getInvitation,
  invitationLink,
  renewInvitation,
  resendInvitation,
  revokeInvitation,
  revokeStaleInvitations,
} from './lifecycle.js';
import { listInvitations, listMembers } from './listing.js';
import { MemoryStore } from './memory-store.js';
import {
  approveRequest,
  dismissRequest,
  dismissStaleRequests,
  getAccess,
  listRequests,
  submitRequest,
} from './requests.js';
import { type SeedName, seedState } from './seed.js';
import { getSettings, updateSettings } from './settings.js';
import { type Faults, type MockState, type OutboxMessage, parseState } from './state.js';
import { type Store, StoreConflict, type StoreTx, StoreUnavailable } from './store.js';

export { EngineError, attempt, type EngineResult } from './errors.js';
export { type Ctx, type RandomSource, cryptoRandom, seededRandom } from './context.js';
export type { RealNow } from './controls.js';
export { SEED_CODES, type SeedName, seedState } from './seed.js';
export { type MockState, type OutboxMessage, type Faults, STATE_VERSION, parseState, cloneState } from './state.js';
export { csvField, EXPORT_HEADER } from './export.js';
export { type Actor, type Credentials, actorOf, tokenAuthenticator } from './auth.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { compareCodePoints } from './keyset.js';
export * from './store.js';
export * from './limits.js';
export { MalformedJson } from './validate.js';

/** A transaction that lost a race is run again; past this many attempts the operation answers `unavailable`. */
const MAX_ATTEMPTS = 5;

export interface EngineOptions {
  /** The store to run on. Default: a {@link MemoryStore} over `state`, or over a fresh `seed`. */
  store?: Store;
  /** Start from this state (say, read back from a file) instead of a seed; checked by `parseState`. */
  state?: MockState;
  seed?: SeedName;
  /** Real time; the mock clock is this plus the store's offset. Default `Date.now`. */
  realNow?: RealNow;
  random?: RandomSource;
  acceptUrl?: string;
  /**
   * With the default memory store: called with the live state after every transaction that changed it (save it;
   * do not keep or change it). When it throws, the change is undone and the operation answers `unavailable`.
   */
  onChange?: (state: MockState) => void | Promise<void>;
}

/** Whether an invite body asks for a dry run; a body that only looks like one is refused by the operation. */
function isDryRun(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { dryRun?: unknown }).dryRun === true;
}

export class Engine {
  readonly store: Store;
  acceptUrl: string;
  readonly realNow: RealNow;
  readonly random: RandomSource;
  /** The mock's credentials → Actor (the production server authenticates through its host instead). */
  readonly authenticate: (credentials: Credentials) => Promise<Actor | null>;

  constructor(options: EngineOptions = {}) {
    this.realNow = options.realNow ?? Date.now;
    this.random = options.random ?? cryptoRandom;
    this.acceptUrl = options.acceptUrl ?? 'http://localhost/redeem/';
    this.store =
      options.store ??
      new MemoryStore(
        options.state ? parseState(structuredClone(options.state)) : seedState(this.realNow(), options.seed),
        {
          onCommit: options.onChange,
        },
      );
    this.authenticate = tokenAuthenticator(this.store);
  }

  /**
   * Runs `op` in one transaction. A lost race (StoreConflict) reruns it from the start, so the rerun answers by
   * the rules with what the winner committed; a store that cannot serve answers `unavailable`.
   */
  private async run<T>(op: (ctx: Ctx) => Promise<T>, readOnly: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(async (tx) => op(await this.ctx(tx)), { readOnly });
      } catch (error) {
        if (error instanceof StoreConflict && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof StoreConflict) {
          throw new EngineError('unavailable', 'Too many changes at once; try again.', { retryAfter: 1, cause: error });
        }
        // The answer says nothing about the infrastructure (server.md, Operating it); the cause goes to the log.
        if (error instanceof StoreUnavailable) {
          const detail = readOnly
            ? 'The data could not be read just now; try again in a moment.'
            : 'The change was not made; try again in a moment.';
          throw new EngineError('unavailable', detail, { retryAfter: 1, cause: error });
        }
        throw error;
      }
    }
  }

  private async ctx(tx: StoreTx): Promise<Ctx> {
    const now = this.realNow() + (await tx.clockOffset());
    return { tx, now, random: this.random, acceptUrl: this.acceptUrl };
  }

  private read<T>(op: (ctx: Ctx) => Promise<T>): Promise<T> {
    return this.run(op, true);
  }

  private write<T>(op: (ctx: Ctx) => Promise<T>): Promise<T> {
    return this.run(op, false);
  }

  // Controls ---------------------------------------------------------------------------------------------
  /** The mock clock: real time plus the store's offset. */
  now(): Promise<number> {
    return this.read((ctx) => Promise.resolve(ctx.now));
  }
  reset(seed: SeedName = 'default'): Promise<void> {
    return this.write((ctx) => ctx.tx.replaceAll(seedState(this.realNow(), seed)));
  }
  /** `POST /__mock/reset`: checks the body (`{ seed? }`) first, then resets. */
  resetFromBody(body: unknown): Promise<void> {
    return this.reset(resetSeed(body));
  }
  advanceClock(ms: number): Promise<number> {
    return this.write((ctx) => advanceClock(ctx.tx, this.realNow, ms));
  }
  setClock(when: string): Promise<number> {
    return this.write((ctx) => setClock(ctx.tx, this.realNow, when));
  }
  outbox(to?: string | null): Promise<OutboxMessage[]> {
    return this.read((ctx) => ctx.tx.listMessages(to ? normalizeEmail(to) : null));
  }
  joinMember(org: string, body: unknown) {
    return this.write((ctx) => joinMember(ctx, org, body));
  }
  faults(): Promise<Faults> {
    return this.read((ctx) => ctx.tx.faults());
  }
  setFaults(body: unknown) {
    return this.write((ctx) => setFaults(ctx.tx, body));
  }
  /** Everything, as a deep copy (`/__mock` state, tests). */
  snapshot(): Promise<MockState> {
    return this.read((ctx) => ctx.tx.snapshot());
  }

  // Admin surface ----------------------------------------------------------------------------------------
  listInvitations(actor: Actor | null, org: string, query: unknown = {}) {
    return this.read((ctx) => listInvitations(ctx, actor, org, query));
  }
  createInvitations(actor: Actor | null, org: string, body: unknown, options: { idempotencyKey?: string | null } = {}) {
    const op = (ctx: Ctx) => createInvitations(ctx, actor, org, body, options);
    // A dry run stores nothing, so it is a read: the invite dialog previews on every edit, and a write would
    // cost the commit hook (the data file, localStorage) a full save.
    return isDryRun(body) ? this.read(op) : this.write(op);
  }
  exportCsv(actor: Actor | null, org: string, query: unknown = {}) {
    return this.read((ctx) => exportInvitationsCsv(ctx, actor, org, query));
  }
  revokeStale(actor: Actor | null, org: string) {
    return this.write((ctx) => revokeStaleInvitations(ctx, actor, org));
  }
  getInvitation(actor: Actor | null, org: string, id: string) {
    return this.read((ctx) => getInvitation(ctx, actor, org, id));
  }
  link(actor: Actor | null, org: string, id: string) {
    return this.read((ctx) => invitationLink(ctx, actor, org, id));
  }
  resend(actor: Actor | null, org: string, id: string) {
    return this.write((ctx) => resendInvitation(ctx, actor, org, id));
  }
  renew(actor: Actor | null, org: string, id: string) {
    return this.write((ctx) => renewInvitation(ctx, actor, org, id));
  }
  revoke(actor: Actor | null, org: string, id: string) {
    return this.write((ctx) => revokeInvitation(ctx, actor, org, id));
  }
  listRequests(actor: Actor | null, org: string, query: unknown = {}) {
    return this.read((ctx) => listRequests(ctx, actor, org, query));
  }
  approveRequest(actor: Actor | null, org: string, id: string) {
    return this.write((ctx) => approveRequest(ctx, actor, org, id));
  }
  dismissRequest(actor: Actor | null, org: string, id: string) {
    return this.write((ctx) => dismissRequest(ctx, actor, org, id));
  }
  dismissStale(actor: Actor | null, org: string) {
    return this.write((ctx) => dismissStaleRequests(ctx, actor, org));
  }
  listMembers(actor: Actor | null, org: string, query: unknown = {}) {
    return this.read((ctx) => listMembers(ctx, actor, org, query));
  }
  getSettings(actor: Actor | null, org: string) {
    return this.read((ctx) => getSettings(ctx, actor, org));
  }
  updateSettings(actor: Actor | null, org: string, patch: unknown) {
    return this.write((ctx) => updateSettings(ctx, actor, org, patch));
  }

  // Public surface ---------------------------------------------------------------------------------------
  access(org: string) {
    return this.read((ctx) => getAccess(ctx, org));
  }
  submitRequest(org: string, body: unknown, remote = 'local') {
    return this.write((ctx) => submitRequest(ctx, org, body, remote));
  }
  lookupInvite(code: string) {
    return this.read((ctx) => lookupInvite(ctx, code));
  }
  acceptInvite(actor: Actor | null, code: string, body: unknown = {}) {
    return this.write((ctx) => acceptInvite(ctx, actor, code, body));
  }
  declineInvite(code: string) {
    return this.write((ctx) => declineInvite(ctx, code));
  }
}
