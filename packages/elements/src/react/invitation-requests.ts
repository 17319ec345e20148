'use client';
/** `<InvitationRequests>`: the React component of `<invitation-requests>` (defines the element). */
import { InvitationRequests as InvitationRequestsElement } from '../define/invitation-requests.js';
import { wrap } from '../shared/react-component.js';

export const InvitationRequests = wrap('invitation-requests', InvitationRequestsElement, [
  'invitekit-request-approved',
  'invitekit-request-dismiss-request',
  'invitekit-request-dismissed',
  'invitekit-error',
]);
