/** The French redeem-invite strings, loaded the first time an element speaks French. */
import type { RedeemInviteStrings } from './redeem-invite.strings.js';

const fr: RedeemInviteStrings = {
  loading: 'Chargement de votre invitation…',
  offerHeading: (org, inviter) =>
    inviter ? `${inviter} vous invite à rejoindre ${org}` : `Vous êtes invité à rejoindre ${org}`,
  sentTo: 'Envoyée à',
  role: 'Rôle',
  expires: 'Expire',
  expiresValue: (relative, date) => (relative ? `${relative} (${date})` : date),
  nameLabel: 'Votre nom',
  optional: '(facultatif)',
  accept: "Accepter l'invitation",
  accepting: 'Acceptation…',
  decline: 'Refuser',
  declineQuestion: 'Refuser cette invitation ?',
  declineExplanation: (org) =>
    `Le lien ne fonctionnera plus. Pour rejoindre ${org} plus tard, il vous faudra une nouvelle invitation.`,
  declineConfirm: "Refuser l'invitation",
  declining: 'Refus…',
  cancel: 'Annuler',
  acceptedHeading: (org) => `Bienvenue dans ${org}`,
  acceptedBody: 'Vous êtes désormais membre.',
  continueTo: (org) => `Continuer vers ${org}`,
  declinedHeading: 'Invitation refusée',
  declinedBody: (org) =>
    `Vous n'avez pas rejoint ${org} et le lien ne fonctionne plus. Si vous changez d'avis, demandez à un administrateur de ${org} une nouvelle invitation.`,
  expiredHeading: 'Cette invitation a expiré',
  expiredBody: (org, inviter, date) =>
    `Elle a expiré le ${date}. Demandez à ${inviter ?? `un administrateur de ${org}`} une nouvelle invitation.`,
  revokedHeading: 'Cette invitation a été retirée',
  revokedBody: (org) =>
    `Elle ne peut plus être utilisée. Si vous avez toujours besoin d'un accès, demandez à un administrateur de ${org} de vous inviter à nouveau.`,
  usedHeading: 'Cette invitation a déjà été utilisée',
  usedBody: (org) =>
    `Chaque invitation ne sert qu'une fois. Si vous l'avez déjà acceptée, vous pouvez vous connecter. Sinon, demandez à un administrateur de ${org} une nouvelle invitation.`,
  unknownHeading: 'Invitation introuvable',
  unknownBody:
    "Vérifiez que vous avez ouvert le lien complet de l'e-mail d'invitation, ou demandez une nouvelle invitation à la personne qui vous a invité.",
  noCodeHeading: "Pas de code d'invitation",
  noCodeBody:
    "Ouvrez cette page depuis le lien de votre e-mail d'invitation. Pas d'e-mail ? Demandez à la personne qui vous a invité de vous le renvoyer.",
  mismatchHeading: 'Vous êtes connecté avec une autre adresse e-mail',
  mismatchBody: (org, email) =>
    `Cette invitation est destinée à ${email}. Déconnectez-vous, puis connectez-vous avec cette adresse, ou demandez à un administrateur de ${org} d'inviter l'adresse que vous utilisez.`,
  maskedAddress: "Une partie de l'adresse est masquée, pour que le lien ne la révèle pas à qui l'ouvre.",
  signOut: 'Se déconnecter',
  askAgain: 'Demander une nouvelle invitation',
  errorHeading: 'Une erreur est survenue',
  errorBody: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  retry: 'Réessayer',
};

export default fr;
