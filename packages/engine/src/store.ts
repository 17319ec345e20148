/**
 * The store the rules engine reads and writes through (server.md, "One set of rules"). Two implementations: the
 * mock's in-memory store over a {@link StoreState}, and the production server's SQL store (Kysely on PostgreSQL or
 * PGlite). Every rule lives in the engine; a store only keeps records, answers the queries below, and enforces,
 * with constraints, the few guarantees that must hold across processes.
 *
 * Two interfaces: {@link StoreTx}, what the rules need (all production ever runs), and {@link ControlsTx}, the
 * test controls (a moved clock, injected faults, seeded tokens, whole-state snapshots and resets) that only the
 * mock and a server started with test controls mount, as a {@link ControlledStore}.
 *
 * How races end: the engine runs each operation in one {@link Store.transaction}. Where another transaction got
 * there first (a constraint fired, a compare-and-set found the record changed, a serialization failure or a
 * deadlock), the store throws {@link StoreConflict}; the transaction rolls back and the engine runs the whole
 * operation again from the start, up to a few times. The second run reads what the winner committed and answers
 * with the rule that now applies (`already_used`, `resend_limit_reached`, `not_pending`, the `already_invited`
 * skip, the idempotent replay). So two processes racing still yield exactly one success, and no store ever
 * decides which rule error to give. Any other failure (a lost connection, a commit hook that could not save)
 * is a {@link StoreUnavailable}: the engine answers `unavailable` (503) and nothing changed.
 *
 * Records are the JSON records of state.ts; times are epoch milliseconds on the engine's clock (real time, or
 * the controls' moved clock); email addresses arrive trimmed and lower-cased. Records are values: the
 * engine never mutates a record it was given (it passes a new object to an update), so a store may hand out its
 * own objects, and must not keep the ones it was given aliased to anything the engine could still change.
 */
import type { InvitationSort, InvitationStatus } from '@invitekit/sdk';
import type {
  Faults,
  IdempotencyRecord,
  InvitationRecord,
  MemberRecord,
  StoreState,
  OrganizationState,
  OrgSettingsRecord,
  OutboxMessage,
  RequestRecord,
  TokenRecord,
} from './state.js';

/** An organization without its members, invitations and requests (those are queried separately). */
export type OrganizationRecord = Omit<OrganizationState, 'members' | 'invitations' | 'requests'>;

/** What the host says about an organization: its name and roles (its settings are the admins'). */
export type OrganizationProfile = Pick<OrganizationRecord, 'name' | 'roles' | 'defaultRole'>;

/**
 * Another transaction changed what this one relied on. Thrown by a store where a constraint fires or a
 * compare-and-set fails; the engine rolls back and runs the operation again, which then answers by the rules.
 * `constraint` names what fired (for logs and tests), e.g. `invitation_pending_unique`.
 */
export class StoreConflict extends Error {
  constructor(
    readonly constraint: string,
    message = `Another change got there first (${constraint}).`,
  ) {
    super(message);
    this.name = 'StoreConflict';
  }
}

/** The store cannot serve now (connection lost, data file not written); the engine answers `unavailable`. */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}

/** A value a list is sorted by: a string (compared by Unicode code point) or a number of milliseconds. */
export type SortValue = string | number;

/**
 * Where a keyset page starts: strictly after the item with this sort value and id, in the list's order. The
 * engine decodes it from the client's cursor and encodes the next cursor from the last item it serves, so both
 * stores page identically and the cursor format is the engine's alone.
 */
export interface KeysetPosition {
  key: SortValue;
  id: string;
}

/** A page of records and how many match the filter in all (ignoring the position and the limit). */
export interface Slice<T> {
  items: T[];
  total: number;
}

/**
 * The invitation list's filter, order and page. Sort values: `email` the stored address; `status` the status at
 * `now` (`expired` = stored `pending` with `expiresAt <= now`); `invitedAt`, `expiresAt` the milliseconds. Ties
 * break on `id` in the same direction. Strings compare by code point (SQL: `COLLATE "C"`), so the memory store
 * and the SQL store agree on every order.
 */
export interface InvitationListQuery {
  /** The instant the statuses are computed at. */
  now: number;
  /** Non-empty; an invitation matches when its status at `now` is one of these. */
  statuses: readonly InvitationStatus[];
  /**
   * Lower-cased; matches when the stored address contains it (a plain substring, no wildcards); '' is any. With a
   * search, `total` may stop counting past SEARCH_TOTAL_CAP (`@invitekit/sdk`): the engine answers the cap.
   */
  q: string;
  sort: InvitationSort;
  order: 'asc' | 'desc';
  after: KeysetPosition | null;
  /** At most this many items; `null` is all of them (the CSV export). The engine asks one more than a page. */
  limit: number | null;
}

/** Members by address ascending, id ascending. `q` (lower-cased) matches the address or the lower-cased name. */
export interface MemberListQuery {
  q: string;
  after: KeysetPosition | null;
  limit: number;
}

