import { InvitekitProvider } from '../invitekit-provider/invitekit-provider.js';
import { defineElement } from '../shared/define.js';

defineElement('invitekit-provider', InvitekitProvider);
export { InvitekitProvider };
// Keeps the shared/events declarations (the HTMLElementEventMap augmentation: typed `addEventListener`) in this
// entry's .d.ts for TypeScript users who import this element alone.
export type { InvitekitEventDetails } from '../shared/events.js';
