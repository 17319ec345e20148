/**
 * Every word `<redeem-invite>` shows. Each state says what happened and what the person can do next. A host
 * replaces any string through the element's `strings` property. `org` is the organization's name, `inviter` the
 * inviting person's name, `email` the masked invited address.
 */
import { catalogues, type Catalogues } from '../shared/i18n.js';

export interface RedeemInviteStrings {
  loading: string;
  /** Heading of the offer; `inviter` is null when nobody is named. */
  offerHeading: (org: string, inviter: string | null) => string;
  sentTo: string;
  role: string;
  expires: string;
  /** `relative` is "in 7 days" (null once the page's clock has passed it), `date` the absolute date and time. */
  expiresValue: (relative: string | null, date: string) => string;
  nameLabel: string;
  optional: string;
  accept: string;
  accepting: string;
  decline: string;
  declineQuestion: string;
  declineExplanation: (org: string) => string;
  declineConfirm: string;
  declining: string;
  cancel: string;
  acceptedHeading: (org: string) => string;
  acceptedBody: string;
  /** The link into the organization after accepting. */
  continueTo: (org: string) => string;
  declinedHeading: string;
  declinedBody: (org: string) => string;
  expiredHeading: string;
  /** `date` is when it expired, absolute (the page's clock may differ from the server's). */
  expiredBody: (org: string, inviter: string | null, date: string) => string;
  revokedHeading: string;
  revokedBody: (org: string) => string;
  usedHeading: string;
  usedBody: (org: string) => string;
  unknownHeading: string;
  unknownBody: string;
  noCodeHeading: string;
  noCodeBody: string;
  mismatchHeading: string;
  mismatchBody: (org: string, email: string) => string;
  /** Why the invited address shows as `j***@example.com`. */
  maskedAddress: string;
  signOut: string;
  /** On an expired or withdrawn invitation. */
  askAgain: string;
  errorHeading: string;
  errorBody: string;
  retry: string;
}

const en: RedeemInviteStrings = {
  loading: 'Loading your invitation…',
  offerHeading: (org, inviter) =>
    inviter ? `${inviter} invited you to join ${org}` : `You are invited to join ${org}`,
  sentTo: 'Sent to',
  role: 'Role',
  expires: 'Expires',
  expiresValue: (relative, date) => (relative ? `${relative} (${date})` : date),
  nameLabel: 'Your name',
  optional: '(optional)',
  accept: 'Accept invitation',
  accepting: 'Accepting…',
  decline: 'Decline',
  declineQuestion: 'Decline this invitation?',
  declineExplanation: (org) => `The link will stop working. To join ${org} later you will need a new invitation.`,
  declineConfirm: 'Decline invitation',
  declining: 'Declining…',
  cancel: 'Cancel',
  acceptedHeading: (org) => `Welcome to ${org}`,
  acceptedBody: 'You are now a member.',
  continueTo: (org) => `Continue to ${org}`,
  declinedHeading: 'Invitation declined',
  declinedBody: (org) =>
    `You did not join ${org}, and the link no longer works. If you change your mind, ask an administrator of ${org} for a new invitation.`,
  expiredHeading: 'This invitation has expired',
  expiredBody: (org, inviter, date) =>
    `It expired on ${date}. Ask ${inviter ?? `an administrator of ${org}`} for a new invitation.`,
  revokedHeading: 'This invitation was withdrawn',
  revokedBody: (org) =>
    `It can no longer be used. If you still need access, ask an administrator of ${org} to invite you again.`,
  usedHeading: 'This invitation has already been used',
  usedBody: (org) =>
    `Each invitation works only once. If you already accepted it, you can sign in now. If not, ask an administrator of ${org} for a new invitation.`,
  unknownHeading: 'We could not find this invitation',
  unknownBody:
    'Check that you opened the whole link from your invitation email, or ask the person who invited you for a new invitation.',
  noCodeHeading: 'No invitation code',
  noCodeBody:
    'Open this page from the link in your invitation email. No email? Ask the person who invited you to send it again.',
  mismatchHeading: 'You are signed in with another email address',
  mismatchBody: (org, email) =>
    `This invitation is for ${email}. Sign out, then sign in with that address, or ask an administrator of ${org} to invite the address you use.`,
  maskedAddress: 'Part of the address is hidden, so that the link does not reveal it to whoever opens it.',
  signOut: 'Sign out',
  askAgain: 'Ask for a new invitation',
  errorHeading: 'Something went wrong',
  errorBody: 'We could not reach the server. Check your connection and try again.',
  retry: 'Try again',
};

export const redeemInviteStrings: Catalogues<RedeemInviteStrings> = catalogues(en, {
  fr: () => import('./redeem-invite.strings.fr.js'),
});
