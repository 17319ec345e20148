/**
 * A small modal that asks for a role: "Change role" for a pending invitation (the table's row menu), and the role
 * of the invitation an approval sends (the requests list). A native `<dialog>`, so Escape cancels and focus returns
 * to the control that opened it; it opens on the Role combobox. `onChoose` runs only when the person confirmed,
 * with the role chosen (`null`: the organization's default role, when the host marked none as the default).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { InviteRole } from './roles.js';

interface Host extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the dialog asks, and what it does with the answer. */
export interface RoleQuestion {
  title: string;
  /** One sentence under the title (whose invitation, what happens). */
  body: string;
  confirm: string;
  /** The role selected when it opens; `null`: the default role. */
  current: string | null;
  onChoose: (role: string | null) => void;
}

export interface RoleDialogWords {
  roleLabel: string;
  cancel: string;
  /** The option for "no role of its own" when the host marked no role as the default. */
  defaultRole: string;
}

export class RoleDialog implements ReactiveController {
  private question?: RoleQuestion;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.question = undefined;
    this.dialog?.close('cancel');
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.role-dialog');
  }

  async ask(question: RoleQuestion): Promise<void> {
    this.question = question;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open || !dialog.isConnected) return;
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector('select')?.focus();
  }

  private onClose(): void {
    const question = this.question;
    const dialog = this.dialog;
    const confirmed = dialog?.returnValue === 'confirm';
    const value = dialog?.querySelector('select')?.value ?? '';
    this.question = undefined;
    this.host.requestUpdate();
    if (question && confirmed) question.onChoose(value === '' ? null : value);
  }

  render(roles: readonly InviteRole[], words: RoleDialogWords) {
    const q = this.question;
    // With a default role marked, that role stands for "no role of its own"; else a separate option does.
    const fallback = roles.find((r) => r.default);
    const selected = q?.current ?? fallback?.value ?? '';
    return html`<dialog
      class="role-dialog"
      part="role-dialog"
      aria-labelledby="role-title"
      aria-describedby="role-body"
      @close=${() => {
        this.onClose();
      }}
    >
      <h2 id="role-title">${q?.title ?? ''}</h2>
      <p id="role-body">${q?.body ?? ''}</p>
      <form method="dialog">
        <label class="field"
          >${words.roleLabel}
          <select part="role-select">
            ${fallback ? nothing : html`<option value="" ?selected=${selected === ''}>${words.defaultRole}</option>`}
            ${roles.map((r) => html`<option value=${r.value} ?selected=${r.value === selected}>${r.label}</option>`)}
          </select>
        </label>
        <div class="buttons">
          <button type="submit" value="cancel" part="button">${words.cancel}</button>
          <button type="submit" value="confirm" class="primary" part="button">${q?.confirm ?? ''}</button>
        </div>
      </form>
    </dialog>`;
  }
}
