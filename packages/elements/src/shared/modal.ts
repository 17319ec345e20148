import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface ModalHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The frame of the elements' small modal questions: the table's revoke confirmation and the role dialog. A native
 * `<dialog>` shown modal, so Escape cancels and focus returns to the control that opened it. A registered
 * controller: when its element leaves the page, an open question closes as cancelled, so nothing is done and focus
 * goes nowhere. Loaded with the first question asked (its subclasses are in lazy chunks).
 */
export abstract class Modal<Q> implements ReactiveController {
  /** What is asked now; undefined while closed. */
  protected question?: Q;

  /** `name`: the dialog's class, part and id prefix; `start`: the selector of what has focus when it opens. */
  constructor(
    protected readonly host: ModalHost,
    private readonly name: string,
    private readonly start: string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.question = undefined;
    this.dialog?.close('cancel');
  }

  protected get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(`dialog.${this.name}`);
  }

  /** Draws the dialog for `question` and opens it. */
  protected async show(question: Q): Promise<void> {
    this.question = question;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open || !dialog.isConnected) return;
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector<HTMLElement>(this.start)?.focus();
  }

  /** Runs when the person confirmed (the dialog closed with `confirm`), with the dialog as it was. */
  protected abstract confirmed(question: Q, dialog: HTMLDialogElement): void;

  private onClose(): void {
    const question = this.question;
    const dialog = this.dialog;
    this.question = undefined;
    this.host.requestUpdate();
    if (question && dialog?.returnValue === 'confirm') this.confirmed(question, dialog);
  }

  /** The dialog: its title and one sentence, then `content` (the controls and buttons). */
  protected frame(title: string, body: string, content: TemplateResult, alert = false): TemplateResult {
    const { name } = this;
    return html`<dialog
      class=${name}
      part=${name}
      role=${alert ? 'alertdialog' : nothing}
      aria-labelledby=${`${name}-title`}
      aria-describedby=${`${name}-body`}
      @close=${() => {
        this.onClose();
      }}
    >
      <h2 id=${`${name}-title`}>${title}</h2>
      <p id=${`${name}-body`}>${body}</p>
      ${content}
    </dialog>`;
  }
}
