/**
 * The tables of @invitekit/server as Kysely sees them (migrations.ts creates them). Times are `timestamptz`
 * (read back as `Date`), addresses are stored trimmed and lower-cased, as the engine hands them over.
 */
import type { ColumnType, Generated } from 'kysely';

/** A timestamp written as a Date and read back as a Date. */
type Time = ColumnType<Date, Date, Date>;
type NullableTime = ColumnType<Date | null, Date | null, Date | null>;
/** jsonb: written as a JSON string, read back parsed (both drivers parse jsonb). */
type Json<T> = ColumnType<T, string, string>;

export interface OrganizationsTable {
  /** Insertion order (snapshots list records in it). */
  position: Generated<number>;
  slug: string;
  name: string;
  roles: Json<string[]>;
  default_role: string;
  invitation_requests_enabled: boolean;
  invitation_ttl_days: number;
  allowed_domains: Json<string[]>;
}

export interface MembersTable {
  /** Insertion order (snapshots list records in it). */
  position: Generated<number>;
  id: string;
  org: string;
  email: string;
  name: string | null;
  role: string;
  joined_at: Time;
  joined_via: 'invitation' | 'sso' | 'scim' | 'seed';
}

export interface InvitationsTable {
  /** Insertion order (snapshots list records in it). */
  position: Generated<number>;
  id: string;
  org: string;
  email: string;
  /** Stored state; `expired` is computed from the clock at read time and never stored. */
  state: 'pending' | 'accepted' | 'declined' | 'revoked';
  role: string | null;
  invited_at: Time;
  expires_at: Time;
  invited_by_id: string | null;
  invited_by_name: string | null;
  invited_by_email: string | null;
  source: 'manual' | 'bulk' | 'request';
  resend_count: number;
  last_sent_at: Time;
  accepted_at: NullableTime;
  declined_at: NullableTime;
  revoked_at: NullableTime;
  /** The current code (also in invitation_codes, which keeps every code unique). */
  code: string;
}

/** Every code ever issued: the current one (`replaced_expires_at` null) and those a renewal replaced. */
export interface InvitationCodesTable {
  code: string;
  invitation_id: string;
  replaced_expires_at: NullableTime;
  /** Order of replacement, so a snapshot lists replaced codes as they happened. */
  seq: Generated<number>;
}

/** Stored invitations per (organization, stored state), kept by a trigger (migrations.ts). */
export interface InvitationCountsTable {
  org: string;
  state: string;
  n: ColumnType<string | number, number, number>;
}

export interface RequestsTable {
  /** Insertion order (snapshots list records in it). */
  position: Generated<number>;
  id: string;
  org: string;
  email: string;
  name: string | null;
  message: string | null;
  status: 'pending' | 'approved' | 'dismissed';
  requested_at: Time;
}

export interface IdempotencyTable {
  /** Insertion order (snapshots list records in it). */
  position: Generated<number>;
  scope: string;
  body: string;
  /** The answer's JSON text, kept as text so that a replay answers the same bytes. */
  response: string;
  at: Time;
}

export interface RateHitsTable {
  id: Generated<number>;
  key: string;
  at: Time;
}

/**
 * The outbox: every message the engine records, kept for delivery. The sender claims due rows, sends them
 * and marks them delivered; a failure schedules a retry with backoff, so no invitation email is lost.
 */
export interface OutboxTable {
  id: Generated<number>;
  to: string;
  kind: 'invitation' | 'resend' | 'renewal';
  org: string;
  subject: string;
  url: string;
  code: string;
  sent_at: Time;
  delivered_at: NullableTime;
  attempts: Generated<number>;
  next_attempt_at: Time;
  last_error: string | null;
}

export interface TokensTable {
  /** Insertion order (snapshots list records in it). */
  position: Generated<number>;
  token: string;
  person_id: string;
  person_name: string;
  person_email: string;
  grants: Json<Record<string, string[]>>;
}

/** Single values: the clock offset, injected faults, the seed a reset restores. */
export interface MetaTable {
  key: string;
  value: Json<unknown>;
}

export interface Database {
  organizations: OrganizationsTable;
  members: MembersTable;
  invitations: InvitationsTable;
  invitation_codes: InvitationCodesTable;
  invitation_counts: InvitationCountsTable;
  requests: RequestsTable;
  idempotency: IdempotencyTable;
  rate_hits: RateHitsTable;
  outbox: OutboxTable;
  tokens: TokensTable;
  meta: MetaTable;
}
