/** What a host passes to `createInvitekitServer` (server.md, "Host integration"). */
import type { DatabaseOption, DatabaseTimeouts, OpenDatabase } from './db/connect.js';
import type { OutboxSenderOptions } from './email/outbox-sender.js';
import type { SendEmail } from './email/smtp.js';
import type { EmailTemplates } from './email/templates.js';
import type { AcceptedEvent } from '@invitekit/engine';
import type { Logger } from './log.js';

/** A signed-in person as the host's `authenticate` answers: who, and their permissions by organization slug. */
export interface HostUser {
  id: string;
  email: string;
  name?: string | null;
  /** Organization slug → permissions there (`member:manage` for admins); an entry, even empty, means "belongs". */
  grants: Record<string, string[]>;
}

/** After an accept committed: who accepted (null: nobody signed in), where, the new member and the invitation. */
export type { AcceptedEvent } from '@invitekit/engine';

export interface InvitekitServerOptions {
  /** A `postgres://` URL, `{ pglite: dir }`, or an open database; default `{ pglite: './invitekit-data' }`. */
  database?: DatabaseOption | OpenDatabase;
  /**
   * Time limits (server.md, Operating it). `requestMs` (default 15 s): a request not answered by then is answered
   * 503 `unavailable`; `bodyMs` (default 30 s, `node` and `attach`): a body still arriving then is answered 408
   * and its connection closed; the database's limits apply to a `postgres://` URL (db/connect.ts).
   */
  timeouts?: DatabaseTimeouts & { requestMs?: number; bodyMs?: number };
  /**
   * Open connections one client address may hold on a server you `attach` (default 64); the next is answered 429
   * and closed. Behind a proxy every client has the proxy's address: raise it to the proxy's pool size.
   */
  maxConnectionsPerClient?: number;
  /** Where the API lives; default `/api`. */
  basePath?: string;
  /** Invitation links are `<acceptUrl>?code=<code>`; absolute. */
  acceptUrl: string;
  /** The host's sign-in: the person behind a request, or null. Required unless `devAuth`. */
  authenticate?: (request: Request) => Promise<HostUser | null> | HostUser | null;
  /** Where email goes; default SMTP from `SMTP_URL` (nodemailer). Without either, messages wait in the outbox. */
  sendEmail?: SendEmail;
  /** The words of the emails; default English (email/templates.ts). */
  emailTemplates?: EmailTemplates;
  /** Retry timing of the email sender. */
  emailRetry?: Pick<OutboxSenderOptions, 'retryBaseMs' | 'retryMaxMs' | 'maxAttempts' | 'leaseMs'>;
  /** After an accept committed: the host creates its own membership. Errors are logged; the accept stands. */
  onAccepted?: (event: AcceptedEvent) => Promise<void> | void;
  /**
   * Accept the mock's seeded bearer tokens (`acme-admin`, …); an empty database gets the demo organizations. For
   * trying out; refused when NODE_ENV=production.
   */
  devAuth?: boolean;
  /**
   * Serve the mock's `/__mock` controls (reset, clock, outbox, joins, faults) and run on their moved clock. For
   * test suites only; refused when NODE_ENV=production.
   */
  testControls?: boolean;
  /** Origins granted CORS with credentials. */
  allowOrigins?: readonly string[];
  /** Run the migrations on start (default true). */
  migrate?: boolean;
  /** Where log lines go; default one JSON line per request on stdout. `false` logs nothing. */
  log?: Logger | false;
  /** The client address rate limits count by; default the first `X-Forwarded-For` entry (set by your proxy). */
  clientAddress?: (request: Request) => string;
}