/** Requests newest first: `requestedAt` descending, `id` descending. */
export interface RequestListQuery {
  statuses: readonly RequestRecord['status'][];
  after: KeysetPosition | null;
  limit: number;
}

/** An invitation found by a code: its current code, or one a renewal replaced (which reads `expired`). */
export interface CodeMatch {
  org: string;
  invitation: InvitationRecord;
  /** The expiry the replaced code had; `null` when the code is the invitation's current one. */
  replacedExpiresAt: number | null;
}

/**
 * One transaction. Everything done through it commits together when the callback resolves, or not at all when
 * it throws. Within it, a read sees the transaction's own writes.
 */
export interface StoreTx {
  // Organizations ----------------------------------------------------------------------------------------
  organization(slug: string): Promise<OrganizationRecord | undefined>;
  /** Every organization, by slug ascending (the host's `organizations list`). */
  organizations(): Promise<OrganizationRecord[]>;
  /** Adds an organization. SQL: primary key on slug, throwing `StoreConflict('organizations_pkey')`. */
  insertOrganization(organization: OrganizationRecord): Promise<void>;
  /** Replaces the organization's name, roles and default role (the engine has checked them). */
  updateOrganization(slug: string, profile: OrganizationProfile): Promise<void>;
  /** The roles the organization's invitations name (a role in use stays among its roles). */
  invitationRoles(slug: string): Promise<Set<string>>;
  /** Replaces the organization's settings (the engine has checked them). */
  updateSettings(slug: string, settings: OrgSettingsRecord): Promise<void>;

  // Members ----------------------------------------------------------------------------------------------
  member(org: string, email: string): Promise<MemberRecord | undefined>;
  /** Which of `emails` belong to active members (the `stale` flags of a page). */
  memberEmails(org: string, emails: readonly string[]): Promise<Set<string>>;
  /**
   * Adds a member. SQL: unique (org, email); a second member for one address throws
   * `StoreConflict('member_email_unique')` (the rerun keeps the existing membership: no duplicate member).
   */
  insertMember(org: string, member: MemberRecord): Promise<void>;
  listMembers(org: string, query: MemberListQuery): Promise<Slice<MemberRecord>>;
  /** Removes the member with this address (a departure); answers whether there was one. */
  deleteMember(org: string, email: string): Promise<boolean>;

  // Invitations ------------------------------------------------------------------------------------------
  invitation(org: string, id: string): Promise<InvitationRecord | undefined>;
  /**
   * The invitations of `emails` that are pending at `now` (stored `pending`, `expiresAt > now`), at most one per
   * address, in no set order: one read for a whole batch of addresses.
   */
  pendingInvitations(org: string, emails: readonly string[], now: number): Promise<InvitationRecord[]>;
  /** The invitation whose current code, or one of whose replaced codes, is `code`, in any organization. */
  invitationByCode(code: string): Promise<CodeMatch | undefined>;
  /**
   * Stores a new invitation. SQL constraints, each throwing `StoreConflict`:
   * - `invitation_pending_unique`: never two invitations of one (org, lower(email)) both pending at one instant.
   *   Expiry is computed, so a plain partial index `WHERE state = 'pending'` would wrongly refuse re-inviting an
   *   address whose invitation expired; natural forms are an exclusion constraint over the validity window,
   *   `EXCLUDE USING gist (org WITH =, email WITH =, tstzrange(invited_at, expires_at) WITH &&) WHERE (state =
   *   'pending')` (btree_gist, which PGlite and Debian's PostgreSQL ship), or a store-internal "open" flag that
   *   the store clears on the address's expired pending rows before the insert, under a unique partial index.
   *   The engine checks first; the constraint decides only races (the rerun answers `already_invited`).
   * - `invitation_code_unique`: every code, current or replaced, is unique across organizations.
   */
  insertInvitation(org: string, invitation: InvitationRecord): Promise<void>;
  /**
   * Replaces an invitation, a compare-and-set: only when the stored `state`, `code` and `resendCount` still
   * equal `previous`'s; else `StoreConflict('invitation_changed')`. That makes a code single-use (two accepts:
   * one wins, the rerun of the other answers `already_used`) and the resend cap exact (SQL may add `CHECK
   * (resend_count BETWEEN 0 AND <MAX_RESENDS of limits.ts>)`). `next.replacedCodes` is `previous`'s plus any
   * new entries (append-only); a renewal that makes the address's second pending invitation fires
   * `invitation_pending_unique` as for an insert.
   */
  updateInvitation(org: string, next: InvitationRecord, previous: InvitationRecord): Promise<void>;
  /** The invitations the list shows with this filter and order: one page (or all), and the total. */
  listInvitations(org: string, query: InvitationListQuery): Promise<Slice<InvitationRecord>>;
  /** Invitations pending at `now` whose address belongs to an active member. */
  staleInvitations(org: string, now: number): Promise<InvitationRecord[]>;

