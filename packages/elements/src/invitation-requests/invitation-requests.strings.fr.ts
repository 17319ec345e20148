/** The French invitation-requests strings, loaded the first time an element speaks French. */
import { formatDate, plural } from '../shared/i18n.js';
import type { InvitationRequestsStrings } from './invitation-requests.strings.js';

const fr: InvitationRequestsStrings = {
  heading: 'Demandes d’invitation',
  switchLabel: 'Autoriser les demandes depuis la page de connexion',
  switchHint: 'Si l’on peut demander une invitation depuis la page de connexion.',
  switchHintOn:
    'Les personnes peuvent demander une invitation depuis la page de connexion ; leurs demandes vous attendent ici.',
  switchHintOff: 'La page de connexion indique que les demandes sont fermées ; personne ne peut en faire.',
  switchOn: 'Activé',
  switchOff: 'Désactivé',
  switchLoading: 'Chargement…',
  switchUnknown: 'Non chargé',
  switchSaving: 'Enregistrement…',
  dismissStale: 'Écarter les demandes obsolètes',
  approve: 'Approuver',
  approveFrom: (email) => `Approuver la demande de ${email}`,
  approving: 'Approbation…',
  approveRoleBody: (email) => `${email} reçoit une invitation par e-mail, pour rejoindre avec ce rôle.`,
  roleLabel: 'Rôle',
  cancel: 'Annuler',
  defaultRole: 'Rôle par défaut',
  dismiss: 'Écarter',
  dismissFrom: (email) => `Écarter la demande de ${email}`,
  dismissing: 'Mise à l’écart…',
  dismissingStale: 'Mise à l’écart…',
  stale: 'Déjà membre',
  staleReason: 'A rejoint l’organisation autrement depuis sa demande : rien à approuver.',
  requested: (lang, iso) => `Demandée le ${formatDate(lang, iso)}`,
  noName: 'Aucun nom indiqué',
  loading: 'Chargement des demandes…',
  empty: 'Aucune demande en attente',
  loadFailures: {
    network: 'Impossible de charger les demandes car le serveur est injoignable.',
    unavailable: 'Impossible de charger les demandes car le service est occupé ; réessayez dans un instant.',
    other: 'Impossible de charger les demandes à cause d’un problème sur le serveur ; réessayez dans un instant.',
    notConnected:
      'Les demandes d’invitation ne peuvent pas s’afficher ici : cette page n’est pas reliée au service d’invitations.',
  },
  settingFailures: {
    network: 'Impossible de savoir si la page de connexion accepte les demandes : le serveur est injoignable.',
    other: 'Impossible de savoir si la page de connexion accepte les demandes : un problème sur le serveur.',
  },

  tryAgain: 'Réessayer',
  forbidden:
    'Vous n’avez pas l’autorisation de gérer les demandes d’invitation de cette organisation. Demandez à un administrateur.',
  unauthenticated: 'Connectez-vous pour gérer les demandes d’invitation.',
  signIn: 'Se connecter',
  notFound: 'Organisation introuvable.',
  noClient: 'Non connecté : donnez un client à cet élément ou placez-le dans <invitekit-provider>.',
  showMore: 'Afficher plus de demandes',
  count: (lang, shown, total) =>
    `${new Intl.NumberFormat(lang).format(shown)} sur ${plural(lang, total, { one: '# demande', other: '# demandes' })}`,
  approved: (email) => `Demande de ${email} approuvée : invitation envoyée`,
  dismissed: (email) => `Demande de ${email} écartée`,
  dismissedStale: (lang, count) =>
    plural(lang, count, { one: '# demande obsolète écartée', other: '# demandes obsolètes écartées' }),
  failed: {
    approve: (email) => `La demande de ${email} n’a pas été approuvée`,
    dismiss: (email) => `La demande de ${email} n’a pas été écartée`,
    stale: 'Aucune demande obsolète n’a été écartée',
    setting: (enabled) =>
      enabled
        ? 'Les demandes depuis la page de connexion restent non autorisées'
        : 'Les demandes depuis la page de connexion restent autorisées',
  },
  failedFor: (what, reason) => `${what} : ${reason}`,
  enabled: 'Demandes depuis la page de connexion autorisées : la page de connexion les accepte',
  disabled: 'Demandes depuis la page de connexion refusées : la page de connexion indique qu’elles sont fermées',
  failures: {
    already_member: 'cette personne est déjà membre. Écartez plutôt la demande.',
    domain_not_allowed: 'le domaine de l’adresse n’est pas autorisé dans cette organisation.',
    not_pending: 'elle a déjà reçu une réponse. La liste montre ce qui reste.',
    forbidden: 'vous n’avez pas l’autorisation de faire cela.',
    unauthenticated: 'votre session a expiré. Reconnectez-vous.',
    network: 'le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    unavailable: 'le service est occupé. Rien n’a changé ; réessayez dans un instant.',
    other: 'une erreur est survenue sur le serveur. Rien n’a changé ; réessayez dans un instant.',
  },
};

export default fr;
