// The table renders an <invite-dialog> inside it, so defining the table defines the dialog too.
import './invite-dialog.js';
import { InvitationTable } from '../invitation-table/invitation-table.js';
import { defineElement } from '../shared/define.js';

defineElement('invitation-table', InvitationTable);
export { InvitationTable };
