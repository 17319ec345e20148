/** Every string `<invitation-table>` shows or announces. English is public API (accessible names). */
import { formatDate, plural, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode, InvitationStatus } from '@invitekit/sdk';

export type StatusFilter = 'pending,expired' | InvitationStatus | 'all';

export interface InvitationTableStrings {
  caption: string;
  columnEmail: string;
  columnStatus: string;
  columnRole: string;
  columnInvited: string;
  columnExpires: string;
  columnActions: string;
  status: Record<InvitationStatus, string>;
  filterLabel: string;
  filter: Record<StatusFilter, string>;
  searchLabel: string;
  inviteUsers: string;
  exportCsv: string;
  revokeStale: string;
  defaultRole: string;
  stale: string;
  staleHint: string;
  date: (lang: string, iso: string) => string;
  copyLink: string;
  copyLinkFor: (email: string) => string;
  copyCode: string;
  copyCodeFor: (email: string) => string;
  resend: string;
  resendTo: (email: string) => string;
  resendsLeft: (lang: string, count: number) => string;
  sendNew: string;
  sendNewTo: (email: string) => string;
  revoke: string;
  revokeFor: (email: string) => string;
  noActions: string;
  confirmRevokeTitle: string;
  confirmRevokeBody: (email: string) => string;
  confirmRevokeStaleTitle: string;
  confirmRevokeStaleBody: string;
  cancel: string;
  loading: string;
  empty: string;
  emptyFiltered: string;
  clearFilters: string;
  loadError: string;
  tryAgain: string;
  forbidden: string;
  unauthenticated: string;
  notFound: string;
  noClient: string;
  pagination: string;
  range: (lang: string, from: number, to: number, total: number) => string;
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
  columnExpires: 'Expires',
  columnActions: 'Actions',
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
  stale: 'Stale',
  staleHint: 'already a member',
  date: formatDate,
  copyLink: 'Copy link',
  copyLinkFor: (email) => `Copy link for ${email}`,
  copyCode: 'Copy code',
  copyCodeFor: (email) => `Copy code for ${email}`,
  resend: 'Resend',
  resendTo: (email) => `Resend invitation to ${email}`,
  resendsLeft: (lang, count) => plural(lang, count, { one: '# resend left', other: '# resends left' }),
  sendNew: 'Send new invitation',
  sendNewTo: (email) => `Send new invitation to ${email}`,
  revoke: 'Revoke',
  revokeFor: (email) => `Revoke invitation for ${email}`,
  noActions: 'No actions',
  confirmRevokeTitle: 'Revoke invitation?',
  confirmRevokeBody: (email) => `The invitation link sent to ${email} will stop working.`,
  confirmRevokeStaleTitle: 'Revoke stale invitations?',
  confirmRevokeStaleBody: 'Every pending invitation to an address that already belongs to a member will be revoked.',
  cancel: 'Cancel',
  loading: 'Loading invitations…',
  empty: 'No pending invitations',
  emptyFiltered: 'No invitations match this search and filter',
  clearFilters: 'Clear search and filter',
  loadError: 'The invitations could not be loaded.',
  tryAgain: 'Try again',
  forbidden: 'You do not have permission to manage invitations in this organization. Ask an organization admin.',
  unauthenticated: 'Sign in to manage invitations.',
  notFound: 'This organization was not found.',
  noClient: 'Not connected: give this element a client or place it inside <invitekit-provider>.',
  pagination: 'Pages',
  range: (lang, from, to, total) => {
    const n = new Intl.NumberFormat(lang);
    return `${n.format(from)}–${n.format(to)} of ${n.format(total)}`;
  },
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
