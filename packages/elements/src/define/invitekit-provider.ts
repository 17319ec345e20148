import { InvitekitProvider } from '../invitekit-provider/invitekit-provider.js';
import { defineElement } from '../shared/define.js';

defineElement('invitekit-provider', InvitekitProvider);
export { InvitekitProvider };
