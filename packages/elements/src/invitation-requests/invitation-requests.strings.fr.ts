/** The French invitation-requests strings, loaded the first time an element speaks French. */
import { formatDate, plural } from '../shared/i18n.js';
import type { InvitationRequestsStrings } from './invitation-requests.strings.js';

const fr: InvitationRequestsStrings = {
  heading: 'Demandes d’invitation',
  switchLabel: 'Invitations de nouveaux utilisateurs',
  switchHint: 'Les personnes peuvent demander une invitation depuis la page de connexion.',
  switchOn: 'Activé',
  switchOff: 'Désactivé',
  switchLoading: 'Chargement…',
  switchUnknown: 'Non chargé',
  switchSaving: 'Enregistrement…',
  dismissStale: 'Écarter les demandes obsolètes',
  approve: 'Approuver',
  approveFrom: (email) => `Approuver la demande de ${email}`,
  approving: 'Approbation…',
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
    network: 'Impossible de charger les demandes : le serveur est injoignable.',
    other: 'Impossible de charger les demandes.',
    notConnected:
      'Les demandes d’invitation ne peuvent pas s’afficher ici : cette page n’est pas reliée au service d’invitations.',
  },
  settingFailures: {
    network: 'Impossible de charger le réglage Invitations de nouveaux utilisateurs : le serveur est injoignable.',
    other: 'Impossible de charger le réglage Invitations de nouveaux utilisateurs.',
  },
  tryAgain: 'Réessayer',
  forbidden:
    'Vous n’avez pas l’autorisation de gérer les demandes d’invitation de cette organisation. Demandez à un administrateur.',
  unauthenticated: 'Connectez-vous pour gérer les demandes d’invitation.',
  notFound: 'Organisation introuvable.',
  noClient: 'Non connecté : donnez un client à cet élément ou placez-le dans <invitekit-provider>.',
  showMore: 'Afficher plus de demandes',
  count: (lang, shown, total) =>
    `${new Intl.NumberFormat(lang).format(shown)} sur ${plural(lang, total, { one: '# demande', other: '# demandes' })}`,
  approved: (email) => `Demande de ${email} approuvée : invitation envoyée`,
  dismissed: (email) => `Demande de ${email} écartée`,
  dismissedStale: (lang, count) =>
    plural(lang, count, { one: '# demande obsolète écartée', other: '# demandes obsolètes écartées' }),
  failedFor: (email, reason) => `${email} : ${reason}`,
  enabled: 'Invitations de nouveaux utilisateurs activées : la page de connexion accepte les demandes',
  disabled:
    'Invitations de nouveaux utilisateurs désactivées : la page de connexion indique que les demandes sont fermées',
  failures: {
    already_member: 'Cette personne est déjà membre. Écartez plutôt la demande.',
    domain_not_allowed: 'Le domaine de cette adresse n’est pas autorisé dans cette organisation.',
    not_pending: 'Cette demande a déjà reçu une réponse. La liste a été actualisée.',
    forbidden: 'Vous n’avez pas l’autorisation de faire cela.',
    unauthenticated: 'Votre session a expiré. Reconnectez-vous.',
    network: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    other: 'L’action a échoué. Réessayez dans un instant.',
  },
};

export default fr;
