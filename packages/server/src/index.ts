/**
 * @invitekit/server: every rule of the invitekit contract on PostgreSQL (or embedded PGlite), behind the host's
 * own sign-in, sending real email. See the package README, "Run the real backend".
 */
export { type InvitekitServer, actorOf, createInvitekitServer } from './server.js';
export type { EngineError } from '@invitekit/engine';
export type { AcceptedEvent, HostUser, InvitekitServerOptions } from './options.js';
export type { HostMembers, HostOrganizations, JoinOutsideInvitation, OrganizationInput } from './host-data.js';
export { DEFAULT_DATA_DIR, type DatabaseOption, type OpenDatabase, openDatabase } from './db/connect.js';
export { migrate } from './db/migrate.js';
export { SqlStore, SqlControlledStore, type SqlStoreOptions } from './store/sql-store.js';
export { type SendEmail, type SmtpOptions, smtpSender } from './email/smtp.js';
export {
  DEFAULT_TEMPLATES,
  type EmailKind,
  type EmailMessage,
  type EmailTemplates,
  type RenderedEmail,
  type TemplateInput,
} from './email/templates.js';
export type { LogLine, Logger, RequestLogLine } from './log.js';
