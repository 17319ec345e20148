/** Every string `<invitation-table>` shows or announces. English is public API (accessible names). */
import { formatDate, formatNumber, plural, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode, InvitationStatus } from '@invitekit/sdk';

export type StatusFilter = 'pending,expired' | InvitationStatus | 'all';

export interface InvitationTableStrings {
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
  defaultRole: string;
  /**
   * The badge of a pending invitation whose address already belongs to a member. One word for it everywhere:
   * `<invitation-requests>` shows the same "Already a member" for a request from a member's address.
   */
  stale: string;
  date: (lang: string, iso: string) => string;
  copyLink: string;
  copyLinkFor: (email: string) => string;
  copyCode: string;
  copyCodeFor: (email: string) => string;
  resend: string;
  resendTo: (email: string) => string;
  resendsLeft: (lang: string, count: number) => string;
  /** The count shown inside the Resend button ("2 left"); the full `resendsLeft` is its description. */
  resendsLeftShort: (lang: string, count: number) => string;
  sendNew: string;
  sendNewTo: (email: string) => string;
  revoke: string;
  revokeFor: (email: string) => string;
  noActions: string;
  /** The busy labels of the pressed control, while its request is under way. */
  copying: string;
  resending: string;
  sendingNew: string;
  revoking: string;
  exporting: string;
  /** A failed row action, beside the row and in the live region: whose it was, and why. */
  failedFor: (email: string, reason: string) => string;
  /** Why Export CSV is disabled: the view is empty. */
  nothingToExport: string;
  /** Why "Revoke stale invitations" is disabled: no pending invitation goes to a member's address. */
  noStale: string;
  confirmRevokeTitle: string;
  confirmRevokeBody: (email: string) => string;
  confirmRevokeStaleTitle: string;
  confirmRevokeStaleBody: string;
  cancel: string;
  loading: string;
  empty: string;
  /** Under "No pending invitations", with a button that opens the invite dialog. */
  emptyHint: string;
  emptyAction: string;
  emptyFiltered: string;
  clearFilters: string;
  /** A failed load, one sentence, by error code; `other` for anything else. */
  loadFailures: Partial<Record<ErrorCode | 'network', string>> & { other: string };
  tryAgain: string;
  forbidden: string;
  unauthenticated: string;
  notFound: string;
  noClient: string;
  pagination: string;
  /** `capped`: a search matched more than `total` (the server's count stops there). */
  range: (lang: string, from: number, to: number, total: number, capped: boolean) => string;
  previousPage: string;
  nextPage: string;
  linkCopied: (email: string) => string;
  codeCopied: (email: string) => string;
  copyFailed: string;
  resent: (email: string) => string;
  renewed: (email: string) => string;
  revoked: (email: string) => string;
  revokedStale: (lang: string, count: number) => string;
  exported: string;
  /** Why an action failed, by error code; `other` for anything else. */
  failures: Partial<Record<ErrorCode | 'network', string>> & { other: string };
  exportFileName: string;
}

const en: InvitationTableStrings = {
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
  defaultRole: 'Default',
  stale: 'Already a member',
  date: formatDate,
  copyLink: 'Copy link',
  copyLinkFor: (email) => `Copy link for ${email}`,
  copyCode: 'Copy code',
  copyCodeFor: (email) => `Copy code for ${email}`,
  resend: 'Resend',
  resendTo: (email) => `Resend invitation to ${email}`,
  resendsLeft: (lang, count) => plural(lang, count, { one: '# resend left', other: '# resends left' }),
  resendsLeftShort: (lang, count) => plural(lang, count, { other: '# left' }),
  sendNew: 'Send new invitation',
  sendNewTo: (email) => `Send new invitation to ${email}`,
  revoke: 'Revoke',
  revokeFor: (email) => `Revoke invitation for ${email}`,
  noActions: 'No actions',
  copying: 'Copying…',
  resending: 'Resending…',
  sendingNew: 'Sending…',
  revoking: 'Revoking…',
  exporting: 'Exporting…',
  failedFor: (email, reason) => `${email}: ${reason}`,
  nothingToExport: 'Nothing to export: no invitation in this view.',
  noStale: 'No pending invitation goes to someone who is already a member.',
  confirmRevokeTitle: 'Revoke invitation?',
  confirmRevokeBody: (email) => `The invitation link sent to ${email} will stop working.`,
  confirmRevokeStaleTitle: 'Revoke stale invitations?',
  confirmRevokeStaleBody: 'Every pending invitation to an address that already belongs to a member will be revoked.',
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
  },
  tryAgain: 'Try again',
  forbidden: 'You do not have permission to manage invitations in this organization. Ask an organization admin.',
  unauthenticated: 'Sign in to manage invitations.',
  notFound: 'This organization was not found.',
  noClient: 'Not connected: give this element a client or place it inside <invitekit-provider>.',
  pagination: 'Pages',
  range: (lang, from, to, total, capped) =>
    `${formatNumber(lang, from)}–${formatNumber(lang, to)} of ${capped ? 'more than ' : ''}${formatNumber(lang, total)}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  linkCopied: (email) => `Link copied for ${email}`,
  codeCopied: (email) => `Code copied for ${email}`,
  copyFailed: 'Could not copy to the clipboard.',
  resent: (email) => `Invitation resent to ${email}`,
  renewed: (email) => `New invitation sent to ${email}`,
  revoked: (email) => `Invitation for ${email} revoked`,
  revokedStale: (lang, count) =>
    plural(lang, count, { one: '# stale invitation revoked', other: '# stale invitations revoked' }),
  exported: 'Export downloaded',
  failures: {
    resend_limit_reached: 'No resends left for this invitation. Revoke it and invite again.',
    not_pending: 'This invitation is no longer pending. The list has been refreshed.',
    not_expired: 'This invitation has not expired: resend it instead.',
    not_renewable: 'This invitation can no longer be renewed.',
    not_revocable: 'This invitation was accepted or declined and cannot be revoked.',
    forbidden: 'You do not have permission to do this.',
    unauthenticated: 'Your session has ended. Sign in again.',
    network: 'The server could not be reached. Check your connection and try again.',
    other: 'That did not work. Try again in a moment.',
  },
  exportFileName: 'invitations.csv',
};

export const invitationTableStrings: Catalogues<InvitationTableStrings> = catalogues(en, {
  fr: () => import('./invitation-table.strings.fr.js'),
});
