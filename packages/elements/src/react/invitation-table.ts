'use client';
/** `<InvitationTable>`: the React component of `<invitation-table>` (defines the element). */
import { InvitationTable as InvitationTableElement } from '../define/invitation-table.js';
import { wrap } from '../shared/react-component.js';

export const InvitationTable = wrap('invitation-table', InvitationTableElement, [
  'invitekit-invitations-sent',
  'invitekit-invitation-resent',
  'invitekit-invitation-renewed',
  'invitekit-invitation-revoke-request',
  'invitekit-invitation-revoked',
  'invitekit-error',
]);
