import { RequestInviteForm } from '../request-invite-form/request-invite-form.js';
import { defineElement } from '../shared/define.js';

defineElement('request-invite-form', RequestInviteForm);
export { RequestInviteForm };
// Keeps the shared/events declarations (the HTMLElementEventMap augmentation: typed `addEventListener`) in this
// entry's .d.ts for TypeScript users who import this element alone.
export type { InvitekitEventDetails } from '../shared/events.js';
