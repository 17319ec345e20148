/**
 * Versioned migrations, shipped in the package and run in order by Kysely's Migrator (migrate.ts). The same
 * statements run on PGlite and on a PostgreSQL server. Never edit a released migration: add the next one.
 *
 * Choices worth knowing:
 * - One pending invitation per (organization, address): the engine computes `expired` from the clock, so a row
 *   stored `pending` may already be expired, and a plain unique index `WHERE state = 'pending'` would refuse
 *   re-inviting an address whose invitation lapsed. The rule is about instants, so the constraint is too: an
 *   exclusion constraint over the validity window `[invited_at, expires_at)` of stored-pending rows
 *   (`btree_gist`). Two windows of one address may not overlap; a lapsed window never overlaps a new one that
 *   starts now. No hidden flag, no background job, and the engine's records stay exactly what it wrote.
 * - Codes: every code ever issued (current or replaced by a renewal) is a row of `invitation_codes`, whose
 *   primary key makes each unique across organizations; the current one is copied on the invitation row.
 * - `position` keeps the order records were added in, so a snapshot lists them as the mock's state does.
 * - Orders compare by code point (`COLLATE "C"`), the engine's order, so pages agree with the mock's exactly.
 * - Search (`q`, a substring of the address) uses a trigram GIN index (`pg_trgm`, in PGlite and in Debian's
 *   PostgreSQL), so `email LIKE '%q%'` does not scan the organization's invitations for queries of 3+ characters.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

function statements(...list: string[]): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of list) await sql.raw(statement).execute(db);
    },
  };
}

const initial = statements(
  `CREATE EXTENSION IF NOT EXISTS btree_gist`,
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE TABLE organizations (
    position bigserial NOT NULL,
    slug text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    roles jsonb NOT NULL,
    default_role text NOT NULL,
    invitation_requests_enabled boolean NOT NULL,
    invitation_ttl_days integer NOT NULL CHECK (invitation_ttl_days BETWEEN 1 AND 30),
    allowed_domains jsonb NOT NULL
  )`,
  `CREATE TABLE members (
    position bigserial NOT NULL,
    id text COLLATE "C" PRIMARY KEY,
    org text COLLATE "C" NOT NULL REFERENCES organizations (slug) ON DELETE CASCADE,
    email text COLLATE "C" NOT NULL,
    name text,
    role text NOT NULL,
    joined_at timestamptz NOT NULL,
    joined_via text NOT NULL CHECK (joined_via IN ('invitation', 'sso', 'scim', 'seed')),
    CONSTRAINT member_email_unique UNIQUE (org, email)
  )`,
  `CREATE INDEX members_email_trgm ON members USING gin (email gin_trgm_ops)`,
  `CREATE TABLE invitations (
    position bigserial NOT NULL,
    id text COLLATE "C" PRIMARY KEY,
    org text COLLATE "C" NOT NULL REFERENCES organizations (slug) ON DELETE CASCADE,
    email text COLLATE "C" NOT NULL,
    state text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'accepted', 'declined', 'revoked')),
    role text,
    invited_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > invited_at),
    invited_by_id text,
    invited_by_name text,
    invited_by_email text,
    source text NOT NULL CHECK (source IN ('manual', 'bulk', 'request')),
    resend_count integer NOT NULL CHECK (resend_count BETWEEN 0 AND 3),
    last_sent_at timestamptz NOT NULL,
    accepted_at timestamptz,
    declined_at timestamptz,
    revoked_at timestamptz,
    code text COLLATE "C" NOT NULL CONSTRAINT invitation_current_code_unique UNIQUE,
    CONSTRAINT invitation_pending_unique EXCLUDE USING gist (
      org WITH =, email WITH =, tstzrange(invited_at, expires_at) WITH &&
    ) WHERE (state = 'pending')
  )`,
  // Keyset paging: one index per sort, each ending with the id tie-break.
  `CREATE INDEX invitations_invited_at ON invitations (org, invited_at, id)`,
  `CREATE INDEX invitations_expires_at ON invitations (org, expires_at, id)`,
  `CREATE INDEX invitations_email ON invitations (org, email, id)`,
  `CREATE INDEX invitations_state ON invitations (org, state, id)`,
  `CREATE INDEX invitations_email_trgm ON invitations USING gin (email gin_trgm_ops)`,
  // Totals without counting: stored invitations per (organization, state), kept by a trigger in the same
  // transaction as the change (so every process sees exact numbers). A list's total then costs a lookup, not a
  // scan; only the split of stored-pending rows into pending and expired counts rows (the expired ones, by index).
  `CREATE TABLE invitation_counts (
    org text COLLATE "C" NOT NULL,
    state text COLLATE "C" NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (org, state)
  )`,
  `CREATE INDEX invitations_pending_expiry ON invitations (org, expires_at) WHERE state = 'pending'`,
  `CREATE FUNCTION invitation_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE invitation_counts SET n = n - 1 WHERE org = OLD.org AND state = OLD.state;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO invitation_counts AS c (org, state, n) VALUES (NEW.org, NEW.state, 1)
        ON CONFLICT (org, state) DO UPDATE SET n = c.n + 1;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER invitation_counts_insert_delete AFTER INSERT OR DELETE ON invitations
    FOR EACH ROW EXECUTE FUNCTION invitation_counts_track()`,
  `CREATE TRIGGER invitation_counts_update AFTER UPDATE OF org, state ON invitations
    FOR EACH ROW WHEN (OLD.org IS DISTINCT FROM NEW.org OR OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION invitation_counts_track()`,
  `CREATE TABLE invitation_codes (
    code text COLLATE "C" CONSTRAINT invitation_code_unique PRIMARY KEY,
    invitation_id text COLLATE "C" NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
    replaced_expires_at timestamptz,
    seq bigserial NOT NULL
  )`,
  `CREATE INDEX invitation_codes_invitation ON invitation_codes (invitation_id, seq)`,
  `CREATE TABLE requests (
    position bigserial NOT NULL,
    id text COLLATE "C" PRIMARY KEY,
    org text COLLATE "C" NOT NULL REFERENCES organizations (slug) ON DELETE CASCADE,
    email text COLLATE "C" NOT NULL,
    name text,
    message text,
    status text NOT NULL CHECK (status IN ('pending', 'approved', 'dismissed')),
    requested_at timestamptz NOT NULL
  )`,
  `CREATE UNIQUE INDEX request_pending_unique ON requests (org, email) WHERE status = 'pending'`,
  `CREATE INDEX requests_requested_at ON requests (org, requested_at, id)`,
  `CREATE TABLE idempotency (
    position bigserial NOT NULL,
    scope text COLLATE "C" CONSTRAINT idempotency_scope_unique PRIMARY KEY,
    body text NOT NULL,
    response text NOT NULL, -- the JSON text as first answered: a replay is the same bytes (jsonb reorders keys)
    at timestamptz NOT NULL
  )`,
  `CREATE INDEX idempotency_at ON idempotency (at)`,
  `CREATE TABLE rate_hits (
    id bigserial PRIMARY KEY,
    key text COLLATE "C" NOT NULL,
    at timestamptz NOT NULL
  )`,
  `CREATE INDEX rate_hits_key_at ON rate_hits (key, at)`,
  `CREATE INDEX rate_hits_at ON rate_hits (at)`,
  `CREATE TABLE outbox (
    id bigserial PRIMARY KEY,
    "to" text COLLATE "C" NOT NULL,
    kind text NOT NULL CHECK (kind IN ('invitation', 'resend', 'renewal')),
    org text COLLATE "C" NOT NULL,
    subject text NOT NULL,
    url text NOT NULL,
    code text NOT NULL,
    sent_at timestamptz NOT NULL,
    delivered_at timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error text
  )`,
  `CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL`,
  `CREATE INDEX outbox_to ON outbox ("to", id)`,
  `CREATE TABLE tokens (
    position bigserial NOT NULL,
    token text COLLATE "C" PRIMARY KEY,
    person_id text NOT NULL,
    person_name text NOT NULL,
    person_email text NOT NULL,
    grants jsonb NOT NULL
  )`,
  `CREATE TABLE meta (
    key text COLLATE "C" PRIMARY KEY,
    value jsonb NOT NULL
  )`,
);

/**
 * Every list on an index: a status is a range of stored state (and of `expires_at` for pending and expired), so
 * each sort gets one index per (organization, state) in (sort value, id) order, and the list reads a few ranges
 * of them (store/invitation-list.ts). They replace the per-organization sort indexes, which made a filtered page
 * walk rows of every state, and the pending expiry index, which the (org, state, expires_at, id) one covers.
 */
