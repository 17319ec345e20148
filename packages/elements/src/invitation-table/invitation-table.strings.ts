/** Every string `<invitation-table>` shows or announces. English is public API (accessible names). */
import { formatDate, plural, type Catalogues } from '../shared/i18n.js';
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

const fr: InvitationTableStrings = {
  caption: 'Invitations',
  columnEmail: 'Adresse e-mail',
  columnStatus: 'Statut',
  columnRole: 'Rôle',
  columnInvited: 'Invitée le',
  columnExpires: 'Expire le',
  columnActions: 'Actions',
  status: { pending: 'En attente', accepted: 'Acceptée', declined: 'Refusée', revoked: 'Révoquée', expired: 'Expirée' },
  filterLabel: 'Statut',
  filter: {
    'pending,expired': 'En attente et expirées',
    pending: 'En attente',
    expired: 'Expirées',
    accepted: 'Acceptées',
    declined: 'Refusées',
    revoked: 'Révoquées',
    all: 'Toutes',
  },
  searchLabel: 'Rechercher par adresse',
  inviteUsers: 'Inviter des utilisateurs',
  exportCsv: 'Exporter en CSV',
  revokeStale: 'Révoquer les invitations obsolètes',
  defaultRole: 'Par défaut',
  stale: 'Obsolète',
  staleHint: 'déjà membre',
  date: formatDate,
  copyLink: 'Copier le lien',
  copyLinkFor: (email) => `Copier le lien pour ${email}`,
  copyCode: 'Copier le code',
  copyCodeFor: (email) => `Copier le code pour ${email}`,
  resend: 'Renvoyer',
  resendTo: (email) => `Renvoyer l’invitation à ${email}`,
  resendsLeft: (lang, count) => plural(lang, count, { one: '# renvoi restant', other: '# renvois restants' }),
  sendNew: 'Envoyer une nouvelle invitation',
  sendNewTo: (email) => `Envoyer une nouvelle invitation à ${email}`,
  revoke: 'Révoquer',
  revokeFor: (email) => `Révoquer l’invitation de ${email}`,
  noActions: 'Aucune action',
  confirmRevokeTitle: 'Révoquer l’invitation ?',
  confirmRevokeBody: (email) => `Le lien d’invitation envoyé à ${email} ne fonctionnera plus.`,
  confirmRevokeStaleTitle: 'Révoquer les invitations obsolètes ?',
  confirmRevokeStaleBody: 'Toute invitation en attente pour une adresse déjà membre sera révoquée.',
  cancel: 'Annuler',
  loading: 'Chargement des invitations…',
  empty: 'Aucune invitation en attente',
  emptyFiltered: 'Aucune invitation ne correspond à cette recherche et à ce filtre',
  clearFilters: 'Effacer la recherche et le filtre',
  loadError: 'Impossible de charger les invitations.',
  tryAgain: 'Réessayer',
  forbidden: 'Vous n’avez pas l’autorisation de gérer les invitations de cette organisation. Demandez à un administrateur.',
  unauthenticated: 'Connectez-vous pour gérer les invitations.',
  notFound: 'Organisation introuvable.',
  noClient: 'Non connecté : donnez un client à cet élément ou placez-le dans <invitekit-provider>.',
  pagination: 'Pagination',
  range: (lang, from, to, total) => {
    const n = new Intl.NumberFormat(lang);
    return `${n.format(from)}–${n.format(to)} sur ${n.format(total)}`;
  },
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  linkCopied: (email) => `Lien copié pour ${email}`,
  codeCopied: (email) => `Code copié pour ${email}`,
  copyFailed: 'Impossible de copier dans le presse-papiers.',
  resent: (email) => `Invitation renvoyée à ${email}`,
  renewed: (email) => `Nouvelle invitation envoyée à ${email}`,
  revoked: (email) => `Invitation de ${email} révoquée`,
  revokedStale: (lang, count) =>
    plural(lang, count, { one: '# invitation obsolète révoquée', other: '# invitations obsolètes révoquées' }),
  exported: 'Export téléchargé',
  failures: {
    resend_limit_reached: 'Plus aucun renvoi possible pour cette invitation. Révoquez-la et invitez à nouveau.',
    not_pending: 'Cette invitation n’est plus en attente. La liste a été actualisée.',
    not_expired: 'Cette invitation n’a pas expiré : renvoyez-la plutôt.',
    not_renewable: 'Cette invitation ne peut plus être renouvelée.',
    not_revocable: 'Cette invitation a été acceptée ou refusée et ne peut pas être révoquée.',
    forbidden: 'Vous n’avez pas l’autorisation de faire cela.',
    unauthenticated: 'Votre session a expiré. Reconnectez-vous.',
    network: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    other: 'L’action a échoué. Réessayez dans un instant.',
  },
  exportFileName: 'invitations.csv',
};

export const invitationTableStrings: Catalogues<InvitationTableStrings> = { en, fr };
