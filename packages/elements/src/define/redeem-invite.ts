import { RedeemInvite } from '../redeem-invite/redeem-invite.js';
import { defineElement } from '../shared/define.js';

defineElement('redeem-invite', RedeemInvite);
export { RedeemInvite };
// Keeps the shared/events declarations (the HTMLElementEventMap augmentation: typed `addEventListener`) in this
// entry's .d.ts for TypeScript users who import this element alone.
export type { InvitekitEventDetails } from '../shared/events.js';
