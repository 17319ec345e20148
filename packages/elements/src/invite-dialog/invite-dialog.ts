import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { CreateInvitationsResult } from '@invitekit/sdk';
import { MAX_EMAILS_PER_INVITE } from '@invitekit/sdk/limits';
import { newIdempotencyKey } from '@invitekit/sdk/idempotency';
import { parseEmailList } from '@invitekit/sdk/parse-emails';
import { InvitekitElement } from '../shared/invitekit-element.js';
import { emit } from '../shared/events.js';
import { pickStrings } from '../shared/i18n.js';
import { failureMessage, isAbort } from '../shared/failure.js';
import { inviteDialogStrings, type InviteDialogStrings } from './invite-dialog.strings.js';
import { styles } from './invite-dialog.styles.js';
import { defaultRole, roleLabel, type InviteRole } from '../shared/roles.js';
import type { CsvReportStrings, CsvUpload } from './csv-report.js';

/** The CSV report module, loaded with the parser the first time someone chooses a file. */
type CsvReport = typeof import('./csv-report.js');

export type { InviteRole };

const PREVIEW_DELAY_MS = 350;

/** The element focused now, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Waits `ms`, or rejects at once when `signal` aborts (a newer keystroke replaced this preview). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    // The task aborts without a reason, so the signal's reason is the platform's AbortError (isAbort).
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

/**
 * A modal that invites people by email: typed or pasted addresses, or a CSV file; previews what will be sent
 * and skipped before anything goes out, then reports what was sent.
 *
 * @tagname invite-dialog
 * @summary The "Invite users" dialog (needs `member:manage`).
 *
 * @fires invitekit-invitations-sent - Invitations went out. `detail: { sent, skipped }`
 * @fires invitekit-error - A failure the dialog shows. `detail: { error }`
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart textarea - The "Email addresses" field.
 * @csspart button - Every button.
 * @csspart preview - The list of addresses with what will happen to each.
 * @csspart result - The summary shown after sending.
 * @csspart message - Validation, CSV and failure messages.
 * @csspart csv-rows - The rows of a chosen CSV file that will not be invited, each with its reason.
 *
 * @cssprop --invitekit-font - Font family (default: inherited from the page).
 * @cssprop --invitekit-radius - Corner radius.
 * @cssprop --invitekit-space - The spacing unit.
 * @cssprop --invitekit-density - Scales paddings.
 * @cssprop --invitekit-color-background - Dialog background.
 * @cssprop --invitekit-color-text - Text colour.
 * @cssprop --invitekit-color-muted - Hints.
 * @cssprop --invitekit-color-border - Borders.
 * @cssprop --invitekit-color-accent - The send button.
 * @cssprop --invitekit-color-danger - Errors.
 * @cssprop --invitekit-color-success - The sent summary.
 * @cssprop --invitekit-color-focus - The focus ring.
 */
