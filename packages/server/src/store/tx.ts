/**
 * One transaction of the SQL store: the engine's {@link StoreTx} over Kysely. Records go in and come out as
 * the engine's values; constraints that fire become `StoreConflict` in sql-store.ts.
 */
import type {
  CodeMatch,
  IdempotencyRecord,
  MemberListQuery,
  OrganizationProfile,
  OrganizationRecord,
  OutboxMessage,
  RequestListQuery,
  Slice,
  StoreTx,
} from '@invitekit/engine';
import { StoreConflict } from '@invitekit/engine';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { listInvitations } from './invitation-list.js';
import { listMembers, listRequests } from './lists.js';
import { selectInvitations, updateInvitation } from './invitations.js';
import {
  type InvitationRecord,
  type MemberRecord,
  type RequestRecord,
  invitationFromRow,
  memberFromRow,
  memberRow,
  organizationFromRow,
  organizationRow,
  requestFromRow,
  requestColumns,
  requestRow,
  toDate,
  toMs,
} from './rows.js';
import { WriteBuffer } from './write-buffer.js';

export class SqlTx implements StoreTx {
  /** Whether this transaction queued messages (the sender drains the outbox once it commits). */
  appendedMessages = false;

  /** New invitations and messages not yet written (write-buffer.ts). */
  readonly buffer: WriteBuffer;

  /**
   * Addresses known to be members, or not, in this transaction: the list's statement answers them for its page,
   * so the stale flags that the engine asks for next cost no statement. Forgotten when members change.
   */
  protected readonly knownMembers = new Map<string, boolean>();

  /**
   * Organizations read in this transaction by a statement that had another purpose (the list page's): the
   * engine's check that the organization exists, which follows, costs no statement. Forgotten when they change.
   */
  protected readonly knownOrganizations = new Map<string, OrganizationRecord | undefined>();

  constructor(protected readonly db: Kysely<Database>) {
    this.buffer = new WriteBuffer(db);
  }

  // Organizations ----------------------------------------------------------------------------------------
  async organization(slug: string): Promise<OrganizationRecord | undefined> {
    if (this.knownOrganizations.has(slug)) return this.knownOrganizations.get(slug);
    const row = await this.db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && organizationFromRow(row);
  }

  async organizations(): Promise<OrganizationRecord[]> {
    const rows = await this.db.selectFrom('organizations').selectAll().orderBy('slug').execute();
    return rows.map(organizationFromRow);
  }

  async insertOrganization(organization: OrganizationRecord): Promise<void> {
    this.knownOrganizations.clear();
    await this.db.insertInto('organizations').values(organizationRow(organization)).execute();
  }

  async updateOrganization(slug: string, profile: OrganizationProfile): Promise<void> {
    this.knownOrganizations.clear();
    await this.db
      .updateTable('organizations')
      .set({ name: profile.name, roles: JSON.stringify(profile.roles), default_role: profile.defaultRole })
      .where('slug', '=', slug)
      .execute();
  }

  async invitationRoles(slug: string): Promise<Set<string>> {
    await this.buffer.flushInvitations();
    const rows = await this.db
      .selectFrom('invitations')
      .select('role')
      .distinct()
      .where('org', '=', slug)
      .where('role', 'is not', null)
      .execute();
    return new Set(rows.flatMap((r) => (r.role === null ? [] : [r.role])));
  }

  async updateSettings(slug: string, settings: OrganizationRecord['settings']): Promise<void> {
    this.knownOrganizations.clear();
    await this.db
      .updateTable('organizations')
      .set({
        invitation_requests_enabled: settings.invitationRequestsEnabled,
        invitation_ttl_days: settings.invitationTtlDays,
        allowed_domains: JSON.stringify(settings.allowedDomains),
      })
      .where('slug', '=', slug)
      .execute();
  }

