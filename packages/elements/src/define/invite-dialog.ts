import { InviteDialog } from '../invite-dialog/invite-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('invite-dialog', InviteDialog);
export { InviteDialog };
export type { InviteRole } from '../invite-dialog/invite-dialog.js';
