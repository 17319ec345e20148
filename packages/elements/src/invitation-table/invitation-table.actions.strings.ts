/**
 * The table's strings that only a click brings on screen: the row menu, what its items say they did, the bulk bar,
 * the role dialog and the revoke confirmation.
 * They load with those chunks (invitation-table.ts `loadActionWords`), so a page that never opens a menu never
 * downloads them. Part of `InvitationTableStrings`: a host replaces them through `strings` like any other.
 */
import { plural, catalogues, type Catalogues } from '../shared/i18n.js';
import type { ErrorCode } from '@invitekit/sdk';

export interface InvitationTableActionStrings {
  /** Why Resend is disabled. */
  noResendsLeft: string;
  /** Why "Send new invitation" is disabled: the server said the address is a member now. */
  alreadyMemberNote: string;
  copyLink: string;
  copyLinkFor: (email: string) => string;
  copyCode: string;
  copyCodeFor: (email: string) => string;
  resend: string;
  resendTo: (email: string) => string;
  resendsLeft: (lang: string, count: number) => string;
  sendNew: string;
  sendNewTo: (email: string) => string;
  revoke: string;
  revokeFor: (email: string) => string;
  /** The row-menu item of a pending invitation, where the host gave roles, and the dialog it opens. */
  changeRole: string;
  changeRoleFor: (email: string) => string;
  selectedCount: (lang: string, count: number) => string;
  resendSelected: string;
  renewSelected: string;
  revokeSelected: string;
  clearSelection: string;
  confirmBulkRevokeTitle: (lang: string, count: number) => string;
  confirmBulkRevokeBody: string;
  /** One summary of a bulk action: how many it did, and each row the server refused with why. */
  bulkSummary: (
    lang: string,
    action: 'resend' | 'renew' | 'revoke',
    done: number,
    skipped: { email: string; reason: string }[],
  ) => string;
  /** Why the server refused a row of a bulk action, by error code (short, after the address). */
  bulkReasons: Partial<Record<ErrorCode | 'network', string>> & { other: string };
  confirmRevokeTitle: string;
  confirmRevokeBody: (email: string) => string;
  confirmRevokeStaleTitle: string;
  confirmRevokeStaleBody: string;
  /** Said after the server refused a new invitation because the address is a member now. */
  alreadyMember: (email: string) => string;
  changeRoleTitle: string;
  changeRoleBody: (email: string) => string;
  saveRole: string;
  savingRole: string;
  roleChanged: (email: string, role: string) => string;
  /** The busy labels of a row's menu button, while the action chosen in it is under way. */
  copying: string;
  resending: string;
  sendingNew: string;
  linkCopied: (email: string) => string;
  codeCopied: (email: string) => string;
  copyFailed: string;
  resent: (email: string) => string;
  renewed: (email: string) => string;
  revoked: (email: string) => string;
  revokedStale: (lang: string, count: number) => string;
}

const en: InvitationTableActionStrings = {
  noResendsLeft: 'No resends left: all 3 are used',
  alreadyMemberNote: 'Already a member: no invitation needed',
  copyLink: 'Copy link',
  copyLinkFor: (email) => `Copy link for ${email}`,
  copyCode: 'Copy code',
  copyCodeFor: (email) => `Copy code for ${email}`,
  resend: 'Resend',
  resendTo: (email) => `Resend invitation to ${email}`,
  resendsLeft: (lang, count) => plural(lang, count, { one: '# resend left', other: '# resends left' }),
  sendNew: 'Send new invitation',
  sendNewTo: (email) => `Send new invitation to ${email}`,
  revoke: 'Revoke',
  revokeFor: (email) => `Revoke invitation for ${email}`,
  changeRole: 'Change role',
  changeRoleFor: (email) => `Change role for ${email}`,
  selectedCount: (lang, count) => plural(lang, count, { other: '# selected' }),
  resendSelected: 'Resend selected',
  renewSelected: 'Send new invitations for selected',
  revokeSelected: 'Revoke selected',
  clearSelection: 'Clear selection',
  confirmBulkRevokeTitle: (lang, count) =>
    plural(lang, count, { one: 'Revoke # invitation?', other: 'Revoke # invitations?' }),
  confirmBulkRevokeBody: 'Their links will stop working. Accepted and declined ones are left as they are.',
  bulkSummary: (lang, action, done, skipped) => {
    const did = {
      resend: { one: '# resent', other: '# resent' },
      renew: { one: '# new invitation sent', other: '# new invitations sent' },
      revoke: { one: '# revoked', other: '# revoked' },
    }[action];
    const head = plural(lang, done, did);
    if (skipped.length === 0) return head;
    const why = skipped.map((s) => `${s.email}, ${s.reason}`).join('; ');
    return `${head}; ${plural(lang, skipped.length, { other: '# skipped' })}: ${why}`;
  },
  bulkReasons: {
    resend_limit_reached: 'its 3 resends are used',
    not_pending: 'it is not pending',
    not_expired: 'it has not expired',
    not_renewable: 'it can no longer be renewed',
    not_revocable: 'it was accepted or declined',
    already_member: 'the address is a member now',
    network: 'the server could not be reached',
    other: 'the server could not do it',
  },
  confirmRevokeTitle: 'Revoke invitation?',
  confirmRevokeBody: (email) => `The invitation link sent to ${email} will stop working.`,
  confirmRevokeStaleTitle: 'Revoke stale invitations?',
  confirmRevokeStaleBody: 'Every pending invitation to an address that already belongs to a member will be revoked.',
  alreadyMember: (email) => `${email} is already a member: no new invitation was sent, and none is needed.`,
  changeRoleTitle: 'Change role',
  changeRoleBody: (email) => `The role ${email} will get on joining. The link already sent keeps working.`,
  saveRole: 'Save role',
  savingRole: 'Saving…',
  roleChanged: (email, role) => `${email} will join as ${role}`,
  copying: 'Copying…',
  resending: 'Resending…',
  sendingNew: 'Sending…',
  linkCopied: (email) => `Link copied for ${email}`,
  codeCopied: (email) => `Code copied for ${email}`,
  copyFailed: 'the browser did not allow access to the clipboard.',
  resent: (email) => `Invitation resent to ${email}`,
  renewed: (email) => `New invitation sent to ${email}`,
  revoked: (email) => `Invitation for ${email} revoked`,
  revokedStale: (lang, count) =>
    plural(lang, count, { one: '# stale invitation revoked', other: '# stale invitations revoked' }),
};

export const invitationTableActionStrings: Catalogues<InvitationTableActionStrings> = catalogues(en, {
  fr: () => import('./invitation-table.actions.strings.fr.js'),
});
