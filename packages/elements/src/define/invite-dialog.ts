import { InviteDialog } from '../invite-dialog/invite-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('invite-dialog', InviteDialog);
export { InviteDialog };
export type { InviteRole } from '../invite-dialog/invite-dialog.js';
// Keeps the shared/events declarations (the HTMLElementEventMap augmentation: typed `addEventListener`) in this
// entry's .d.ts for TypeScript users who import this element alone.
export type { InvitekitEventDetails } from '../shared/events.js';
