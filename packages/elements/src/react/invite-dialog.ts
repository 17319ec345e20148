'use client';
/** `<InviteDialog>`: the React component of `<invite-dialog>` (defines the element). */
import { InviteDialog as InviteDialogElement } from '../define/invite-dialog.js';
import { wrap } from '../shared/react-component.js';

export const InviteDialog = wrap('invite-dialog', InviteDialogElement, [
  'invitekit-invitations-sent',
  'invitekit-error',
]);