  // Members ----------------------------------------------------------------------------------------------
  async member(org: string, email: string): Promise<MemberRecord | undefined> {
    const row = await this.db
      .selectFrom('members')
      .selectAll()
      .where('org', '=', org)
      .where('email', '=', email)
      .executeTakeFirst();
    return row && memberFromRow(row);
  }

  async memberEmails(org: string, emails: readonly string[]): Promise<Set<string>> {
    if (emails.every((email) => this.knownMembers.has(`${org}\n${email}`))) {
      return new Set(emails.filter((email) => this.knownMembers.get(`${org}\n${email}`)));
    }
    const rows = await this.db
      .selectFrom('members')
      .select('email')
      .where('org', '=', org)
      .where('email', 'in', [...emails])
      .execute();
    return new Set(rows.map((r) => r.email));
  }

  async insertMember(org: string, member: MemberRecord): Promise<void> {
    this.knownMembers.clear();
    await this.db.insertInto('members').values(memberRow(org, member)).execute();
  }

  async deleteMember(org: string, email: string): Promise<boolean> {
    this.knownMembers.clear();
    const result = await this.db
      .deleteFrom('members')
      .where('org', '=', org)
      .where('email', '=', email)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listMembers(org: string, query: MemberListQuery): Promise<Slice<MemberRecord>> {
    const { items, total, organization } = await listMembers(this.db, org, query);
    this.knownOrganizations.set(org, organization);
    return { items, total };
  }

  // Invitations ------------------------------------------------------------------------------------------
  async invitation(org: string, id: string): Promise<InvitationRecord | undefined> {
    await this.buffer.flushInvitations();
    const row = await selectInvitations(this.db).where('org', '=', org).where('id', '=', id).executeTakeFirst();
    return row && invitationFromRow(row);
  }

  async pendingInvitations(org: string, emails: readonly string[], now: number): Promise<InvitationRecord[]> {
    if (emails.length === 0) return [];
    await this.buffer.flushInvitations();
    const rows = await selectInvitations(this.db)
      .where('org', '=', org)
      .where('state', '=', 'pending')
      .where('email', 'in', [...new Set(emails)])
      .where('expires_at', '>', toDate(now))
      .execute();
    return rows.map(invitationFromRow);
  }

  async invitationByCode(code: string): Promise<CodeMatch | undefined> {
    await this.buffer.flushInvitations();
    const found = await this.db
      .selectFrom('invitation_codes')
      .select(['invitation_id', 'replaced_expires_at'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!found) return undefined;
    const row = await selectInvitations(this.db).where('id', '=', found.invitation_id).executeTakeFirstOrThrow();
    return {
      org: row.org,
      invitation: invitationFromRow(row),
      replacedExpiresAt: found.replaced_expires_at === null ? null : toMs(found.replaced_expires_at),
    };
  }

  insertInvitation(org: string, invitation: InvitationRecord): Promise<void> {
    this.buffer.addInvitation(org, invitation);
    return Promise.resolve();
  }

  async updateInvitation(org: string, next: InvitationRecord, previous: InvitationRecord): Promise<void> {
    await this.buffer.flushInvitations();
    await updateInvitation(this.db, org, next, previous);
  }

  async listInvitations(org: string, query: Parameters<StoreTx['listInvitations']>[1]) {
    await this.buffer.flushInvitations();
    const { items, total, memberEmails, organization } = await listInvitations(this.db, org, query);
    this.knownOrganizations.set(org, organization);
    for (const inv of items) this.knownMembers.set(`${org}\n${inv.email}`, memberEmails.has(inv.email));
    return { items, total };
  }

  async staleInvitations(org: string, now: number): Promise<InvitationRecord[]> {
    await this.buffer.flushInvitations();
    const rows = await selectInvitations(this.db)
      .where('org', '=', org)
      .where('state', '=', 'pending')
      .where('expires_at', '>', toDate(now))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('members as m')
            .select('m.id')
            .whereRef('m.org', '=', 'invitations.org')
            .whereRef('m.email', '=', 'invitations.email'),
        ),
      )
      .orderBy('position')
      .execute();
    return rows.map(invitationFromRow);
  }

