import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Invitation } from '@invitekit/sdk';
import type { InvitationTableStrings } from './invitation-table.strings.js';

/** What a confirmation is about: one invitation, or every stale one. */
export type RevokeTarget =
  { kind: 'revoke'; invitation: Invitation } | { kind: 'stale' } | { kind: 'bulk'; count: number; lang: string };

interface Host extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The table's revoke confirmation: a modal alertdialog (native `<dialog>`, so Escape cancels and focus returns to
 * the button that opened it) that starts on Cancel, as a destructive question should. `onConfirm` runs only when
 * the person chose Revoke. A registered controller: when the table leaves the page, an open confirmation closes
 * as cancelled, so nothing is revoked and focus goes nowhere.
 */
export class RevokeConfirm implements ReactiveController {
  private target?: RevokeTarget;

  constructor(
    private readonly host: Host,
    private readonly onConfirm: (target: RevokeTarget) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.target = undefined;
    this.dialog?.close('cancel');
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
  }

  async open(target: RevokeTarget): Promise<void> {
    this.target = target;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open || !dialog.isConnected) return;
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('button.cancel')?.focus();
  }

  private onClose(): void {
    const target = this.target;
    const confirmed = this.dialog?.returnValue === 'confirm';
    this.target = undefined;
    this.host.requestUpdate();
    if (target && confirmed) this.onConfirm(target);
  }

  render(words: InvitationTableStrings) {
    const t = this.target;
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
    return html`<dialog
      class="confirm"
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @close=${() => {
        this.onClose();
      }}
    >
      <h2 id="confirm-title">${title}</h2>
      <p id="confirm-body">${body}</p>
      <div class="buttons">
        <button class="cancel" part="button" autofocus @click=${() => this.dialog?.close('cancel')}>
          ${words.cancel}
        </button>
        <button class="danger" part="button" @click=${() => this.dialog?.close('confirm')}>${words.revoke}</button>
      </div>
    </dialog>`;
  }
}
