import { RequestInviteForm } from '../request-invite-form/request-invite-form.js';
import { defineElement } from '../shared/define.js';

defineElement('request-invite-form', RequestInviteForm);
export { RequestInviteForm };
