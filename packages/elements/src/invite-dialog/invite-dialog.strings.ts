/** Every string `<invite-dialog>` shows or announces. English is public API (accessible names). */
import { plural, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode, SkipReason } from '@invitekit/sdk';

export interface InviteDialogStrings {
  title: string;
  emailsLabel: string;
  emailsHint: string;
  uploadCsv: string;
  roleLabel: string;
  send: string;
  sending: string;
  close: string;
  inviteMore: string;
  previewHeading: string;
  previewChecking: string;
  previewSummary: (lang: string, toSend: number, toSkip: number) => string;
  willSend: string;
  reasons: Record<SkipReason, string>;
  noEmails: string;
  tooMany: (lang: string, count: number, max: number) => string;
  /**
   * The CSV reader (the parser and the report, loaded when a file is chosen) did not download: nothing was read.
   * The report's own strings, a file refused among them, are in `CsvReportStrings`.
   */
  csvReaderFailed: string;
  sent: (lang: string, count: number) => string;
  skippedHeading: (lang: string, count: number) => string;
  /** Under the count of invitations sent: each address invited, with its role. */
  sentTo: (email: string, role: string) => string;
  /** The role of an invitation without one of its own. */
  defaultRole: string;
  /** Why the preview could not check the list, by cause: nothing has been sent at that point. */
  previewFailures: Partial<Record<ErrorCode | 'network', string>> & { other: string };
  /** Why sending failed, by cause: nothing was sent. */
  failures: Partial<Record<ErrorCode | 'network', string>> & { other: string };
}

const en: InviteDialogStrings = {
  title: 'Invite users',
  emailsLabel: 'Email addresses',
  emailsHint: 'Separate addresses with commas, semicolons, spaces or new lines. “Name <address>” works too.',
  uploadCsv: 'Upload CSV',
  roleLabel: 'Role',
  send: 'Send invitations',
  sending: 'Sending…',
  close: 'Close',
  inviteMore: 'Invite more people',
  previewHeading: 'Preview',
  previewChecking: 'Checking addresses…',
  previewSummary: (lang, toSend, toSkip) =>
    `${plural(lang, toSend, { one: '# invitation will be sent', other: '# invitations will be sent' })}, ` +
    plural(lang, toSkip, { one: '# address will be skipped', other: '# addresses will be skipped' }),
  willSend: 'will be invited',
  reasons: {
    invalid_email: 'not a valid email address',
    duplicate: 'duplicate',
    already_member: 'already a member of the organization',
    already_invited: 'already invited',
    domain_not_allowed: 'domain not allowed',
  },
  noEmails: 'Enter at least one email address.',
  tooMany: (lang, count, max) =>
    `${plural(lang, count, { one: '# address', other: '# addresses' })}: one invitation batch takes at most ${max}. ` +
    `Remove some or send them in blocks of ${max}.`,
  csvReaderFailed:
    'The CSV reader could not be loaded: nothing was added. Check your connection and choose the file again.',
  sent: (lang, count) => plural(lang, count, { one: '# invitation sent', other: '# invitations sent' }),
  skippedHeading: (lang, count) => plural(lang, count, { one: '# address skipped:', other: '# addresses skipped:' }),
  sentTo: (email, role) => `${email}, as ${role}`,
  defaultRole: 'the default role',
  previewFailures: {
    network: 'The addresses could not be checked: the server could not be reached. Nothing has been sent.',
    other: 'The addresses could not be checked because of a problem on the server. Nothing has been sent.',
  },
  failures: {
    too_many_emails: 'No invitation was sent: one batch takes at most 100 addresses.',
    idempotency_key_reused: 'No invitation was sent: the list changed while sending. Send again.',
    forbidden: 'No invitation was sent: you do not have permission to invite people to this organization.',
    unauthenticated: 'No invitation was sent: your session has ended. Sign in again.',
    network: 'No invitation was sent: the server could not be reached. Try again.',
    unavailable: 'No invitation was sent: the service is busy. Try again in a moment.',
    other: 'No invitation was sent: a problem on the server. Try again in a moment.',
  },
};

export const inviteDialogStrings: Catalogues<InviteDialogStrings> = catalogues(en, {
  fr: () => import('./invite-dialog.strings.fr.js'),
});
