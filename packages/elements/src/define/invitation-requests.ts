import { InvitationRequests } from '../invitation-requests/invitation-requests.js';
import { defineElement } from '../shared/define.js';

defineElement('invitation-requests', InvitationRequests);
export { InvitationRequests };
// Keeps the shared/events declarations (the HTMLElementEventMap augmentation: typed `addEventListener`) in this
// entry's .d.ts for TypeScript users who import this element alone.
export type { InvitekitEventDetails } from '../shared/events.js';
