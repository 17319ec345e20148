/**
 * Every string `<invitation-table>` shows or announces. English is public API (accessible names). Those of the row
 * menu, the bulk bar and the revoke confirmation are in invitation-table.actions.strings.ts, loaded with them.
 */
import { formatDate, formatNumber, formatRelative, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode, InvitationStatus } from '@invitekit/sdk';
import type { InvitationTableActionStrings } from './invitation-table.actions.strings.js';

export type StatusFilter = 'pending,expired' | InvitationStatus | 'all';

/** Every string of the table: what it shows as it loads, and what its menus and dialogs show. */
export type InvitationTableStrings = InvitationTableViewStrings & InvitationTableActionStrings;

/** The strings the table shows before anyone clicks: its toolbar, rows and states, and the toolbar's outcomes. */
export interface InvitationTableViewStrings {
  caption: string;
  columnEmail: string;
  columnStatus: string;
  columnRole: string;
  columnInvited: string;
  columnInvitedBy: string;
  columnExpires: string;
  columnActions: string;
  /** Said for an invitation with no recorded inviter (a request approved by a since-removed admin, an import). */
  invitedByNobody: string;
  status: Record<InvitationStatus, string>;
  filterLabel: string;
  filter: Record<StatusFilter, string>;
  searchLabel: string;
  inviteUsers: string;
  exportCsv: string;
  revokeStale: string;
  /** The role of an invitation without one of its own, when the host did not say which role is the default. */
  defaultRole: string;
  /** The same, naming the default role the host marked (`{ value, label, default: true }`). */
  defaultRoleNamed: (label: string) => string;
  /**
   * The badge of a pending invitation whose address already belongs to a member. One word for it everywhere:
   * `<invitation-requests>` shows the same "Already a member" for a request from a member's address.
   */
  stale: string;
  /** The badge of a row the table's own dialog just sent. */
  fresh: string;
  date: (lang: string, iso: string) => string;
  /** "in 2 days", "3 hours ago": shown above the date itself. */
  relative: (lang: string, iso: string, now: number) => string;
  /** Under the address where the table has no room for the Invited by column. */
  invitedByLine: (name: string) => string;
  /** The name of each row's menu button. */
  actionsFor: (email: string) => string;
  /** In place of the menu, for a row with nothing left to do. */
  closed: Record<'accepted' | 'declined' | 'revoked', string>;
  /** The busy labels of the toolbar's revoke and export, while their request is under way. */
  revoking: string;
  exporting: string;
  /** What did not happen, per row action (the start of a failure's sentence). */
  failed: Record<'link' | 'code' | 'resend' | 'renew' | 'revoke' | 'role', (email: string) => string> & {
    export: string;
    stale: string;
  };
  /** A failed row action, beside the row and in the live region: what did not happen, and why. */
  failedFor: (what: string, reason: string) => string;
  /** Why Export CSV is disabled: the view is empty. */
  nothingToExport: string;
  /** Why "Revoke stale invitations" is disabled: no pending invitation goes to a member's address. */
  noStale: string;
  /** Bulk actions on the selected rows. */
  selectFor: (email: string) => string;
  selectAll: string;
  cancel: string;
  loading: string;
  empty: string;
  /** Under "No pending invitations", with a button that opens the invite dialog. */
  emptyHint: string;
  emptyAction: string;
  emptyFiltered: string;
  clearFilters: string;
  /** A failed load, one sentence, by error code; `other` for anything else. */
  /** `notConnected`: the page has no invitekit API to talk to (the console says why, for the developer). */
  loadFailures: Partial<Record<ErrorCode | 'network' | 'notConnected', string>> & { other: string };
  tryAgain: string;
  forbidden: string;
  unauthenticated: string;
  /** The link to `sign-in-url` under the signed-out message. */
  signIn: string;
  notFound: string;
  noClient: string;
  pagination: string;
  /** `capped`: a search matched more than `total` (the server's count stops there). */
  range: (lang: string, from: number, to: number, total: number, capped: boolean) => string;
  previousPage: string;
  nextPage: string;
  exported: string;
  /** Why an action failed, by error code; `other` for anything else. */
  failures: Partial<Record<ErrorCode | 'network', string>> & { other: string };
  exportFileName: string;
}

