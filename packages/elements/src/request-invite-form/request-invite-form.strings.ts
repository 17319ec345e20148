/**
 * Every word `<request-invite-form>` shows. Kept apart from the admin catalogues so that a login page downloads
 * only these. A host replaces any of them through the element's `strings` property.
 */
import { catalogues, type Catalogues } from '../shared/i18n.js';

export interface RequestInviteFormStrings {
  /** Heading above the form; `org` is the organization's name. */
  heading: (org: string) => string;
  intro: string;
  email: string;
  name: string;
  message: string;
  optional: string;
  submit: string;
  submitting: string;
  loading: string;
  /** The one answer to every accepted submission, whoever sent it: it never reveals who is a member. */
  confirmation: string;
  confirmationHeading: string;
  closed: (org: string) => string;
  closedHeading: string;
  unknownOrganization: string;
  loadError: string;
  submitError: string;
  retry: string;
  emailMissing: string;
  emailInvalid: string;
  /** `wait` is a relative time such as "in 12 minutes". */
  rateLimited: (wait: string) => string;
  /** The hidden field's label; only bots read it. */
  honeypot: string;
}

const en: RequestInviteFormStrings = {
  heading: (org) => `Request an invitation to ${org}`,
  intro: 'An administrator will review your request.',
  email: 'Email',
  name: 'Name',
  message: 'Message',
  optional: '(optional)',
  submit: 'Request invitation',
  submitting: 'Sending…',
  loading: 'Loading…',
  confirmation: 'If your request is approved, you will receive an invitation by email.',
  confirmationHeading: 'Request received',
  closed: (org) => `Requests for invitations are closed. Ask an administrator of ${org} to invite you.`,
  closedHeading: 'Requests are closed',
  unknownOrganization: 'This organization does not exist. Check the address of this page.',
  loadError: 'We could not load this form. Check your connection and try again.',
  submitError: 'Your request could not be sent. Check your connection and try again.',
  retry: 'Try again',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter an email address such as name@example.com.',
  rateLimited: (wait) => `Too many requests for this address. Please try again ${wait}.`,
  honeypot: 'Website',
};

export const requestInviteFormStrings: Catalogues<RequestInviteFormStrings> = catalogues(en, {
  fr: () => import('./request-invite-form.strings.fr.js'),
});
