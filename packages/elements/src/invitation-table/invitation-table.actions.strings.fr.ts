/** The French strings of the table's row menu, bulk bar and revoke confirmation, loaded with them in French. */
import { plural } from '../shared/i18n.js';
import type { InvitationTableActionStrings } from './invitation-table.actions.strings.js';

const fr: InvitationTableActionStrings = {
  noResendsLeft: 'Plus de renvoi : les 3 sont utilisés',
  alreadyMemberNote: 'Déjà membre : aucune invitation nécessaire',
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
  changeRole: 'Changer le rôle',
  changeRoleFor: (email) => `Changer le rôle pour ${email}`,
  selectedCount: (lang, count) => plural(lang, count, { one: '# sélectionnée', other: '# sélectionnées' }),
  resendSelected: 'Renvoyer la sélection',
  renewSelected: 'Envoyer de nouvelles invitations pour la sélection',
  revokeSelected: 'Révoquer la sélection',
  clearSelection: 'Effacer la sélection',
  confirmBulkRevokeTitle: (lang, count) =>
    plural(lang, count, { one: 'Révoquer # invitation ?', other: 'Révoquer # invitations ?' }),
  confirmBulkRevokeBody:
    'Leurs liens ne fonctionneront plus. Les invitations acceptées ou refusées restent telles quelles.',
  bulkSummary: (lang, action, done, skipped) => {
    const did = {
      resend: { one: '# renvoyée', other: '# renvoyées' },
      renew: { one: '# nouvelle invitation envoyée', other: '# nouvelles invitations envoyées' },
      revoke: { one: '# révoquée', other: '# révoquées' },
    }[action];
    const head = plural(lang, done, did);
    if (skipped.length === 0) return head;
    const why = skipped.map((s) => `${s.email}, ${s.reason}`).join(' ; ');
    return `${head} ; ${plural(lang, skipped.length, { one: '# ignorée', other: '# ignorées' })} : ${why}`;
  },
  bulkReasons: {
    resend_limit_reached: 'ses 3 renvois sont utilisés',
    not_pending: 'elle n’est pas en attente',
    not_expired: 'elle n’a pas expiré',
    not_renewable: 'elle ne peut plus être renouvelée',
    not_revocable: 'elle a été acceptée ou refusée',
    already_member: 'l’adresse est désormais membre',
    network: 'le serveur est injoignable',
    other: 'le serveur n’a pas pu le faire',
  },
  confirmRevokeTitle: 'Révoquer l’invitation ?',
  confirmRevokeBody: (email) => `Le lien d’invitation envoyé à ${email} ne fonctionnera plus.`,
  confirmRevokeStaleTitle: 'Révoquer les invitations obsolètes ?',
  confirmRevokeStaleBody: 'Toute invitation en attente pour une adresse déjà membre sera révoquée.',
  alreadyMember: (email) =>
    `${email} est déjà membre : aucune nouvelle invitation n’a été envoyée, et aucune n’est nécessaire.`,
  changeRoleTitle: 'Changer le rôle',
  changeRoleBody: (email) => `Le rôle que ${email} aura en rejoignant. Le lien déjà envoyé reste valable.`,
  saveRole: 'Enregistrer le rôle',
  savingRole: 'Enregistrement…',
  roleChanged: (email, role) => `${email} rejoindra comme ${role}`,
  copying: 'Copie…',
  resending: 'Renvoi…',
  sendingNew: 'Envoi…',
  linkCopied: (email) => `Lien copié pour ${email}`,
  codeCopied: (email) => `Code copié pour ${email}`,
  copyFailed: 'le navigateur n’a pas permis l’accès au presse-papiers.',
  resent: (email) => `Invitation renvoyée à ${email}`,
  renewed: (email) => `Nouvelle invitation envoyée à ${email}`,
  revoked: (email) => `Invitation de ${email} révoquée`,
  revokedStale: (lang, count) =>
    plural(lang, count, { one: '# invitation obsolète révoquée', other: '# invitations obsolètes révoquées' }),
};

export default fr;