const en: InvitationTableViewStrings = {
  caption: 'Invitations',
  columnEmail: 'Email',
  columnStatus: 'Status',
  columnRole: 'Role',
  columnInvited: 'Invited',
  columnInvitedBy: 'Invited by',
  columnExpires: 'Expires',
  columnActions: 'Actions',
  invitedByNobody: 'Not recorded',
  status: { pending: 'Pending', accepted: 'Accepted', declined: 'Declined', revoked: 'Revoked', expired: 'Expired' },
  filterLabel: 'Status',
  filter: {
    'pending,expired': 'Pending and expired',
    pending: 'Pending',
    expired: 'Expired',
    accepted: 'Accepted',
    declined: 'Declined',
    revoked: 'Revoked',
    all: 'All',
  },
  searchLabel: 'Search by email',
  inviteUsers: 'Invite users',
  exportCsv: 'Export CSV',
  revokeStale: 'Revoke stale invitations',
  defaultRole: 'Default role',
  defaultRoleNamed: (label) => `${label} (default)`,
  fresh: 'New',
  stale: 'Already a member',
  date: formatDate,
  relative: (lang, iso, now) => formatRelative(lang, iso, now),
  invitedByLine: (name) => `Invited by ${name}`,
  actionsFor: (email) => `Actions for ${email}`,
  closed: {
    accepted: 'Joined; nothing to do',
    declined: 'Declined; invite again if needed',
    revoked: 'Revoked; invite again if needed',
  },
  revoking: 'Revoking…',
  exporting: 'Exporting…',
  failed: {
    link: (email) => `The link for ${email} was not copied`,
    code: (email) => `The code for ${email} was not copied`,
    resend: (email) => `The invitation to ${email} was not resent`,
    renew: (email) => `No new invitation was sent to ${email}`,
    revoke: (email) => `The invitation for ${email} was not revoked`,
    role: (email) => `The role of the invitation for ${email} was not changed`,
    export: 'The export was not downloaded',
    stale: 'No stale invitation was revoked',
  },
  failedFor: (what, reason) => `${what}: ${reason}`,
  nothingToExport: 'Nothing to export: no invitation in this view.',
  noStale: 'No pending invitation goes to someone who is already a member.',
  selectFor: (email) => `Select ${email}`,
  selectAll: 'Select all on this page',
  cancel: 'Cancel',
  loading: 'Loading invitations…',
  empty: 'No pending invitations',
  emptyHint: 'Invite people by email: each gets a link to join the organization.',
  emptyAction: 'Invite people',
  emptyFiltered: 'No invitations match this search and filter',
  clearFilters: 'Clear search and filter',
  loadFailures: {
    network: 'The invitations could not be loaded because the server could not be reached.',
    unavailable: 'The invitations could not be loaded because the service is busy; try again in a moment.',
    other: 'The invitations could not be loaded; try again in a moment.',
    notConnected: 'Invitations cannot be shown here: this page is not connected to the invitation service.',
  },
  tryAgain: 'Try again',
  forbidden: 'You do not have permission to manage invitations in this organization. Ask an organization admin.',
  unauthenticated: 'Sign in to manage invitations.',
  signIn: 'Sign in',
  notFound: 'This organization was not found.',
  noClient: 'Not connected: give this element a client or place it inside <invitekit-provider>.',
  pagination: 'Pages',
  range: (lang, from, to, total, capped) =>
    `${formatNumber(lang, from)}–${formatNumber(lang, to)} of ${capped ? 'more than ' : ''}${formatNumber(lang, total)}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  exported: 'Export downloaded',
  failures: {
    resend_limit_reached: 'all 3 resends are used. Revoke it and invite again.',
    not_pending: 'it is no longer pending. The list now shows it as it is.',
    not_expired: 'it has not expired; resend it instead.',
    not_renewable: 'it can no longer be renewed.',
    not_revocable: 'it was accepted or declined, so it cannot be revoked.',
    already_member: 'the address already belongs to a member.',
    forbidden: 'you do not have permission to do this.',
    unauthenticated: 'your session has ended. Sign in again.',
    network: 'the server could not be reached. Check your connection and try again.',
    unavailable: 'the service is busy. Nothing changed; try again in a moment.',
    other: 'something went wrong on the server. Nothing changed; try again in a moment.',
  },
  exportFileName: 'invitations.csv',
};

export const invitationTableStrings: Catalogues<InvitationTableViewStrings> = catalogues(en, {
  fr: () => import('./invitation-table.strings.fr.js'),
});
