import { RedeemInvite } from '../redeem-invite/redeem-invite.js';
import { defineElement } from '../shared/define.js';

defineElement('redeem-invite', RedeemInvite);
export { RedeemInvite };
