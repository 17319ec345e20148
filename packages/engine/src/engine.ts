/**
 * `Engine` binds a store, the clock and the random source to the operation modules; each operation runs in one
 * transaction, checks everything first and either answers or throws an {@link EngineError} having changed nothing.
 * This is all production runs: real time, the rules' store interface, and after-commit hooks for the host.
 * The test controls (a moved clock, faults, seeded tokens) are {@link ControlledEngine}'s (controlled-engine.ts).
 */
import type { Member } from '@invitekit/sdk';
import type { Actor } from './auth.js';
import type { RealNow } from './controls.js';
import { type Ctx, type RandomSource, cryptoRandom } from './context.js';
import { EngineError } from './errors.js';
import { EXPORT_PAGE_SIZE, csvChunks, startExport } from './export.js';
import { joinMember, removeMember, upsertOrganization } from './host.js';
import { createInvitations } from './inviting.js';
import { acceptInvite, declineInvite, lookupInvite } from './redeem.js';
import {
  getInvitation,
  invitationLink,
  renewInvitation,
  resendInvitation,
  revokeInvitation,
  revokeStaleInvitations,
  updateInvitation,
} from './lifecycle.js';
import { listInvitations, listMembers } from './listing.js';
import {
  approveRequest,
  dismissRequest,
  dismissStaleRequests,
  getAccess,
  listRequests,
  submitRequest,
} from './requests.js';
import { getSettings, updateSettings } from './settings.js';
import { type Store, StoreConflict, type StoreTx, StoreUnavailable } from './store.js';

/** A transaction that lost a race is run again; past this many attempts the operation answers `unavailable`. */
const MAX_ATTEMPTS = 5;

/** An accept that committed, as the host hears it (it creates its own membership). */
export interface AcceptedEvent {
  /** Who accepted while signed in (the host's user), or null when nobody was. */
  actor: Actor | null;
  organization: { slug: string; name: string };
  member: Member;
  invitation: { id: string; email: string; role: string | null };
}

/** Called after the operation's transaction committed, with the records it made; never inside it. */
export interface EngineHooks {
  /** An invitation was accepted. Awaited before the accept is answered. */
  onAccepted?: (event: AcceptedEvent) => void | Promise<void>;
  /** A hook threw: the operation committed and stands, and is answered as such; log the error here. */
  onHookError?: (error: unknown, hook: 'onAccepted') => void;
}

export interface EngineOptions<Tx extends StoreTx = StoreTx> extends EngineHooks {
  store: Store<Tx>;
  /** Real time; default `Date.now`. */
  realNow?: RealNow;
  random?: RandomSource;
  acceptUrl?: string;
  /** Invitations the CSV export reads per page (default EXPORT_PAGE_SIZE); small in tests, to cross pages. */
  exportPageSize?: number;
}

/** Whether an invite body asks for a dry run; a body that only looks like one is refused by the operation. */
function isDryRun(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { dryRun?: unknown }).dryRun === true;
}

export class Engine<Tx extends StoreTx = StoreTx> {
  readonly store: Store<Tx>;
  acceptUrl: string;
  readonly realNow: RealNow;
  readonly random: RandomSource;
  readonly exportPageSize: number;
  private readonly hooks: EngineHooks;

  constructor(options: EngineOptions<Tx>) {
    this.store = options.store;
    this.realNow = options.realNow ?? Date.now;
    this.random = options.random ?? cryptoRandom;
    this.acceptUrl = options.acceptUrl ?? 'http://localhost/redeem/';
    this.exportPageSize = options.exportPageSize ?? EXPORT_PAGE_SIZE;
    this.hooks = { onAccepted: options.onAccepted, onHookError: options.onHookError };
  }

  /**
   * Runs `op` in one transaction. A lost race (StoreConflict) reruns it from the start, so the rerun answers by
   * the rules with what the winner committed; a store that cannot serve answers `unavailable`.
   */
  protected async run<T>(op: (ctx: Ctx, tx: Tx) => Promise<T>, readOnly: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(async (tx) => op(await this.ctx(tx), tx), { readOnly });
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

  /** What an operation sees: production reads nothing for it (real time, no controls). */
  protected ctx(tx: Tx): Promise<Ctx> {
    return Promise.resolve({ tx, now: this.realNow(), random: this.random, acceptUrl: this.acceptUrl });
  }

  protected read<T>(op: (ctx: Ctx, tx: Tx) => Promise<T>): Promise<T> {
    return this.run(op, true);
  }

  protected write<T>(op: (ctx: Ctx, tx: Tx) => Promise<T>): Promise<T> {
    return this.run(op, false);
  }

  // Host operations (outside HTTP) ------------------------------------------------------------------------
  /** Creates the organization or updates its name and roles (`{ slug, name, roles, defaultRole }`). */
  upsertOrganization(input: unknown) {
    return this.write((ctx) => upsertOrganization(ctx, input));
  }
  organizations() {
    return this.read((ctx) => ctx.tx.organizations());
  }
  /** A join outside invitations (SSO, SCIM): `{ email, name?, via, role? }`. */
  joinMember(org: string, body: unknown) {
    return this.write((ctx) => joinMember(ctx, org, body));
  }
  /** A departure; answers whether the address was a member. */
  removeMember(org: string, email: string) {
    return this.write((ctx) => removeMember(ctx, org, email));
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
  /**
   * The CSV export as text chunks, read page by page as they are consumed (export.ts). Refusals (not an admin, a
   * bad query) and a failure of the first read reject here; a failure of a later page throws from the iteration.
   */
  async exportCsv(actor: Actor | null, org: string, query: unknown = {}): Promise<AsyncIterable<string>> {
    const start = await this.read((ctx) => startExport(ctx, actor, org, query, this.exportPageSize));
    return csvChunks(start, async (after) => {
      const page = await this.read((ctx) => ctx.tx.listInvitations(org, { ...start.query, after }));
      return page.items;
    });
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
  updateInvitation(actor: Actor | null, org: string, id: string, body: unknown) {
    return this.write((ctx) => updateInvitation(ctx, actor, org, id, body));
  }
  listRequests(actor: Actor | null, org: string, query: unknown = {}) {
    return this.read((ctx) => listRequests(ctx, actor, org, query));
  }
  approveRequest(actor: Actor | null, org: string, id: string, body: unknown = {}) {
    return this.write((ctx) => approveRequest(ctx, actor, org, id, body));
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
  async acceptInvite(actor: Actor | null, code: string, body: unknown = {}) {
    const { answer, invitation } = await this.write((ctx) => acceptInvite(ctx, actor, code, body));
    const { id, email, role } = invitation;
    await this.after('onAccepted', () =>
      this.hooks.onAccepted?.({ actor, ...answer, invitation: { id, email, role } }),
    );
    return answer;
  }
  declineInvite(code: string) {
    return this.write((ctx) => declineInvite(ctx, code));
  }

  /** Runs a hook after its operation committed; a hook that throws is reported, and the operation stands. */
  private async after(hook: 'onAccepted', run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.hooks.onHookError?.(error, hook);
    }
  }
}
