/**
 * The mock's store: the whole world in one {@link StoreState} in memory. Transactions run one at a time (a promise
 * queue), so two requests never interleave inside the rules. A transaction that throws is undone through an undo
 * log of the records it touched (copy-on-write: a write replaces a record, never edits it), which costs nothing
 * per untouched record however large the state. `onCommit` hears the state after every transaction that changed
 * something; when it throws (the data file could not be written) the transaction is undone and the store answers
 * {@link StoreUnavailable}, so what was answered is exactly what a restart finds.
 */
import { type StoreIndexes, buildIndexes, listInvitationRecords } from './memory-queries.js';
import { MAX_OUTBOX_MESSAGES } from './limits.js';
import { type InvitationRecord, type StoreState, type OrganizationState, cloneState } from './state.js';
import {
  type CodeMatch,
  type ControlledStore,
  type ControlsTx,
  type OrganizationProfile,
  type OrganizationRecord,
  StoreConflict,
  type StoreTx,
  StoreUnavailable,
  type TransactionOptions,
} from './store.js';
import { keysetSlice } from './keyset.js';
import { invitationStatus } from './views.js';

export interface MemoryStoreOptions {
  /**
   * Called with the live state after each transaction that changed it, before the transaction counts as done.
   * Save it (do not keep or change it); throw to refuse the change: it is undone and the operation answers
   * `unavailable`.
   */
  onCommit?: ((state: StoreState) => void | Promise<void>) | undefined;
}

/** A plain deep copy of one record, so the store never aliases what the engine handed it. */
const copy = <T>(record: T): T => structuredClone(record);

export class MemoryStore implements ControlledStore {
  private current: StoreState;
  private indexes: StoreIndexes;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly onCommit: MemoryStoreOptions['onCommit'];

  constructor(initial: StoreState, options: MemoryStoreOptions = {}) {
    this.current = cloneState(initial);
    this.indexes = buildIndexes(this.current);
    this.onCommit = options.onCommit;
  }

  /** The live state, for synchronous readers such as fault injection; never change it. */
  get state(): StoreState {
    return this.current;
  }

  transaction<T>(fn: (tx: StoreTx & ControlsTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const run = this.tail.then(() => this.run(fn, options.readOnly === true));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async run<T>(fn: (tx: StoreTx & ControlsTx) => Promise<T>, readOnly: boolean): Promise<T> {
    const undo: (() => void)[] = [];
    const tx = new MemoryTx(this, undo, readOnly);
    try {
      const result = await fn(asyncErrors(tx));
      tx.close();
      if (undo.length > 0 && this.onCommit) {
        try {
          await this.onCommit(this.current);
        } catch (error) {
          throw new StoreUnavailable(`The change could not be saved: ${(error as Error).message}`, { cause: error });
        }
      }
      return result;
    } catch (error) {
      tx.close();
      if (undo.length > 0) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
        this.indexes = buildIndexes(this.current);
      }
      throw error;
    }
  }

  /** @internal For MemoryTx. */
  get live(): { state: StoreState; indexes: StoreIndexes } {
    return { state: this.current, indexes: this.indexes };
  }

  /** @internal For MemoryTx: replaces everything (reset); the undo log restores the previous state. */
  swap(state: StoreState): StoreState {
    const previous = this.current;
    this.current = state;
    this.indexes = buildIndexes(state);
    return previous;
  }

  /** @internal For MemoryTx, after a rare change that moves records (an organization added, a member removed). */
  reindex(): void {
    this.indexes = buildIndexes(this.current);
  }
}

/**
 * The transaction as callers see it: a method that refuses (a constraint, a closed transaction) answers a rejected
 * promise, as an SQL store's would, rather than throwing before the caller could attach a handler.
 */
function asyncErrors(tx: MemoryTx): StoreTx & ControlsTx {
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args));
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
    },
  });
}

class MemoryTx implements StoreTx, ControlsTx {
  private open = true;

  constructor(
    private readonly store: MemoryStore,
    private readonly undo: (() => void)[],
    private readonly readOnly: boolean,
  ) {}

  close(): void {
    this.open = false;
  }

  private get state(): StoreState {
    if (!this.open) throw new Error('This transaction has ended; use the one the current callback was given.');
    return this.store.live.state;
  }

  private get ix(): StoreIndexes {
    return this.store.live.indexes;
  }

  private requireWritable(): void {
    if (!this.open) throw new Error('This transaction has ended; use the one the current callback was given.');
    if (this.readOnly) throw new Error('A read-only transaction tried to write.');
  }

  /** Checks that writing is allowed, and registers how to undo the write about to happen. */
  private write(undo: () => void): void {
    this.requireWritable();
    this.undo.push(undo);
  }

