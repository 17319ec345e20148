import { InvitationRequests } from '../invitation-requests/invitation-requests.js';
import { defineElement } from '../shared/define.js';

defineElement('invitation-requests', InvitationRequests);
export { InvitationRequests };