const statusRanges = statements(
  `CREATE INDEX invitations_state_invited_at ON invitations (org, state, invited_at, id)`,
  `CREATE INDEX invitations_state_expires_at ON invitations (org, state, expires_at, id)`,
  `CREATE INDEX invitations_state_email ON invitations (org, state, email, id)`,
  `DROP INDEX invitations_invited_at`,
  `DROP INDEX invitations_expires_at`,
  `DROP INDEX invitations_pending_expiry`,
);

/**
 * Search costs the same whatever was inserted lately: GIN's fast update keeps new entries in a pending list that
 * every search reads through until a VACUUM merges it, and PGlite runs no autovacuum, so on the default database
 * a search read up to 4 MB of recent inserts (a 100,000-row seed made a one-address search 6× slower). New entries
 * now go straight into the index; the list left by earlier inserts is merged once here.
 */
const searchWithoutPendingList = statements(
  `ALTER INDEX invitations_email_trgm SET (fastupdate = off)`,
  `ALTER INDEX members_email_trgm SET (fastupdate = off)`,
  `SELECT gin_clean_pending_list('invitations_email_trgm'::regclass)`,
  `SELECT gin_clean_pending_list('members_email_trgm'::regclass)`,
);

/**
 * The members and requests lists' totals from counts kept by triggers, as the invitations' are (0001): a page no
 * longer counts every member or request of the organization. Requests also get an index per status, the default
 * `pending` page being one range of it.
 */
