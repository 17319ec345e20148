// The table renders an <invite-dialog> inside it, so defining the table defines the dialog too.
import './invite-dialog.js';
import { InvitationTable } from '../invitation-table/invitation-table.js';
import { defineElement } from '../shared/define.js';

defineElement('invitation-table', InvitationTable);
export { InvitationTable };
// Keeps the shared/events declarations (the HTMLElementEventMap augmentation: typed `addEventListener`) in this
// entry's .d.ts for TypeScript users who import this element alone.
export type { InvitekitEventDetails } from '../shared/events.js';
