/**
 * The invitekit rules engine: plain TypeScript over plain data, no HTTP and no MSW. `Engine` binds the state,
 * the clock and the random source to the operation modules; each operation checks everything first and
 * either answers or throws an {@link EngineError} having changed nothing.
 */
import type { Credentials } from './auth.js';
import { type RealNow, advanceClock, joinMember, mockNow, resetSeed, setClock, setFaults } from './controls.js';
import { type Ctx, type RandomSource, cryptoRandom } from './context.js';
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
import { exportInvitationsCsv } from './export.js';
import { listOutbox } from './outbox.js';
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
import { type MockState, type OutboxMessage, cloneState, parseState } from './state.js';

export { EngineError, attempt, type EngineResult } from './errors.js';
export { type Ctx, type RandomSource, cryptoRandom, seededRandom } from './context.js';
export type { RealNow } from './controls.js';
export { SEED_CODES, type SeedName, seedState } from './seed.js';
export { type MockState, type OutboxMessage, type Faults, STATE_VERSION, parseState, cloneState } from './state.js';
export { csvField, EXPORT_HEADER } from './export.js';
export * from './limits.js';
export type { Actor, Credentials } from './auth.js';
export * from './store.js';
export { MalformedJson } from './validate.js';

export interface EngineOptions {
  /** Start from this state (say, read back from a file) instead of a seed. */
  state?: MockState;
  seed?: SeedName;
  /** Real time; the mock clock is this plus the state's offset. Default `Date.now`. */
  realNow?: RealNow;
  random?: RandomSource;
  acceptUrl?: string;
  /** Called with the live state after every operation that may have changed it. */
  onChange?: (state: MockState) => void;
}

/** Whether an invite body asks for a dry run; a body that only looks like one is refused by the operation. */
function isDryRun(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { dryRun?: unknown }).dryRun === true;
}

export class Engine {
  state: MockState;
  acceptUrl: string;
  readonly realNow: RealNow;
  readonly random: RandomSource;
  private readonly onChange: ((state: MockState) => void) | undefined;

  constructor(options: EngineOptions = {}) {
    this.realNow = options.realNow ?? Date.now;
    this.random = options.random ?? cryptoRandom;
    this.acceptUrl = options.acceptUrl ?? 'http://localhost/redeem/';
    this.onChange = options.onChange;
    this.state = options.state ? parseState(cloneState(options.state)) : seedState(this.realNow(), options.seed);
  }

  now(): number {
    return mockNow(this.state, this.realNow);
  }

  private ctx(): Ctx {
    return { state: this.state, now: this.now(), random: this.random, acceptUrl: this.acceptUrl };
  }

  /** A read: no change notification. */
  private read<T>(op: (ctx: Ctx) => T): T {
    return op(this.ctx());
  }

  /** A write: on success the change listener hears about it; on a refusal nothing changed. */
  private write<T>(op: (ctx: Ctx) => T): T {
    const result = op(this.ctx());
    this.onChange?.(this.state);
    return result;
  }

  // Controls ---------------------------------------------------------------------------------------------
  reset(seed: SeedName = 'default'): void {
    this.state = seedState(this.realNow(), seed);
    this.onChange?.(this.state);
  }
  /** `POST /__mock/reset`: checks the body (`{ seed? }`) first, then resets. */
  resetFromBody(body: unknown): void {
    this.reset(resetSeed(body));
  }
  advanceClock(ms: number): number {
    return this.write(() => advanceClock(this.state, this.realNow, ms));
  }
  setClock(when: string): number {
    return this.write(() => setClock(this.state, this.realNow, when));
  }
  outbox(to?: string | null): OutboxMessage[] {
    return listOutbox(this.state, to);
  }
  joinMember(org: string, body: unknown) {
    return this.write((ctx) => joinMember(ctx, org, body));
  }
  setFaults(body: unknown) {
    return this.write(() => setFaults(this.state, body));
  }
  snapshot(): MockState {
    return cloneState(this.state);
  }

  // Admin surface ----------------------------------------------------------------------------------------
  listInvitations(cred: Credentials, org: string, query: unknown = {}) {
    return this.read((ctx) => listInvitations(ctx, cred, org, query));
  }
  createInvitations(cred: Credentials, org: string, body: unknown, options: { idempotencyKey?: string | null } = {}) {
    const op = (ctx: Ctx) => createInvitations(ctx, cred, org, body, options);
    // A dry run stores nothing, so it is a read: the invite dialog previews on every edit, and each write
    // notification costs a listener (the data file, localStorage) a full save.
    return isDryRun(body) ? this.read(op) : this.write(op);
  }
  exportCsv(cred: Credentials, org: string, query: unknown = {}) {
    return this.read((ctx) => exportInvitationsCsv(ctx, cred, org, query));
  }
  revokeStale(cred: Credentials, org: string) {
    return this.write((ctx) => revokeStaleInvitations(ctx, cred, org));
  }
  getInvitation(cred: Credentials, org: string, id: string) {
    return this.read((ctx) => getInvitation(ctx, cred, org, id));
  }
  link(cred: Credentials, org: string, id: string) {
    return this.read((ctx) => invitationLink(ctx, cred, org, id));
  }
  resend(cred: Credentials, org: string, id: string) {
    return this.write((ctx) => resendInvitation(ctx, cred, org, id));
  }
  renew(cred: Credentials, org: string, id: string) {
    return this.write((ctx) => renewInvitation(ctx, cred, org, id));
  }
  revoke(cred: Credentials, org: string, id: string) {
    return this.write((ctx) => revokeInvitation(ctx, cred, org, id));
  }
  listRequests(cred: Credentials, org: string, query: unknown = {}) {
    return this.read((ctx) => listRequests(ctx, cred, org, query));
  }
  approveRequest(cred: Credentials, org: string, id: string) {
    return this.write((ctx) => approveRequest(ctx, cred, org, id));
  }
  dismissRequest(cred: Credentials, org: string, id: string) {
    return this.write((ctx) => dismissRequest(ctx, cred, org, id));
  }
  dismissStale(cred: Credentials, org: string) {
    return this.write((ctx) => dismissStaleRequests(ctx, cred, org));
  }
  listMembers(cred: Credentials, org: string, query: unknown = {}) {
    return this.read((ctx) => listMembers(ctx, cred, org, query));
  }
  getSettings(cred: Credentials, org: string) {
    return this.read((ctx) => getSettings(ctx, cred, org));
  }
  updateSettings(cred: Credentials, org: string, patch: unknown) {
    return this.write((ctx) => updateSettings(ctx, cred, org, patch));
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
  acceptInvite(cred: Credentials, code: string, body: unknown = {}) {
    return this.write((ctx) => acceptInvite(ctx, cred, code, body));
  }
  declineInvite(code: string) {
    return this.write((ctx) => declineInvite(ctx, code));
  }
}
