/**
 * @invitekit/elements: importing this module defines every element; each class is exported too, so a host can
 * register one under a tag of its own (`customElements.define('acme-invitations', InvitationTable)`).
 * A page that needs one element imports `@invitekit/elements/<tag>` instead and ships nothing else.
 */
export { InvitekitProvider } from './define/invitekit-provider.js';
export { InvitationTable } from './define/invitation-table.js';
export { InviteDialog } from './define/invite-dialog.js';
export { InvitationRequests } from './define/invitation-requests.js';
export { RequestInviteForm } from './define/request-invite-form.js';
// Defined here, not through ./define/redeem-invite.js: this entry defines the request form itself, so the redeem
// element has nothing to download on demand (see `requestForm` in redeem-next-steps.ts).
import { RedeemInvite } from './redeem-invite/redeem-invite.js';
import { defineElement } from './shared/define.js';
defineElement('redeem-invite', RedeemInvite);
export { RedeemInvite } from './redeem-invite/redeem-invite.js';

export { InvitekitElement } from './shared/invitekit-element.js';
export { clientContext, type InvitekitClient } from './shared/context.js';
export { InvitekitEvent, type InvitekitEventDetails, type InvitekitEventName } from './shared/events.js';
export type { InviteRole } from './invite-dialog/invite-dialog.js';
export type { InvitationTableStrings } from './invitation-table/invitation-table.strings.js';
export type { InviteDialogStrings } from './invite-dialog/invite-dialog.strings.js';
export type { CsvReportStrings } from './invite-dialog/csv-report.strings.js';
export type { InvitationRequestsStrings } from './invitation-requests/invitation-requests.strings.js';
