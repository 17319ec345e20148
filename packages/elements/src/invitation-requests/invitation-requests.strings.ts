/** Every string `<invitation-requests>` shows or announces. English is public API (accessible names). */
import { formatDate, plural, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode } from '@invitekit/sdk';
import type { FailureMessages } from '../shared/failure.js';

export interface InvitationRequestsStrings {
  heading: string;
  switchLabel: string;
  switchHint: string;
  switchOn: string;
  switchOff: string;
  /** Beside the switch's place while the setting loads, and after it failed to load. */
  switchLoading: string;
  switchUnknown: string;
  switchSaving: string;
  dismissStale: string;
  approve: string;
  approveFrom: (email: string) => string;
  approving: string;
  dismiss: string;
  dismissFrom: (email: string) => string;
  dismissing: string;
  dismissingStale: string;
  /** The stale badge: the same word as the table's. */
  stale: string;
  /** What the badge means, shown under a stale request and read as the reason its Approve does nothing. */
  staleReason: string;
  requested: (lang: string, iso: string) => string;
  noName: string;
  loading: string;
  empty: string;
  /** One sentence for a failed load of the list, by cause. */
  loadFailures: FailureMessages;
  /** One sentence beside the switch when the setting could not be loaded, by cause. */
  settingFailures: FailureMessages;
  tryAgain: string;
  forbidden: string;
  unauthenticated: string;
  notFound: string;
  noClient: string;
  showMore: string;
  count: (lang: string, shown: number, total: number) => string;
  approved: (email: string) => string;
  dismissed: (email: string) => string;
  dismissedStale: (lang: string, count: number) => string;
  /** A failed action, beside its request: "nora@example.com: <the reason>". */
  failedFor: (email: string, reason: string) => string;
  enabled: string;
  disabled: string;
  failures: Partial<Record<ErrorCode | 'network', string>> & { other: string };
}

const en: InvitationRequestsStrings = {
  heading: 'Invitation requests',
  switchLabel: 'New user invitations',
  switchHint: 'People can ask for an invitation from the login page.',
  switchOn: 'On',
  switchOff: 'Off',
  switchLoading: 'Loading…',
  switchUnknown: 'Not loaded',
  switchSaving: 'Saving…',
  dismissStale: 'Dismiss stale requests',
  approve: 'Approve',
  approveFrom: (email) => `Approve request from ${email}`,
  approving: 'Approving…',
  dismiss: 'Dismiss',
  dismissFrom: (email) => `Dismiss request from ${email}`,
  dismissing: 'Dismissing…',
  dismissingStale: 'Dismissing…',
  stale: 'Already a member',
  staleReason: 'Joined another way since asking: nothing to approve.',
  requested: (lang, iso) => `Requested ${formatDate(lang, iso)}`,
  noName: 'No name given',
  loading: 'Loading requests…',
  empty: 'No pending requests',
  loadFailures: {
    network: 'The requests could not be loaded: the server could not be reached.',
    other: 'The requests could not be loaded.',
    notConnected: 'Invitation requests cannot be shown here: this page is not connected to the invitation service.',
  },
  settingFailures: {
    network: 'The New user invitations setting could not be loaded: the server could not be reached.',
    other: 'The New user invitations setting could not be loaded.',
  },
  tryAgain: 'Try again',
  forbidden:
    'You do not have permission to manage invitation requests in this organization. Ask an organization admin.',
  unauthenticated: 'Sign in to manage invitation requests.',
  notFound: 'This organization was not found.',
  noClient: 'Not connected: give this element a client or place it inside <invitekit-provider>.',
  showMore: 'Show more requests',
  count: (lang, shown, total) =>
    `${new Intl.NumberFormat(lang).format(shown)} of ${plural(lang, total, { one: '# request', other: '# requests' })}`,
  approved: (email) => `Request from ${email} approved: invitation sent`,
  dismissed: (email) => `Request from ${email} dismissed`,
  dismissedStale: (lang, count) =>
    plural(lang, count, { one: '# stale request dismissed', other: '# stale requests dismissed' }),
  failedFor: (email, reason) => `${email}: ${reason}`,
  enabled: 'New user invitations turned on: the login page takes requests',
  disabled: 'New user invitations turned off: the login page says requests are closed',
  failures: {
    already_member: 'This person is already a member. Dismiss the request instead.',
    domain_not_allowed: 'This address’s domain is not allowed in this organization.',
    not_pending: 'This request was already answered. The list has been refreshed.',
    forbidden: 'You do not have permission to do this.',
    unauthenticated: 'Your session has ended. Sign in again.',
    network: 'The server could not be reached. Check your connection and try again.',
    other: 'That did not work. Try again in a moment.',
  },
};

export const invitationRequestsStrings: Catalogues<InvitationRequestsStrings> = catalogues(en, {
  fr: () => import('./invitation-requests.strings.fr.js'),
});