export class InviteDialog extends InvitekitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    roles: { attribute: false },
    strings: { attribute: false },
    text: { state: true },
    chosenRole: { state: true },
    touched: { state: true },
    sending: { state: true },
    sendError: { state: true },
    csvError: { state: true },
    csv: { state: true },
    result: { state: true },
  };

  /** Whether the dialog is open; set it, or call `show()` / `close()`. */
  open = false;

  /** Roles to choose from (`[{ value, label }]`); the first is preselected. No role select when empty. */
  roles: InviteRole[] = [];

  /** Replaces any of the dialog's strings (see `InviteDialogStrings`, and `CsvReportStrings` for the CSV report). */
  strings?: Partial<InviteDialogStrings & CsvReportStrings>;

  private text = '';
  private chosenRole = '';
  private touched = false;
  private sending = false;
  private sendError = '';
  /** A file refused or unreadable; cleared by the next file. */
  private csvError = '';
  /** The chosen file, read: its rows are accounted for against the preview until the form is reset. */
  private csv?: { module: CsvReport; upload: CsvUpload };
  private result?: CreateInvitationsResult;

  /** Null until the first render. */
  private get dialog(): HTMLDialogElement | null | undefined {
    return (this.renderRoot as ParentNode | undefined)?.querySelector<HTMLDialogElement>('dialog');
  }
  private get textarea(): HTMLTextAreaElement | null | undefined {
    return (this.renderRoot as ParentNode | undefined)?.querySelector<HTMLTextAreaElement>('textarea');
  }
  private get fileInput(): HTMLInputElement | null | undefined {
    return (this.renderRoot as ParentNode | undefined)?.querySelector<HTMLInputElement>('input[type="file"]');
  }

  private opener: HTMLElement | null = null;
  private fromCsv = false;
  /** One key per logical send: a retry after a failure reuses it, any change of the list drops it. */
  private sendKey?: string;

  private readonly preview = new Task(this, {
    task: async ([client, , addresses, role], { signal }) => {
      if (!client || addresses.length === 0 || addresses.length > MAX_EMAILS_PER_INVITE) return null;
      await pause(PREVIEW_DELAY_MS, signal);
      const body = { emails: addresses, dryRun: true, ...(role ? { role } : {}) };
      return client.invitations.create(body, this.callOptions(signal));
    },
    args: () => [this.client, this.organization, this.addresses, this.selectedRole] as const,
    // The same text gives the same array (parsed once per edit); a different text with the same addresses (a space
    // added) must not send a second dry run.
    argsEqual: ([a, b, c, d], [e, f, g, h]) =>
      a === e && b === f && d === h && (c === g || c.join('\n') === g.join('\n')),
  });

  private get words(): InviteDialogStrings {
    return pickStrings(inviteDialogStrings, this.locale.lang, this.strings);
  }

  /** The text `addresses` was parsed from: the list is parsed once per edit, not once per read. */
  private parsedText?: string;
  private parsed: string[] = [];

  /** What will be sent: usable addresses first-seen order, then the tokens that are not (the server names them). */
  private get addresses(): string[] {
    if (this.parsedText !== this.text) {
      const { emails, invalid } = parseEmailList(this.text);
      this.parsed = [...emails, ...invalid];
      this.parsedText = this.text;
    }
    return this.parsed;
  }

  private get selectedRole(): string {
    return this.roles.some((r) => r.value === this.chosenRole) ? this.chosenRole : (this.roles[0]?.value ?? '');
  }

  /** Opens the dialog as a modal; focus returns to whatever had it when the dialog closes. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog. */
  close(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Opening again after a send starts a fresh form; done here, before rendering, it costs no second update.
    if (changed.has('open') && this.open && this.result) this.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!changed.has('open') || !dialog) return;
    if (this.open && !dialog.open) {
      this.opener = deepActiveElement();
      dialog.showModal();
      void this.updateComplete.then(() => this.textarea?.focus());
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  protected override render() {
    const words = this.words;
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @close=${() => {
        this.onClose();
      }}
    >
      <h2 id="title">${words.title}</h2>
      ${this.result ? this.renderResult(words, this.result) : this.renderForm(words)}
    </dialog>`;
  }

  private renderForm(words: InviteDialogStrings) {
    const lang = this.locale.lang;
    const count = this.addresses.length;
    const problem =
      count > MAX_EMAILS_PER_INVITE
        ? words.tooMany(lang, count, MAX_EMAILS_PER_INVITE)
        : this.touched && count === 0
          ? words.noEmails
          : '';
    const csvReport = this.csvReport(
      words,
      problem === '' && this.preview.status === TaskStatus.COMPLETE ? this.preview.value : undefined,
    );
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.onSubmit(e)}>
      <label for="emails">${words.emailsLabel}</label>
      <p id="hint" class="muted hint">${words.emailsHint}</p>
      <textarea
        id="emails"
        part="textarea"
        rows="5"
        autofocus
        spellcheck="false"
        aria-describedby="hint problem"
        aria-invalid=${problem ? 'true' : 'false'}
        .value=${this.text}
        @input=${(e: Event) => {
          this.onInput(e);
        }}
      ></textarea>
      <p id="problem" class="error" part="message" role="alert">${problem}</p>
      <div class="row">
        <button type="button" part="button" @click=${() => this.fileInput?.click()}>${words.uploadCsv}</button>
        <input type="file" accept=".csv,text/csv" hidden tabindex="-1" @change=${(e: Event) => this.onFile(e)} />
        <p class="csv ${this.csvError ? 'error' : 'muted'}" part="message" role="status">
          ${this.csvError || csvReport?.summary || ''}
        </p>
      </div>
      ${csvReport?.details ?? nothing}
      ${
        this.roles.length
          ? html`<label class="role"
              >${words.roleLabel}
              <select
                @change=${(e: Event) => {
                  this.onRole(e);
                }}
              >
                ${this.roles.map((r) => html`<option value=${r.value} ?selected=${r.value === this.selectedRole}>${r.label}</option>`)}
              </select></label
            >`
          : nothing
      }
      ${problem ? nothing : this.renderPreview(words)}
      <p class="error" part="message" role="alert">${this.sendError}</p>
      <div class="buttons">
        <button
          type="button"
          part="button"
          @click=${() => {
            this.close();
          }}
        >
          ${words.close}
        </button>
        <button type="submit" class="primary" part="button" ?disabled=${this.sending}>
          ${this.sending ? words.sending : words.send}
        </button>
      </div>
    </form>`;
  }

  private renderPreview(words: InviteDialogStrings) {
    const addresses = this.addresses;
    if (addresses.length === 0) return nothing;
    const lang = this.locale.lang;
    const result = this.preview.status === TaskStatus.COMPLETE ? this.preview.value : undefined;
    const items = result ? this.outcomes(addresses, result) : [];
    const summary = result
      ? words.previewSummary(lang, result.sent.length, result.skipped.length)
      : this.preview.status === TaskStatus.ERROR && !isAbort(this.preview.error)
        ? failureMessage(words.previewFailures, this.preview.error)
        : words.previewChecking;
    return html`<section class="preview" part="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">${words.previewHeading}</h3>
      <p class="muted" role="status">${summary}</p>
      <ul>
        ${items.map(
          ({ email, reason }) =>
            html`<li class=${reason ? 'skip' : 'send'}>
              <span class="address">${email}</span>
              <span class=${reason ? 'warning' : 'success'}>${reason ? words.reasons[reason] : words.willSend}</span>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderResult(words: InviteDialogStrings, result: CreateInvitationsResult) {
    const lang = this.locale.lang;
    // From a file, its rows say what became of each of them; the list below keeps the refusals no row shows.
    const fromFile = this.csvReport(words, result, true);
    const skipped = fromFile?.others ?? result.skipped;
    return html`<div class="result" part="result">
      <p class="sent success" tabindex="-1" role="status">${words.sent(lang, result.sent.length)}</p>
      ${
        result.sent.length
          ? html`<ul class="sent-list" part="sent-list">
              ${result.sent.map(
                (inv) =>
                  html`<li class="address">
                    ${words.sentTo(inv.email, inv.role ? roleLabel(this.roles, inv.role) : this.defaultRoleName(words))}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        fromFile
          ? html`<p class="csv">${fromFile.summary}</p>
              ${fromFile.details}`
          : nothing
      }
      ${
        skipped.length
          ? html`<p>${words.skippedHeading(lang, skipped.length)}</p>
              <ul>
                ${skipped.map(
                  (skip) =>
                    html`<li>
                      <span class="address">${skip.email}</span>
                      <span class="warning">${words.reasons[skip.reason]}</span>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <div class="buttons">
        <button
          type="button"
          part="button"
          @click=${() => {
            this.reset();
          }}
        >
          ${words.inviteMore}
        </button>
        <button
          type="button"
          class="primary"
          part="button"
          @click=${() => {
            this.close();
          }}
        >
          ${words.close}
        </button>
      </div>
    </div>`;
  }

  /** The chosen file's rows, accounted for against the server's answer for the list as it is now (preview or send). */
  private csvReport(words: InviteDialogStrings, answer: CreateInvitationsResult | null | undefined, sent?: boolean) {
    if (!this.csv) return undefined;
    return this.csv.module.report(
      {
        upload: this.csv.upload,
        addresses: this.addresses,
        answer: answer ?? undefined,
        sent,
        lang: this.locale.lang,
        reasons: words.reasons,
        overrides: this.strings,
      },
      { html, nothing },
    );
  }

  /** The organization's default role by the host's name for it, else "the default role". */
  private defaultRoleName(words: InviteDialogStrings): string {
    return defaultRole(this.roles)?.label ?? words.defaultRole;
  }

  /** Each address in the order typed, with its skip reason where it has one. */
  private outcomes(addresses: string[], result: CreateInvitationsResult) {
    const skipped = [...result.skipped];
    return addresses.map((email) => {
      const at = skipped.findIndex((skip) => skip.email === email.trim());
      const reason = at >= 0 ? skipped.splice(at, 1)[0]?.reason : undefined;
      return { email, reason };
    });
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLTextAreaElement).value;
    this.sendKey = undefined;
    this.sendError = '';
  }

  private onRole(e: Event): void {
    this.chosenRole = (e.target as HTMLSelectElement).value;
    this.sendKey = undefined;
  }

  private async onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again after editing it
    if (!file) return;
    // Cleared while this file loads, so that the same failure twice in a row is announced twice.
    this.csvError = '';
    const lang = this.locale.lang;
    let module: CsvReport;
    try {
      // Imported again on each file, not kept: after a failed download (offline), choosing the file retries it.
      module = await import('./csv-report.js');
      await module.ready(lang);
    } catch (error) {
      this.csvError = this.words.csvReaderFailed;
      this.reportError(error);
      return;
    }
    try {
      const { text, upload } = await module.readCsv(file, this.text);
      this.text = text;
      this.csv = { module, upload };
      this.csvError = '';
      this.fromCsv = true;
      this.sendKey = undefined;
    } catch (error) {
      this.csvError = module.refusal(error, lang, this.strings);
      this.reportError(error);
    }
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    // Checked synchronously, before any await: a double click must not start a second send.
    if (this.sending || !this.client) return;
    const emails = this.addresses;
    this.touched = true;
    if (emails.length === 0 || emails.length > MAX_EMAILS_PER_INVITE) {
      this.textarea?.focus();
      return;
    }
    this.sending = true;
    this.sendError = '';
    this.sendKey ??= newIdempotencyKey();
    const role = this.selectedRole;
    try {
      const result = await this.client.invitations.create(
        { emails, source: this.fromCsv ? 'bulk' : 'manual', ...(role ? { role } : {}) },
        { ...this.callOptions(), idempotencyKey: this.sendKey },
      );
      this.sendKey = undefined;
      this.result = result;
      emit(this, 'invitekit-invitations-sent', result);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.sent')?.focus();
    } catch (error) {
      this.reportError(error);
      this.sendError = failureMessage(this.words.failures, error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    } finally {
      this.sending = false;
    }
  }

  private reset(): void {
    this.text = '';
    this.touched = false;
    this.sendError = '';
    this.csvError = '';
    this.csv = undefined;
    this.result = undefined;
    this.fromCsv = false;
    this.sendKey = undefined;
    if (this.dialog?.open) void this.updateComplete.then(() => this.textarea?.focus());
  }

  private onClose(): void {
    this.open = false;
    const opener = this.opener;
    this.opener = null;
    // Chrome restores focus itself for a top-level opener but not for one inside a shadow root.
    if (opener?.isConnected) opener.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-dialog': InviteDialog;
  }
}
