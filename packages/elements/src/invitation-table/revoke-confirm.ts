import { html } from 'lit';
import type { Invitation } from '@invitekit/sdk';
import { Modal, type ModalHost } from '../shared/modal.js';
import type { InvitationTableStrings } from './invitation-table.strings.js';

/** What a confirmation is about: one invitation, or every stale one, or the selected rows. */
export type RevokeTarget =
  { kind: 'revoke'; invitation: Invitation } | { kind: 'stale' } | { kind: 'bulk'; count: number; lang: string };

/**
 * The table's revoke confirmation: a modal alertdialog (shared/modal.ts) that starts on Cancel, as a destructive
 * question should. `onConfirm` runs only when the person chose Revoke. Loaded the first time a revoke is asked.
 */
export class RevokeConfirm extends Modal<RevokeTarget> {
  constructor(
    host: ModalHost,
    private readonly onConfirm: (target: RevokeTarget) => void,
  ) {
    super(host, 'confirm', 'button.cancel');
  }

  open(target: RevokeTarget): Promise<void> {
    return this.show(target);
  }

  protected override confirmed(target: RevokeTarget): void {
    this.onConfirm(target);
  }

  render(words: InvitationTableStrings) {
    const t = this.question;
    const title =
      t?.kind === 'stale'
        ? words.confirmRevokeStaleTitle
        : t?.kind === 'bulk'
          ? words.confirmBulkRevokeTitle(t.lang, t.count)
          : words.confirmRevokeTitle;
    const body =
      t?.kind === 'revoke'
        ? words.confirmRevokeBody(t.invitation.email)
        : t?.kind === 'bulk'
          ? words.confirmBulkRevokeBody
          : t
            ? words.confirmRevokeStaleBody
            : '';
    const close = (value: string) => () => this.dialog?.close(value);
    return this.frame(
      title,
      body,
      html`<div class="buttons">
        <button class="cancel" part="button" autofocus @click=${close('cancel')}>${words.cancel}</button>
        <button class="danger" part="button" @click=${close('confirm')}>${words.revoke}</button>
      </div>`,
      true,
    );
  }
}