  // Invitation requests ----------------------------------------------------------------------------------
  async request(org: string, id: string): Promise<RequestRecord | undefined> {
    const row = await this.db
      .selectFrom('requests')
      .selectAll()
      .where('org', '=', org)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && requestFromRow(row);
  }

  async pendingRequests(org: string, emails: readonly string[]): Promise<RequestRecord[]> {
    if (emails.length === 0) return [];
    const rows = await this.db
      .selectFrom('requests')
      .selectAll()
      .where('org', '=', org)
      .where('status', '=', 'pending')
      .where('email', 'in', [...new Set(emails)])
      .execute();
    return rows.map(requestFromRow);
  }

  async insertRequest(org: string, request: RequestRecord): Promise<void> {
    await this.db.insertInto('requests').values(requestRow(org, request)).execute();
  }

  async updateRequest(org: string, next: RequestRecord, previous: RequestRecord): Promise<void> {
    const { id } = next;
    const columns = requestColumns(next);
    const result = await this.db
      .updateTable('requests')
      .set(columns)
      .where('id', '=', id)
      .where('org', '=', org)
      .where('status', '=', previous.status)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new StoreConflict('request_changed');
  }

  async listRequests(org: string, query: RequestListQuery): Promise<Slice<RequestRecord>> {
    if (query.statuses.length === 0) return { items: [], total: 0 };
    const { items, total, organization, memberEmails } = await listRequests(this.db, org, query);
    this.knownOrganizations.set(org, organization);
    for (const req of items) this.knownMembers.set(`${org}\n${req.email}`, memberEmails.has(req.email));
    return { items, total };
  }

  async staleRequests(org: string): Promise<RequestRecord[]> {
    const rows = await this.db
      .selectFrom('requests')
      .selectAll()
      .where('org', '=', org)
      .where('status', '=', 'pending')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('members as m')
            .select('m.id')
            .whereRef('m.org', '=', 'requests.org')
            .whereRef('m.email', '=', 'requests.email'),
        ),
      )
      .orderBy('position')
      .execute();
    return rows.map(requestFromRow);
  }

  // Idempotency ------------------------------------------------------------------------------------------
  async idempotency(scope: string, since: number): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency')
      .selectAll()
      .where('scope', '=', scope)
      .where('at', '>', toDate(since))
      .executeTakeFirst();
    return row && { scope: row.scope, body: row.body, response: JSON.parse(row.response) as unknown, at: toMs(row.at) };
  }

  async putIdempotency(record: IdempotencyRecord): Promise<void> {
    await this.db
      .insertInto('idempotency')
      .values({
        scope: record.scope,
        body: record.body,
        response: JSON.stringify(record.response),
        at: toDate(record.at),
      })
      .execute();
  }

  async pruneIdempotency(before: number): Promise<void> {
    await this.db.deleteFrom('idempotency').where('at', '<=', toDate(before)).execute();
  }

  // Rate limits ------------------------------------------------------------------------------------------
  async rateHits(key: string, since: number): Promise<number[]> {
    // Held to the end of the transaction: counting and adding are one step across processes.
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(this.db);
    const rows = await this.db
      .selectFrom('rate_hits')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', toDate(since))
      .orderBy('at')
      .execute();
    return rows.map((r) => toMs(r.at));
  }

  async addRateHits(keys: readonly string[], at: number): Promise<void> {
    if (keys.length === 0) return;
    await this.db
      .insertInto('rate_hits')
      .values(keys.map((key) => ({ key, at: toDate(at) })))
      .execute();
  }

  async pruneRateHits(before: number): Promise<void> {
    await this.db.deleteFrom('rate_hits').where('at', '<=', toDate(before)).execute();
  }

  // Outbox -----------------------------------------------------------------------------------------------
  appendMessage(message: OutboxMessage): Promise<void> {
    this.buffer.addMessage(message);
    this.appendedMessages = true;
    return Promise.resolve();
  }
}
