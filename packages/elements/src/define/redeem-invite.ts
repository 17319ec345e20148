import { RedeemInvite } from '../redeem-invite/redeem-invite.js';
import { requestForm } from '../redeem-invite/redeem-next-steps.js';
import { defineElement } from '../shared/define.js';

// Alone, a redeem page downloads the request form only when someone asks for a new invitation.
requestForm.load = () => import('./request-invite-form.js');
defineElement('redeem-invite', RedeemInvite);
export { RedeemInvite };
// Keeps the shared/events declarations (the HTMLElementEventMap augmentation: typed `addEventListener`) in this
// entry's .d.ts for TypeScript users who import this element alone.
export type { InvitekitEventDetails } from '../shared/events.js';
