/** The French invite-dialog strings, loaded the first time an element speaks French. */
import { plural } from '../shared/i18n.js';
import type { InviteDialogStrings } from './invite-dialog.strings.js';

const fr: InviteDialogStrings = {
  title: 'Inviter des utilisateurs',
  emailsLabel: 'Adresses e-mail',
  emailsHint:
    'Séparez les adresses par des virgules, des points-virgules, des espaces ou des retours à la ligne. « Nom <adresse> » fonctionne aussi.',
  uploadCsv: 'Importer un CSV',
  roleLabel: 'Rôle',
  send: 'Envoyer les invitations',
  sending: 'Envoi…',
  close: 'Fermer',
  inviteMore: 'Inviter d’autres personnes',
  previewHeading: 'Aperçu',
  previewChecking: 'Vérification des adresses…',
  previewSummary: (lang, toSend, toSkip) =>
    `${plural(lang, toSend, { one: '# invitation sera envoyée', other: '# invitations seront envoyées' })}, ` +
    plural(lang, toSkip, { one: '# adresse sera ignorée', other: '# adresses seront ignorées' }),
  willSend: 'sera invitée',
  reasons: {
    invalid_email: 'adresse e-mail non valide',
    duplicate: 'en double',
    already_member: 'déjà membre de l’organisation',
    already_invited: 'déjà invitée',
    domain_not_allowed: 'domaine non autorisé',
  },
  noEmails: 'Saisissez au moins une adresse e-mail.',
  tooMany: (lang, count, max) =>
    `${plural(lang, count, { one: '# adresse', other: '# adresses' })} : un envoi en compte ${max} au plus. ` +
    `Retirez-en ou envoyez-les par lots de ${max}.`,
  csvReaderFailed:
    'Le lecteur de CSV n’a pas pu être chargé : rien n’a été ajouté. Vérifiez votre connexion et choisissez à nouveau le fichier.',
  sent: (lang, count) => plural(lang, count, { one: '# invitation envoyée', other: '# invitations envoyées' }),
  skippedHeading: (lang, count) => plural(lang, count, { one: '# adresse ignorée :', other: '# adresses ignorées :' }),
  sentTo: (email, role) => `${email}, comme ${role}`,
  defaultRole: 'le rôle par défaut',
  previewFailures: {
    network: 'Les adresses n’ont pas pu être vérifiées : le serveur est injoignable. Rien n’a été envoyé.',
    other: 'Les adresses n’ont pas pu être vérifiées à cause d’un problème sur le serveur. Rien n’a été envoyé.',
  },
  failures: {
    too_many_emails: 'Aucune invitation envoyée : un envoi compte 100 adresses au plus.',
    idempotency_key_reused: 'Aucune invitation envoyée : la liste a changé pendant l’envoi. Envoyez à nouveau.',
    forbidden: 'Aucune invitation envoyée : vous n’avez pas l’autorisation d’inviter dans cette organisation.',
    unauthenticated: 'Aucune invitation envoyée : votre session a expiré. Reconnectez-vous.',
    network: 'Aucune invitation envoyée : le serveur est injoignable. Réessayez.',
    unavailable: 'Aucune invitation envoyée : le service est occupé. Réessayez dans un instant.',
    other: 'Aucune invitation envoyée : un problème sur le serveur. Réessayez dans un instant.',
  },
};

export default fr;
