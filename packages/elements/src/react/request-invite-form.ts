'use client';
/** `<RequestInviteForm>`: the React component of `<request-invite-form>` (defines the element). */
import { RequestInviteForm as RequestInviteFormElement } from '../define/request-invite-form.js';
import { wrap } from '../shared/react-component.js';

export const RequestInviteForm = wrap('request-invite-form', RequestInviteFormElement, [
  'invitekit-request-submitted',
  'invitekit-error',
]);
