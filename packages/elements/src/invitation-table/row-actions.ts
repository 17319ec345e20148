/**
 * What the items of a row's menu do (copy the link or code, resend, send a new invitation, change the role,
 * revoke) and the stale revoke the toolbar asks for. Loaded with the row menu or the revoke confirmation, so that
 * a page where nobody acts on a row never downloads it. Each runs through the table's ActionsController: busy
 * while it runs, its outcome said in the live region and shown beside its row, a failure saying what did not
 * happen and why.
 */
import type { Invitation, InvitekitClient, OrgCallOptions } from '@invitekit/sdk';
import { isApiError } from '@invitekit/sdk/errors';
import type { ActionsController } from '../shared/actions.js';
import type { InvitekitEventDetails } from '../shared/events.js';
import type { RoleQuestion } from '../shared/role-dialog.js';
import type { RowAction } from './invitation-row.js';
import type { InvitationTableStrings } from './invitation-table.strings.js';

type RowEvent =
  | 'invitekit-invitation-resent'
  | 'invitekit-invitation-renewed'
  | 'invitekit-invitation-updated'
  | 'invitekit-invitation-revoked';

/**
 * What the table lends its row actions. `words` is read when an outcome is said, in the language of that moment.
 * The table's own helpers come through here too (not imported), so that this chunk shares no module with the
 * table's: a bundler would otherwise split each shared one into a file of its own, downloaded up front.
 */
export interface RowActionsHost {
  words: () => InvitationTableStrings;
  lang: () => string;
  actions: ActionsController;
  /** Fires the event from the table (events.ts `emit`). */
  emit: <N extends RowEvent>(name: N, detail: InvitekitEventDetails[N]) => void;
  /** Why an action failed, in words (failure.ts `failureMessage` with the table's `failures`). */
  why: (error: unknown) => string;
  /** The words of the role an invitation gives (invitation-row.ts `roleText`). */
  roleText: (role: string | null) => string;
  api: () => InvitekitClient['invitations'];
  callOptions: (signal: AbortSignal) => OrgCallOptions;
  /** The server said this address is a member now: its row offers no new invitation. */
  member: (email: string) => void;
  /** Focus returns to this row (or the one now at its place) after the reload the action starts. */
  refocus: (inv: Invitation) => void;
  reload: () => void;
  reportError: (error: unknown) => void;
  askRole: (question: RoleQuestion) => Promise<void>;
}

/** Runs the menu item `action` on `inv` (Revoke is asked first: the table opens its confirmation). */
export function runRowAction(host: RowActionsHost, action: Exclude<RowAction, 'revoke'>, inv: Invitation) {
  if (action === 'link' || action === 'code') return copy(host, inv, action);
  if (action === 'resend') return resend(host, inv);
  if (action === 'renew') return renew(host, inv);
  return askRole(host, inv);
}

/** How a failed action reads: what did not happen, and why. */
function failedTo(host: RowActionsHost, what: string) {
  return (error: unknown) => host.words().failedFor(what, host.why(error));
}

function copy(host: RowActionsHost, inv: Invitation, what: 'link' | 'code'): Promise<void> {
  return host.actions.run(
    inv.id,
    async (signal) => {
      const link = await host.api().link(inv.id, host.callOptions(signal));
      const words = host.words();
      try {
        await navigator.clipboard.writeText(what === 'link' ? link.url : link.code);
      } catch (error) {
        if (signal.aborted) return;
        host.reportError(error);
        throw new CopyFailed(words.failedFor(words.failed[what](inv.email), words.copyFailed));
      }
      return what === 'link' ? words.linkCopied(inv.email) : words.codeCopied(inv.email);
    },
    {
      control: what,
      describeFailure: (error) =>
        error instanceof CopyFailed ? error.message : failedTo(host, host.words().failed[what](inv.email))(error),
    },
  );
}

function resend(host: RowActionsHost, inv: Invitation): Promise<void> {
  return host.actions.run(
    inv.id,
    async (signal) => {
      const invitation = await host.api().resend(inv.id, host.callOptions(signal));
      host.emit('invitekit-invitation-resent', { invitation });
      if (invitation.resendsRemaining === 0) host.refocus(inv);
      host.reload();
      return host.words().resent(inv.email);
    },
    { control: 'resend', describeFailure: failedTo(host, host.words().failed.resend(inv.email)) },
  );
}

function renew(host: RowActionsHost, inv: Invitation): Promise<void> {
  return host.actions.run(
    inv.id,
    async (signal) => {
      const invitation = await host.api().renew(inv.id, host.callOptions(signal));
      host.emit('invitekit-invitation-renewed', { invitation });
      host.refocus(inv);
      host.reload();
      return host.words().renewed(inv.email);
    },
    {
      control: 'renew',
      describeFailure: (error) => {
        // The address joined since: say so, and offer no new invitation on this row any more.
        if (isApiError(error, 'already_member')) {
          host.member(inv.email);
          return host.words().alreadyMember(inv.email);
        }
        return failedTo(host, host.words().failed.renew(inv.email))(error);
      },
    },
  );
}

function askRole(host: RowActionsHost, inv: Invitation): Promise<void> {
  const words = host.words();
  return host.askRole({
    title: words.changeRoleTitle,
    body: words.changeRoleBody(inv.email),
    confirm: words.saveRole,
    current: inv.role,
    onChoose: (role) => {
      if (role !== inv.role) void changeRole(host, inv, role);
    },
  });
}

function changeRole(host: RowActionsHost, inv: Invitation, role: string | null): Promise<void> {
  return host.actions.run(
    inv.id,
    async (signal) => {
      const invitation = await host.api().update(inv.id, { role }, host.callOptions(signal));
      host.emit('invitekit-invitation-updated', { invitation });
      host.reload();
      return host.words().roleChanged(inv.email, host.roleText(invitation.role));
    },
    { control: 'role', describeFailure: failedTo(host, host.words().failed.role(inv.email)) },
  );
}

/** Revokes `inv`, once the person confirmed. */
export function revoke(host: RowActionsHost, inv: Invitation): Promise<void> {
  return host.actions.run(
    inv.id,
    async (signal) => {
      const invitation = await host.api().revoke(inv.id, host.callOptions(signal));
      host.emit('invitekit-invitation-revoked', { invitation });
      host.refocus(inv);
      host.reload();
      return host.words().revoked(inv.email);
    },
    { control: 'revoke', describeFailure: failedTo(host, host.words().failed.revoke(inv.email)) },
  );
}

/** Revokes every stale invitation, once the person confirmed. */
export function revokeStale(host: RowActionsHost): Promise<void> {
  return host.actions.run(
    '*',
    async (signal) => {
      const { revoked } = await host.api().revokeStale(host.callOptions(signal));
      host.reload();
      return host.words().revokedStale(host.lang(), revoked);
    },
    { control: 'stale', describeFailure: failedTo(host, host.words().failed.stale) },
  );
}

/** A clipboard refusal, told apart from an API failure of the same copy. */
class CopyFailed extends Error {}
