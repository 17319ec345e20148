'use client';
/**
 * `@invitekit/elements/react`: a React component for every element (importing this defines them all). A page that
 * needs one imports `@invitekit/elements/react/<tag>` instead. See the README's "React".
 */
export { InvitekitProvider } from './invitekit-provider.js';
export { InvitationTable } from './invitation-table.js';
export { InviteDialog } from './invite-dialog.js';
export { InvitationRequests } from './invitation-requests.js';
export { RequestInviteForm } from './request-invite-form.js';
export { RedeemInvite } from './redeem-invite.js';
export type { EventProps } from '../shared/react-component.js';