const listCounts = statements(
  `CREATE TABLE member_counts (org text COLLATE "C" PRIMARY KEY, n bigint NOT NULL)`,
  `CREATE FUNCTION member_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE member_counts SET n = n - 1 WHERE org = OLD.org;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO member_counts AS c (org, n) VALUES (NEW.org, 1) ON CONFLICT (org) DO UPDATE SET n = c.n + 1;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER member_counts_insert_delete AFTER INSERT OR DELETE ON members
    FOR EACH ROW EXECUTE FUNCTION member_counts_track()`,
  `CREATE TRIGGER member_counts_update AFTER UPDATE OF org ON members
    FOR EACH ROW WHEN (OLD.org IS DISTINCT FROM NEW.org) EXECUTE FUNCTION member_counts_track()`,
  `INSERT INTO member_counts (org, n) SELECT org, count(*) FROM members GROUP BY org`,
  `CREATE TABLE request_counts (
    org text COLLATE "C" NOT NULL,
    status text COLLATE "C" NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (org, status)
  )`,
  `CREATE FUNCTION request_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE request_counts SET n = n - 1 WHERE org = OLD.org AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO request_counts AS c (org, status, n) VALUES (NEW.org, NEW.status, 1)
        ON CONFLICT (org, status) DO UPDATE SET n = c.n + 1;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER request_counts_insert_delete AFTER INSERT OR DELETE ON requests
    FOR EACH ROW EXECUTE FUNCTION request_counts_track()`,
  `CREATE TRIGGER request_counts_update AFTER UPDATE OF org, status ON requests
    FOR EACH ROW WHEN (OLD.org IS DISTINCT FROM NEW.org OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION request_counts_track()`,
  `INSERT INTO request_counts (org, status, n) SELECT org, status, count(*) FROM requests GROUP BY org, status`,
  `CREATE INDEX requests_status_requested_at ON requests (org, status, requested_at, id)`,
);

/** Every migration by name; names sort in the order they run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_status_ranges': statusRanges,
  '0003_search_without_pending_list': searchWithoutPendingList,
  '0004_list_counts': listCounts,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
