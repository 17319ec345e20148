/** Every string `<invitation-requests>` shows or announces. English is public API (accessible names). */
import { formatDate, plural, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode } from '@invitekit/sdk';

export interface InvitationRequestsStrings {
  heading: string;
  switchLabel: string;
  switchHint: string;
  switchOn: string;
  switchOff: string;
  dismissStale: string;
  approve: string;
  approveFrom: (email: string) => string;
  dismiss: string;
  dismissFrom: (email: string) => string;
  stale: string;
  requested: (lang: string, iso: string) => string;
  noName: string;
  loading: string;
  empty: string;
  loadError: string;
  /** Beside the switch when the setting could not be loaded. */
  settingError: string;
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
  dismissStale: 'Dismiss stale requests',
  approve: 'Approve',
  approveFrom: (email) => `Approve request from ${email}`,
  dismiss: 'Dismiss',
  dismissFrom: (email) => `Dismiss request from ${email}`,
  stale: 'Already a member',
  requested: (lang, iso) => `Requested ${formatDate(lang, iso)}`,
  noName: 'No name given',
  loading: 'Loading requests…',
  empty: 'No pending requests',
  loadError: 'The requests could not be loaded.',
  settingError: 'The New user invitations setting could not be loaded.',
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
