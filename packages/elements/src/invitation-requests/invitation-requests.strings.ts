/** Every string `<invitation-requests>` shows or announces. English is public API (accessible names). */
import { formatDate, plural, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode } from '@invitekit/sdk';
import type { FailureMessages } from '../shared/failure.js';

export interface InvitationRequestsStrings {
  heading: string;
  switchLabel: string;
  /** Under the switch while its state is not known. */
  switchHint: string;
  /** Under the switch, following its state. */
  switchHintOn: string;
  switchHintOff: string;
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
  /** The role dialog of an approval, where the host gave roles. */
  approveRoleBody: (email: string) => string;
  roleLabel: string;
  cancel: string;
  /** The role option for "no role of its own", when the host marked no role as the default. */
  defaultRole: string;
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
  /** The link to `sign-in-url` under the signed-out message. */
  signIn: string;
  notFound: string;
  noClient: string;
  showMore: string;
  count: (lang: string, shown: number, total: number) => string;
  approved: (email: string) => string;
  dismissed: (email: string) => string;
  dismissedStale: (lang: string, count: number) => string;
  /** What did not happen, per action (the start of a failure's sentence). */
  failed: {
    approve: (email: string) => string;
    dismiss: (email: string) => string;
    stale: string;
    setting: (enabled: boolean) => string;
  };
  /** A failed action, beside its request: what did not happen, and why. */
  failedFor: (what: string, reason: string) => string;
  enabled: string;
  disabled: string;
  failures: Partial<Record<ErrorCode | 'network', string>> & { other: string };
}

const en: InvitationRequestsStrings = {
  heading: 'Invitation requests',
  switchLabel: 'Allow requests from the login page',
  switchHint: 'Whether people can ask for an invitation from the login page.',
  switchHintOn: 'People can ask for an invitation from the login page; their requests wait here for you.',
  switchHintOff: 'The login page says requests are closed; nobody can ask for an invitation.',
  switchOn: 'On',
  switchOff: 'Off',
  switchLoading: 'Loading…',
  switchUnknown: 'Not loaded',
  switchSaving: 'Saving…',
  dismissStale: 'Dismiss stale requests',
  approve: 'Approve',
  approveFrom: (email) => `Approve request from ${email}`,
  approving: 'Approving…',
  approveRoleBody: (email) => `${email} gets an invitation by email, to join with this role.`,
  roleLabel: 'Role',
  cancel: 'Cancel',
  defaultRole: 'Default role',
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
    network: 'The requests could not be loaded because the server could not be reached.',
    unavailable: 'The requests could not be loaded because the service is busy; try again in a moment.',
    other: 'The requests could not be loaded because of a problem on the server; try again in a moment.',
    notConnected: 'Invitation requests cannot be shown here: this page is not connected to the invitation service.',
  },
  settingFailures: {
    network: 'Whether the login page takes requests could not be loaded: the server could not be reached.',
    other: 'Whether the login page takes requests could not be loaded: a problem on the server.',
  },
  tryAgain: 'Try again',
  forbidden:
    'You do not have permission to manage invitation requests in this organization. Ask an organization admin.',
  unauthenticated: 'Sign in to manage invitation requests.',
  signIn: 'Sign in',
  notFound: 'This organization was not found.',
  noClient: 'Not connected: give this element a client or place it inside <invitekit-provider>.',
  showMore: 'Show more requests',
  count: (lang, shown, total) =>
    `${new Intl.NumberFormat(lang).format(shown)} of ${plural(lang, total, { one: '# request', other: '# requests' })}`,
  approved: (email) => `Request from ${email} approved: invitation sent`,
  dismissed: (email) => `Request from ${email} dismissed`,
  dismissedStale: (lang, count) =>
    plural(lang, count, { one: '# stale request dismissed', other: '# stale requests dismissed' }),
  failed: {
    approve: (email) => `The request from ${email} was not approved`,
    dismiss: (email) => `The request from ${email} was not dismissed`,
    stale: 'No stale request was dismissed',
    setting: (enabled) =>
      enabled ? 'Requests from the login page are still not allowed' : 'Requests from the login page are still allowed',
  },
  failedFor: (what, reason) => `${what}: ${reason}`,
  enabled: 'Requests from the login page allowed: the login page takes requests',
  disabled: 'Requests from the login page no longer allowed: the login page says requests are closed',
  failures: {
    already_member: 'this person is already a member. Dismiss the request instead.',
    domain_not_allowed: 'the address’s domain is not allowed in this organization.',
    not_pending: 'it was already answered. The list now shows what is left.',
    forbidden: 'you do not have permission to do this.',
    unauthenticated: 'your session has ended. Sign in again.',
    network: 'the server could not be reached. Check your connection and try again.',
    unavailable: 'the service is busy. Nothing changed; try again in a moment.',
    other: 'something went wrong on the server. Nothing changed; try again in a moment.',
  },
};

export const invitationRequestsStrings: Catalogues<InvitationRequestsStrings> = catalogues(en, {
  fr: () => import('./invitation-requests.strings.fr.js'),
});
