'use client';
/** `<RedeemInvite>`: the React component of `<redeem-invite>` (defines the element). */
import { RedeemInvite as RedeemInviteElement } from '../define/redeem-invite.js';
import { wrap } from '../shared/react-component.js';

export const RedeemInvite = wrap('redeem-invite', RedeemInviteElement, [
  'invitekit-invitation-accepted',
  'invitekit-invitation-declined',
  'invitekit-invitation-continue',
  'invitekit-sign-out-request',
  'invitekit-new-invitation-request',
  'invitekit-error',
]);