  private org(slug: string): OrganizationState {
    const org = this.state.orgs.find((o) => o.slug === slug);
    if (!org) throw new Error(`No organization "${slug}" in the store.`);
    return org;
  }

  // Organizations ----------------------------------------------------------------------------------------
  organization(slug: string) {
    const org = this.state.orgs.find((o) => o.slug === slug);
    if (!org) return Promise.resolve(undefined);
    const { name, roles, defaultRole, settings } = org;
    return Promise.resolve({ slug, name, roles, defaultRole, settings });
  }
  organizations() {
    const found = this.state.orgs.map(({ slug, name, roles, defaultRole, settings }) => ({
      slug,
      name,
      roles,
      defaultRole,
      settings,
    }));
    return Promise.resolve(found.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)));
  }
  insertOrganization(organization: OrganizationRecord) {
    const orgs = this.state.orgs;
    if (orgs.some((o) => o.slug === organization.slug)) throw new StoreConflict('organizations_pkey');
    this.write(() => orgs.pop());
    orgs.push({ ...copy(organization), members: [], invitations: [], requests: [] });
    this.store.reindex();
    return Promise.resolve();
  }
  updateOrganization(slug: string, profile: OrganizationProfile) {
    const orgs = this.state.orgs;
    const i = orgs.findIndex((o) => o.slug === slug);
    const stored = orgs[i];
    if (!stored) throw new Error(`No organization "${slug}" in the store.`);
    this.write(() => (orgs[i] = stored));
    orgs[i] = { ...stored, ...copy(profile) };
    return Promise.resolve();
  }
  invitationRoles(slug: string) {
    const roles = this.org(slug).invitations.map((inv) => inv.role);
    return Promise.resolve(new Set(roles.filter((role): role is string => role !== null)));
  }
  updateSettings(slug: string, settings: OrganizationState['settings']) {
    const org = this.org(slug);
    const previous = org.settings;
    this.write(() => (org.settings = previous));
    org.settings = copy(settings);
    return Promise.resolve();
  }

  // Members ----------------------------------------------------------------------------------------------
  member(org: string, email: string) {
    const i = this.ix.orgs.get(org)?.memberByEmail.get(email);
    return Promise.resolve(i === undefined ? undefined : this.org(org).members[i]);
  }
  memberEmails(org: string, emails: readonly string[]) {
    const index = this.ix.orgs.get(org)?.memberByEmail;
    return Promise.resolve(new Set(emails.filter((e) => index?.has(e))));
  }
  insertMember(org: string, member: OrganizationState['members'][number]) {
    const record = this.org(org);
    const index = this.ix.orgs.get(org);
    if (!index || index.memberByEmail.has(member.email)) throw new StoreConflict('member_email_unique');
    this.write(() => record.members.pop());
    record.members.push(copy(member));
    index.memberByEmail.set(member.email, record.members.length - 1);
    return Promise.resolve();
  }
  deleteMember(org: string, email: string) {
    const record = this.org(org);
    const previous = record.members;
    if (!previous.some((m) => m.email === email)) return Promise.resolve(false);
    this.write(() => (record.members = previous));
    record.members = previous.filter((m) => m.email !== email);
    this.store.reindex();
    return Promise.resolve(true);
  }
  listMembers(org: string, query: Parameters<StoreTx['listMembers']>[1]) {
    const q = query.q;
    const found = this.org(org).members.filter(
      (m) => q === '' || m.email.includes(q) || (m.name ?? '').toLowerCase().includes(q),
    );
    return Promise.resolve(keysetSlice(found, (m) => m.email, 'asc', query.after, query.limit));
  }

  // Invitations ------------------------------------------------------------------------------------------
  invitation(org: string, id: string) {
    const i = this.ix.orgs.get(org)?.invitationById.get(id);
    return Promise.resolve(i === undefined ? undefined : this.org(org).invitations[i]);
  }
  pendingInvitations(org: string, emails: readonly string[], now: number) {
    const record = this.org(org);
    const index = this.ix.orgs.get(org);
    const found: InvitationRecord[] = [];
    for (const email of new Set(emails)) {
      for (const id of index?.invitationsByEmail.get(email) ?? []) {
        const i = index?.invitationById.get(id);
        const inv = i === undefined ? undefined : record.invitations[i];
        if (inv && invitationStatus(inv, now) === 'pending') {
          found.push(inv);
          break;
        }
      }
    }
    return Promise.resolve(found);
  }
  invitationByCode(code: string): Promise<CodeMatch | undefined> {
    const hit = this.ix.codes.get(code);
    if (!hit) return Promise.resolve(undefined);
    const i = this.ix.orgs.get(hit.org)?.invitationById.get(hit.id);
    const invitation = i === undefined ? undefined : this.org(hit.org).invitations[i];
    if (!invitation) return Promise.resolve(undefined);
    const replaced = invitation.code === code ? undefined : invitation.replacedCodes.find((r) => r.code === code);
    return Promise.resolve({ org: hit.org, invitation, replacedExpiresAt: replaced ? replaced.expiresAt : null });
  }
  insertInvitation(org: string, invitation: OrganizationState['invitations'][number]) {
    const record = this.org(org);
    const index = this.ix.orgs.get(org);
    if (!index || index.invitationById.has(invitation.id)) throw new StoreConflict('invitation_id_unique');
    if (this.ix.codes.has(invitation.code)) throw new StoreConflict('invitation_code_unique');
    this.requireNoOtherPending(org, invitation);
    this.write(() => record.invitations.pop());
    record.invitations.push(copy(invitation));
    index.invitationById.set(invitation.id, record.invitations.length - 1);
    index.invitationsByEmail.set(invitation.email, [
      ...(index.invitationsByEmail.get(invitation.email) ?? []),
      invitation.id,
    ]);
    this.ix.codes.set(invitation.code, { org, id: invitation.id });
    return Promise.resolve();
  }
  updateInvitation(
    org: string,
    next: OrganizationState['invitations'][number],
    previous: OrganizationState['invitations'][number],
  ) {
    const record = this.org(org);
    const i = this.ix.orgs.get(org)?.invitationById.get(next.id);
    const stored = i === undefined ? undefined : record.invitations[i];
    if (i === undefined || !stored || next.id !== previous.id || next.email !== stored.email) {
      throw new StoreConflict('invitation_changed');
    }
    const { state, code, resendCount } = previous;
    if (stored.state !== state || stored.code !== code || stored.resendCount !== resendCount) {
      throw new StoreConflict('invitation_changed');
    }
    if (next.code !== stored.code && this.ix.codes.has(next.code)) throw new StoreConflict('invitation_code_unique');
    this.requireNoOtherPending(org, next);
    this.write(() => (record.invitations[i] = stored));
    record.invitations[i] = copy(next);
    this.ix.codes.set(next.code, { org, id: next.id });
    return Promise.resolve();
  }
  /** The one-pending-invitation-per-address constraint: no other invitation of the address pending in its window. */
  private requireNoOtherPending(org: string, invitation: OrganizationState['invitations'][number]): void {
    if (invitation.state !== 'pending') return;
    const record = this.org(org);
    const index = this.ix.orgs.get(org);
    for (const id of index?.invitationsByEmail.get(invitation.email) ?? []) {
      const i = index?.invitationById.get(id);
      const other = i === undefined ? undefined : record.invitations[i];
      if (!other || other.id === invitation.id || other.state !== 'pending') continue;
      if (other.invitedAt < invitation.expiresAt && invitation.invitedAt < other.expiresAt) {
        throw new StoreConflict('invitation_pending_unique');
      }
    }
  }
  listInvitations(org: string, query: Parameters<StoreTx['listInvitations']>[1]) {
    return Promise.resolve(listInvitationRecords(this.org(org).invitations, query));
  }
  staleInvitations(org: string, now: number) {
    const members = this.ix.orgs.get(org)?.memberByEmail;
    return Promise.resolve(
      this.org(org).invitations.filter((inv) => invitationStatus(inv, now) === 'pending' && members?.has(inv.email)),
    );
  }

  // Invitation requests ----------------------------------------------------------------------------------
  request(org: string, id: string) {
    return Promise.resolve(this.org(org).requests.find((r) => r.id === id));
  }
  pendingRequests(org: string, emails: readonly string[]) {
    const wanted = new Set(emails);
    return Promise.resolve(this.org(org).requests.filter((r) => r.status === 'pending' && wanted.has(r.email)));
  }
  insertRequest(org: string, request: OrganizationState['requests'][number]) {
    const record = this.org(org);
    if (record.requests.some((r) => r.id === request.id)) throw new StoreConflict('request_id_unique');
    if (
      request.status === 'pending' &&
      record.requests.some((r) => r.email === request.email && r.status === 'pending')
    ) {
      throw new StoreConflict('request_pending_unique');
    }
    this.write(() => record.requests.pop());
    record.requests.push(copy(request));
    return Promise.resolve();
  }
  updateRequest(
    org: string,
    next: OrganizationState['requests'][number],
    previous: OrganizationState['requests'][number],
  ) {
    const record = this.org(org);
    const i = record.requests.findIndex((r) => r.id === next.id);
    const stored = record.requests[i];
    if (!stored || stored.status !== previous.status || next.id !== previous.id) {
      throw new StoreConflict('request_changed');
    }
    this.write(() => (record.requests[i] = stored));
    record.requests[i] = copy(next);
    return Promise.resolve();
  }
  listRequests(org: string, query: Parameters<StoreTx['listRequests']>[1]) {
    const statuses = new Set<string>(query.statuses);
    const found = this.org(org).requests.filter((r) => statuses.has(r.status));
    return Promise.resolve(keysetSlice(found, (r) => r.requestedAt, 'desc', query.after, query.limit));
  }
  staleRequests(org: string) {
    const members = this.ix.orgs.get(org)?.memberByEmail;
    return Promise.resolve(this.org(org).requests.filter((r) => r.status === 'pending' && members?.has(r.email)));
  }

  // Idempotency and rate limits --------------------------------------------------------------------------
  idempotency(scope: string, since: number) {
    return Promise.resolve(this.state.idempotency.find((r) => r.scope === scope && r.at > since));
  }
  putIdempotency(record: StoreState['idempotency'][number]) {
    const records = this.state.idempotency;
    if (records.some((r) => r.scope === record.scope)) throw new StoreConflict('idempotency_scope_unique');
    this.write(() => records.pop());
    records.push(copy(record));
    return Promise.resolve();
  }
  pruneIdempotency(before: number) {
    const state = this.state;
    const previous = state.idempotency;
    if (previous.every((r) => r.at > before)) return Promise.resolve();
    this.write(() => (state.idempotency = previous));
    state.idempotency = previous.filter((r) => r.at > before);
    return Promise.resolve();
  }
  rateHits(key: string, since: number) {
    const times = this.state.rateHits.filter((h) => h.key === key && h.at > since).map((h) => h.at);
    return Promise.resolve(times.sort((a, b) => a - b));
  }
  addRateHits(keys: readonly string[], at: number) {
    const hits = this.state.rateHits;
    const length = hits.length;
    this.write(() => hits.splice(length));
    for (const key of keys) hits.push({ key, at });
    return Promise.resolve();
  }
  pruneRateHits(before: number) {
    const state = this.state;
    const previous = state.rateHits;
    if (previous.every((h) => h.at > before)) return Promise.resolve();
    this.write(() => (state.rateHits = previous));
    state.rateHits = previous.filter((h) => h.at > before);
    return Promise.resolve();
  }

  // Outbox -----------------------------------------------------------------------------------------------
  appendMessage(message: StoreState['outbox'][number]) {
    const state = this.state;
    const previous = state.outbox;
    this.write(() => (state.outbox = previous));
    // Only the newest MAX_OUTBOX_MESSAGES are kept; a new array, so that the undo keeps the old one whole.
    const kept = previous.slice(Math.max(0, previous.length - MAX_OUTBOX_MESSAGES + 1));
    kept.push(copy(message));
    state.outbox = kept;
    return Promise.resolve();
  }
  listMessages(to: string | null) {
    return Promise.resolve(this.state.outbox.filter((m) => to === null || m.to === to).map((m) => ({ ...m })));
  }

  // Controls and credentials -----------------------------------------------------------------------------
  clockOffset() {
    return Promise.resolve(this.state.clockOffsetMs);
  }
  setClockOffset(ms: number) {
    const state = this.state;
    const previous = state.clockOffsetMs;
    this.write(() => (state.clockOffsetMs = previous));
    state.clockOffsetMs = ms;
    return Promise.resolve();
  }
  faults() {
    return Promise.resolve({ ...this.state.faults });
  }
  setFaults(faults: StoreState['faults']) {
    const state = this.state;
    const previous = state.faults;
    this.write(() => (state.faults = previous));
    state.faults = { ...faults };
    return Promise.resolve();
  }
  token(token: string) {
    return Promise.resolve(this.state.tokens.find((t) => t.token === token));
  }
  grantMembership(key: string, org: string) {
    const tokens = this.state.tokens;
    const i = tokens.findIndex((t) => t.token === key);
    const stored = tokens[i];
    if (!stored || stored.grants[org]) return Promise.resolve();
    this.write(() => (tokens[i] = stored));
    tokens[i] = { ...stored, grants: { ...stored.grants, [org]: [] } };
    return Promise.resolve();
  }

  // Whole state ------------------------------------------------------------------------------------------
  replaceAll(state: StoreState) {
    this.requireWritable();
    const previous = this.store.swap(cloneState(state));
    this.undo.push(() => this.store.swap(previous));
    return Promise.resolve();
  }
  snapshot() {
    return Promise.resolve(cloneState(this.state));
  }
}
