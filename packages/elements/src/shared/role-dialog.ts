/**
 * A small modal that asks for a role: "Change role" for a pending invitation (the table's row menu), and the role
 * of the invitation an approval sends (the requests list). A native `<dialog>`, so Escape cancels and focus returns
 * to the control that opened it; it opens on the Role combobox. `onChoose` runs only when the person confirmed,
 * with the role chosen (`null`: the organization's default role, when the host marked none as the default).
 */
import { html, nothing } from 'lit';
import { Modal, type ModalHost } from './modal.js';
import type { InviteRole } from './roles.js';

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

export class RoleDialog extends Modal<RoleQuestion> {
  constructor(host: ModalHost) {
    super(host, 'role-dialog', 'select');
  }

  ask(question: RoleQuestion): Promise<void> {
    return this.show(question);
  }

  protected override confirmed(question: RoleQuestion, dialog: HTMLDialogElement): void {
    const value = dialog.querySelector('select')?.value ?? '';
    question.onChoose(value === '' ? null : value);
  }

  render(roles: readonly InviteRole[], words: RoleDialogWords) {
    const q = this.question;
    // With a default role marked, that role stands for "no role of its own"; else a separate option does.
    const fallback = roles.find((r) => r.default);
    const selected = q?.current ?? fallback?.value ?? '';
    return this.frame(
      q?.title ?? '',
      q?.body ?? '',
      html`<form method="dialog">
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
      </form>`,
    );
  }
}