  // Invitation requests ----------------------------------------------------------------------------------
  request(org: string, id: string): Promise<RequestRecord | undefined>;
  /** The pending requests of `emails`, at most one per address, in no set order. */
  pendingRequests(org: string, emails: readonly string[]): Promise<RequestRecord[]>;
  /**
   * Stores a request. SQL: unique (org, email) where `status = 'pending'`, throwing
   * `StoreConflict('request_pending_unique')` (the rerun finds the pending request and adds nothing).
   */
  insertRequest(org: string, request: RequestRecord): Promise<void>;
  /**
   * Replaces a request, a compare-and-set on `status` (approve-once, dismiss-once):
   * `StoreConflict('request_changed')` when the stored status is no longer `previous.status`.
   */
  updateRequest(org: string, next: RequestRecord, previous: RequestRecord): Promise<void>;
  listRequests(org: string, query: RequestListQuery): Promise<Slice<RequestRecord>>;
  /** Pending requests whose address belongs to an active member. */
  staleRequests(org: string): Promise<RequestRecord[]>;

  // Idempotency records (scope = organization + credentials + key) ------------------------------------
  /** The record of `scope` made after `since` (`at > since`), if any. */
  idempotency(scope: string, since: number): Promise<IdempotencyRecord | undefined>;
  /**
   * Records a successful answer. SQL: unique on `scope`, throwing `StoreConflict('idempotency_scope_unique')`
   * (two requests with one key racing: the rerun of the loser replays the winner's answer). The engine prunes
   * expired records of the scope first, so an old record never blocks a new one.
   */
  putIdempotency(record: IdempotencyRecord): Promise<void>;
  /** Drops records made at or before `before`. */
  pruneIdempotency(before: number): Promise<void>;

  // Rate limits (sliding windows) ------------------------------------------------------------------------
  /**
   * The times (ascending) of the hits on `key` after `since`. Counting and then adding must be atomic across
   * processes: the SQL store holds a lock on `key` from here to the end of the transaction (say
   * `pg_advisory_xact_lock(hashtext(key))`), so two submissions never both see the last free slot.
   */
  rateHits(key: string, since: number): Promise<number[]>;
  addRateHits(keys: readonly string[], at: number): Promise<void>;
  /** Drops hits made at or before `before`. */
  pruneRateHits(before: number): Promise<void>;

  // Outbox -----------------------------------------------------------------------------------------------
  /**
   * Records a message to send; it leaves only if the transaction commits (the server sends it after commit;
   * the mock keeps the most recent MAX_OUTBOX_MESSAGES of limits.ts for its controls).
   */
  appendMessage(message: OutboxMessage): Promise<void>;
}

/**
 * The test controls' side of a transaction (the mock, and a server started with test controls; never a production
 * request): the moved clock, injected faults, seeded credentials, the outbox as the controls show it, and the
 * whole state at once.
 */
export interface ControlsTx {
  /** Messages oldest first, only those to `to` when given (lower-cased). For the mock's controls. */
  listMessages(to: string | null): Promise<OutboxMessage[]>;
  /** The moved clock is real time plus this offset. */
  clockOffset(): Promise<number>;
  setClockOffset(ms: number): Promise<void>;
  faults(): Promise<Faults>;
  setFaults(faults: Faults): Promise<void>;
  /** The stored credentials with this token (the mock's seeded tokens). */
  token(token: string): Promise<TokenRecord | undefined>;
  /**
   * The stored credentials whose token is `key` now belong to `org` (an empty grant, no permission): someone who
   * accepted while signed in. Unknown keys change nothing.
   */
  grantMembership(key: string, org: string): Promise<void>;
  /** Replaces everything with `state` (already checked by `parseState`). */
  replaceAll(state: StoreState): Promise<void>;
  /** Everything, as a deep copy that shares nothing with the store. */
  snapshot(): Promise<StoreState>;
}

export interface TransactionOptions {
  /**
   * The callback only reads: no commit hook runs and nothing is saved (the memory store skips its undo log; SQL
   * may run `READ ONLY`). A read-only transaction that writes is a bug.
   */
  readOnly?: boolean;
}

export interface Store<Tx extends StoreTx = StoreTx> {
  /**
   * Runs `fn` in one transaction: all of its writes commit when it resolves, none when it throws (the error is
   * rethrown as is, after the rollback). The memory store runs one transaction at a time; the SQL store runs
   * them concurrently and surfaces every lost race as {@link StoreConflict}.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Releases connections or files; no transaction may start afterwards. */
  close?(): Promise<void>;
}

/** A store whose transactions also carry the test controls. */
export type ControlledStore = Store<StoreTx & ControlsTx>;

/**
 * Makes a store holding `initial` (a checked state, say a seed). The engine's tests build their store through
 * such a factory: the memory store by default, or the module named by `INVITEKIT_TEST_STORE_MODULE`, which
 * exports `createStore`, so the same test files run against the SQL store.
 */
export type CreateStore = (initial: StoreState) => ControlledStore | Promise<ControlledStore>;
