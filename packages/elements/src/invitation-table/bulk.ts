/**
 * Bulk actions on the selected rows of `<invitation-table>`: the bar shown while rows are selected, and the runner.
 * Loaded the first time a row is selected, so that a page where nobody selects never downloads it. The server
 * decides each row (a resend of an expired one is refused, say); one summary says what was done and what was
 * skipped, and why.
 */
import { html, nothing } from 'lit';
import type { Invitation, InvitekitClient, OrgCallOptions } from '@invitekit/sdk';
import { isApiError } from '@invitekit/sdk/errors';
import type { ActionsController } from '../shared/actions.js';
import type { InvitationTableStrings } from './invitation-table.strings.js';

export type BulkKind = 'resend' | 'renew' | 'revoke';

/**
 * What the table lends a bulk action. Its helpers come through here too (not imported), so that this chunk shares
 * no module with the table's: a bundler would otherwise split each shared one into a file of its own, downloaded
 * up front.
 */
export interface BulkHost {
  /** The selected rows, in page order. */
  rows: Invitation[];
  words: InvitationTableStrings;
  lang: string;
  actions: ActionsController;
  api: () => InvitekitClient['invitations'];
  callOptions: (signal: AbortSignal) => OrgCallOptions;
  emitted: (
    name: 'invitekit-invitation-resent' | 'invitekit-invitation-renewed' | 'invitekit-invitation-revoked',
    invitation: Invitation,
  ) => void;
  /** The server said this address is a member now. */
  member: (email: string) => void;
  confirmRevoke: (count: number) => void;
  /** Why the server refused a row, in words (failure.ts `failureMessage` with `words.bulkReasons`). */
  why: (error: unknown) => string;
  /** Whether the error is an abort (failure.ts `isAbort`): the element left the page. */
  isAbort: (error: unknown) => boolean;
  clear: () => void;
  reload: () => void;
}

export function renderBulkBar(host: BulkHost) {
  const { words, lang } = host;
  const count = host.rows.length;
  if (count === 0) return nothing;
  const busy = host.actions.busy('*');
  const button = (label: string, kind: BulkKind) =>
    html`<button
      part="button"
      class=${kind === 'revoke' ? 'danger-outline' : ''}
      aria-disabled=${busy ? 'true' : nothing}
      aria-busy=${host.actions.busy('*', kind) ? 'true' : nothing}
      @click=${() => {
        if (busy) return;
        if (kind === 'revoke') host.confirmRevoke(count);
        else void runBulk(host, kind);
      }}
    >
      ${label}
    </button>`;
  return html`<div class="bulk" part="bulk" role="group" aria-label=${words.selectedCount(lang, count)}>
    <span class="bulk-count">${words.selectedCount(lang, count)}</span>
    ${button(words.resendSelected, 'resend')} ${button(words.renewSelected, 'renew')}
    ${button(words.revokeSelected, 'revoke')}
    <button part="button" class="link" @click=${host.clear}>${words.clearSelection}</button>
  </div>`;
}

const EVENTS = {
  resend: 'invitekit-invitation-resent',
  renew: 'invitekit-invitation-renewed',
  revoke: 'invitekit-invitation-revoked',
} as const;

/** One request per selected row, in page order; then one summary (said and shown above the table). */
export function runBulk(host: BulkHost, kind: BulkKind): Promise<void> {
  const { rows, words, lang } = host;
  return host.actions.run(
    '*',
    async (signal) => {
      const api = host.api();
      const options = host.callOptions(signal);
      const skipped: { email: string; reason: string }[] = [];
      let done = 0;
      for (const inv of rows) {
        try {
          const invitation = await api[kind](inv.id, options);
          host.emitted(EVENTS[kind], invitation);
          done += 1;
        } catch (error) {
          if (signal.aborted || host.isAbort(error)) throw error;
          if (isApiError(error, 'already_member')) host.member(inv.email);
          skipped.push({ email: inv.email, reason: host.why(error) });
        }
      }
      host.clear();
      host.reload();
      return words.bulkSummary(lang, kind, done, skipped);
    },
    { control: kind },
  );
}
