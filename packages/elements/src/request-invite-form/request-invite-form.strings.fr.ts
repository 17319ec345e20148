/** The French request-invite-form strings, loaded the first time an element speaks French. */
import type { RequestInviteFormStrings } from './request-invite-form.strings.js';

const fr: RequestInviteFormStrings = {
  heading: (org) => `Demander une invitation à ${org}`,
  intro: 'Un administrateur examinera votre demande.',
  email: 'E-mail',
  name: 'Nom',
  message: 'Message',
  optional: '(facultatif)',
  submit: 'Demander une invitation',
  submitting: 'Envoi…',
  loading: 'Chargement…',
  confirmation: 'Si votre demande est acceptée, vous recevrez une invitation par e-mail.',
  confirmationHeading: 'Demande reçue',
  closed: (org) => `Les demandes d'invitation sont fermées. Demandez à un administrateur de ${org} de vous inviter.`,
  closedHeading: 'Demandes fermées',
  unknownOrganization: "Cette organisation n'existe pas. Vérifiez l'adresse de cette page.",
  loadError: 'Impossible de charger ce formulaire. Vérifiez votre connexion et réessayez.',
  submitError: "Votre demande n'a pas pu être envoyée. Vérifiez votre connexion et réessayez.",
  retry: 'Réessayer',
  emailMissing: 'Saisissez votre adresse e-mail.',
  emailInvalid: 'Saisissez une adresse e-mail comme nom@exemple.com.',
  rateLimited: (wait) => `Trop de demandes pour cette adresse. Veuillez réessayer ${wait}.`,
  honeypot: 'Site web',
};

export default fr;
