/**
 * Table rows ↔ the engine's records (packages/engine/src/state.ts). The engine counts time in epoch
 * milliseconds; the tables keep `timestamptz`.
 */
import type { StoreState, OrganizationRecord, OutboxMessage } from '@invitekit/engine';
import { type Expression, type RawBuilder, type Selectable, sql } from 'kysely';
import type {
  InvitationsTable,
  MembersTable,
  OrganizationsTable,
  OutboxTable,
  RequestsTable,
  TokensTable,
} from '../db/schema.js';

type OrganizationState = StoreState['orgs'][number];
export type InvitationRecord = OrganizationState['invitations'][number];
export type MemberRecord = OrganizationState['members'][number];
export type RequestRecord = OrganizationState['requests'][number];
export type TokenRecord = StoreState['tokens'][number];

export const toDate = (ms: number): Date => new Date(ms);
export const toMs = (date: Date): number => date.getTime();
const toMsOrNull = (date: Date | null): number | null => (date === null ? null : date.getTime());
const toDateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** A timestamptz as epoch milliseconds inside SQL (for values built in JSON, such as replaced codes). */
export function epochMs(column: Expression<Date | null>): RawBuilder<number> {
  return sql<number>`round(extract(epoch from ${column}) * 1000)::float8`;
}

export function organizationFromRow(row: Selectable<OrganizationsTable>): OrganizationRecord {
  return {
    slug: row.slug,
    name: row.name,
    roles: row.roles,
    defaultRole: row.default_role,
    settings: {
      invitationRequestsEnabled: row.invitation_requests_enabled,
      invitationTtlDays: row.invitation_ttl_days,
      allowedDomains: row.allowed_domains,
    },
  };
}

export function organizationRow(org: OrganizationRecord) {
  return {
    slug: org.slug,
    name: org.name,
    roles: JSON.stringify(org.roles),
    default_role: org.defaultRole,
    invitation_requests_enabled: org.settings.invitationRequestsEnabled,
    invitation_ttl_days: org.settings.invitationTtlDays,
    allowed_domains: JSON.stringify(org.settings.allowedDomains),
  };
}

export function memberFromRow(row: Selectable<MembersTable>): MemberRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    joinedAt: toMs(row.joined_at),
    joinedVia: row.joined_via,
  };
}

export function memberRow(org: string, member: MemberRecord) {
  return {
    id: member.id,
    org,
    email: member.email,
    name: member.name,
    role: member.role,
    joined_at: toDate(member.joinedAt),
    joined_via: member.joinedVia,
  };
}

/** An invitation row with its replaced codes (oldest first) selected beside it as JSON. */
export type InvitationRow = Selectable<InvitationsTable> & {
  replaced_codes: { code: string; expiresAt: number | string }[];
};

export function invitationFromRow(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    email: row.email,
    state: row.state,
    role: row.role,
    invitedAt: toMs(row.invited_at),
    expiresAt: toMs(row.expires_at),
    invitedBy:
      row.invited_by_id === null
        ? null
        : { id: row.invited_by_id, name: row.invited_by_name ?? '', email: row.invited_by_email ?? '' },
    source: row.source,
    resendCount: row.resend_count,
    lastSentAt: toMs(row.last_sent_at),
    acceptedAt: toMsOrNull(row.accepted_at),
    declinedAt: toMsOrNull(row.declined_at),
    revokedAt: toMsOrNull(row.revoked_at),
    code: row.code,
    replacedCodes: row.replaced_codes.map((c) => ({ code: c.code, expiresAt: Number(c.expiresAt) })),
  };
}

/** The invitation's columns (not its replaced codes, which live in invitation_codes). */
export function invitationRow(org: string, inv: InvitationRecord) {
  return { id: inv.id, org, ...invitationColumns(inv) };
}

/** The columns an update may change (all but the id and the organization). */
export function invitationColumns(inv: InvitationRecord) {
  return {
    email: inv.email,
    state: inv.state,
    role: inv.role,
    invited_at: toDate(inv.invitedAt),
    expires_at: toDate(inv.expiresAt),
    invited_by_id: inv.invitedBy?.id ?? null,
    invited_by_name: inv.invitedBy?.name ?? null,
    invited_by_email: inv.invitedBy?.email ?? null,
    source: inv.source,
    resend_count: inv.resendCount,
    last_sent_at: toDate(inv.lastSentAt),
    accepted_at: toDateOrNull(inv.acceptedAt),
    declined_at: toDateOrNull(inv.declinedAt),
    revoked_at: toDateOrNull(inv.revokedAt),
    code: inv.code,
  };
}

export function requestFromRow(row: Selectable<RequestsTable>): RequestRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    message: row.message,
    status: row.status,
    requestedAt: toMs(row.requested_at),
  };
}

export function requestRow(org: string, req: RequestRecord) {
  return { id: req.id, org, ...requestColumns(req) };
}

export function requestColumns(req: RequestRecord) {
  return {
    email: req.email,
    name: req.name,
    message: req.message,
    status: req.status,
    requested_at: toDate(req.requestedAt),
  };
}

export function tokenFromRow(row: Selectable<TokensTable>): TokenRecord {
  return {
    token: row.token,
    person: { id: row.person_id, name: row.person_name, email: row.person_email },
    grants: row.grants,
  };
}

export function tokenRow(token: TokenRecord) {
  return {
    token: token.token,
    person_id: token.person.id,
    person_name: token.person.name,
    person_email: token.person.email,
    grants: JSON.stringify(token.grants),
  };
}

export function messageFromRow(row: Selectable<OutboxTable>): OutboxMessage {
  return {
    to: row.to,
    kind: row.kind,
    org: row.org,
    subject: row.subject,
    url: row.url,
    code: row.code,
    sentAt: row.sent_at.toISOString(),
  };
}

/** A new outbox row: due at once. */
export function messageRow(message: OutboxMessage) {
  const sentAt = new Date(message.sentAt);
  return {
    to: message.to,
    kind: message.kind,
    org: message.org,
    subject: message.subject,
    url: message.url,
    code: message.code,
    sent_at: sentAt,
    next_attempt_at: new Date(0),
    last_error: null,
  };
}
