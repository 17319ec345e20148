import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, initialState } from '@lit/task';
import { isApiError } from '@invitekit/sdk/errors';
import { PublicElement } from '../shared/public-element.js';
import { emit } from '../shared/events.js';
import { formatRelative, pickStrings } from '../shared/i18n.js';
import { requestInviteFormStrings, type RequestInviteFormStrings } from './request-invite-form.strings.js';
import { styles } from './request-invite-form.styles.js';

/** What the form shows once the organization's `access` is known. */
type Phase = 'form' | 'confirmation' | 'closed';

/**
 * A login page's "ask for an invitation" form. It reads the organization's `access` first and shows that
 * requests are closed where they are off. After any accepted submission it says the same thing, whoever asked,
 * so it never tells a visitor who is a member.
 *
 * The client comes from an enclosing `<invitekit-provider>` or the `client` property; no credentials are needed.
 *
 * @tagname request-invite-form
 * @summary Lets a visitor ask an organization for an invitation.
 * @fires invitekit-request-submitted - `{ email }`: the server accepted a request (never fired for a bot caught by the honeypot).
 * @fires invitekit-error - `{ error }`: a failure the form shows (loading, or a refused or failed submission).
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart form - The `<form>`.
 * @csspart field - Each label and its control.
 * @csspart input - The email and name inputs and the message textarea.
 * @csspart submit - The "Request invitation" button.
 * @csspart status - The confirmation, closed, loading and error messages.
 * @cssprop --invitekit-font - Font family (inherits the page's by default).
 * @cssprop --invitekit-radius - Corner radius.
 * @cssprop --invitekit-space - Base spacing unit.
 * @cssprop --invitekit-density - Scales paddings (0.75 compact, 1 normal, 1.25 comfortable).
 * @cssprop --invitekit-color-background - Card and field background.
 * @cssprop --invitekit-color-text - Text colour.
 * @cssprop --invitekit-color-muted - Secondary text.
 * @cssprop --invitekit-color-border - Borders.
 * @cssprop --invitekit-color-accent - The submit button.
 * @cssprop --invitekit-color-on-accent - Text on the submit button.
 * @cssprop --invitekit-color-danger - Error messages and invalid fields.
 * @cssprop --invitekit-color-success - The confirmation.
 * @cssprop --invitekit-color-focus - The focus ring.
 * @cssprop --invitekit-form-width - Maximum width of the card (default 28rem).
 */
export class RequestInviteForm extends PublicElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    strings: { attribute: false },
    phase: { state: true },
    submitting: { state: true },
    formError: { state: true },
    serverEmailError: { state: true },
    emailTouched: { state: true },
  };

  /** Replaces any of the built-in strings (for any language). */
  strings?: Partial<RequestInviteFormStrings>;

  private phase: Phase = 'form';
  private submitting = false;
  /** A message about the last submission that is not tied to one field (rate limit, network). */
  private formError?: string;
  /** A message the server gave for the email field (`invalid_email`), until the address changes. */
  private serverEmailError?: string;
  /** Whether the email field was left or submitted once: only then may it be marked invalid. */
  private emailTouched = false;

  private get form(): HTMLFormElement | null | undefined {
    return (this.renderRoot as ParentNode | undefined)?.querySelector<HTMLFormElement>('form');
  }

  /** Loads `access` whenever the client or organization changes; the signal drops stale answers. */
  private readonly access = new Task(this, {
    args: () => [this.api, this.organization] as const,
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      try {
        const access = await client.access.get(this.callOptions(signal));
        this.phase = access.invitationRequestsEnabled ? 'form' : 'closed';
        return access;
      } catch (error) {
        if (!signal.aborted) this.reportError(error);
        throw error;
      }
    },
  });

  private get words(): RequestInviteFormStrings {
    return pickStrings(requestInviteFormStrings, this.locale.lang, this.strings);
  }

  protected override render(): TemplateResult {
    const words = this.words;
    return html`<div part="base">
      ${this.access.render({
        initial: () => this.renderStatus(words.loading),
        pending: () => this.renderStatus(words.loading),
        error: (error) =>
          html`<div part="status" class="message error" role="alert">
            <p>${isApiError(error, 'not_found') ? words.unknownOrganization : words.loadError}</p>
            ${
              isApiError(error, 'not_found')
                ? nothing
                : html`<button type="button" @click=${() => this.access.run()}>${words.retry}</button>`
            }
          </div>`,
        complete: (access) =>
          html`<h2 part="heading">${words.heading(access.organization.name)}</h2>
            ${
              this.phase === 'closed'
                ? html`<div part="status" class="message" role="status">
                    <p><strong>${words.closedHeading}</strong></p>
                    <p>${words.closed(access.organization.name)}</p>
                  </div>`
                : this.phase === 'confirmation'
                  ? html`<div part="status" class="message success" role="status" tabindex="-1" id="confirmation">
                      <p><strong>${words.confirmationHeading}</strong></p>
                      <p>${words.confirmation}</p>
                    </div>`
                  : this.renderForm(words)
            }`,
      })}
    </div>`;
  }

  private renderStatus(text: string): TemplateResult {
    return html`<p part="status" class="muted" role="status">${text}</p>`;
  }

  private renderForm(words: RequestInviteFormStrings): TemplateResult {
    const emailError = this.emailError(words);
    return html`<p class="muted intro">${words.intro}</p>
      <form part="form" novalidate @submit=${this.onSubmit} @focusout=${this.onFocusOut} @input=${this.onInput}>
        <div part="field" class="field">
          <label for="email">${words.email}</label>
          <input
            part="input"
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            required
            maxlength="254"
            aria-invalid=${emailError ? 'true' : nothing}
            aria-describedby=${emailError ? 'email-error' : nothing}
          />
          ${emailError ? html`<p id="email-error" class="field-error error">${emailError}</p>` : nothing}
        </div>
        <div part="field" class="field">
          <span
            ><label for="name">${words.name}</label>
            <span class="muted" id="name-optional">${words.optional}</span></span
          >
          <input
            part="input"
            id="name"
            name="name"
            autocomplete="name"
            maxlength="200"
            aria-describedby="name-optional"
          />
        </div>
        <div part="field" class="field">
          <span
            ><label for="message">${words.message}</label>
            <span class="muted" id="message-optional">${words.optional}</span></span
          >
          <textarea
            part="input"
            id="message"
            name="message"
            maxlength="2000"
            rows="3"
            aria-describedby="message-optional"
          ></textarea>
        </div>
        <div class="visually-hidden" aria-hidden="true">
          <label for="website">${words.honeypot}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        <button part="submit" class="primary" type="submit" ?disabled=${this.submitting}>
          ${this.submitting ? words.submitting : words.submit}
        </button>
      </form>`;
  }

  /** The email field's message: the server's answer, else the browser's constraint check once touched. */
  private emailError(words: RequestInviteFormStrings): string | undefined {
    if (this.serverEmailError) return this.serverEmailError;
    if (!this.emailTouched) return undefined;
    const input = this.field('email');
    if (!input) return undefined;
    if (input.validity.valueMissing || input.value.trim() === '') return words.emailMissing;
    return input.validity.valid ? undefined : words.emailInvalid;
  }

  private field(name: string): HTMLInputElement | undefined {
    return (this.form?.elements.namedItem(name) as HTMLInputElement | null) ?? undefined;
  }

  /** A control the rendered form always has; a missing one means the template and this code disagree. */
  private requiredField(name: string): HTMLInputElement {
    const found = this.field(name);
    if (!found) throw new Error(`request-invite-form: the form has no "${name}" field`);
    return found;
  }

  // Handlers are arrow-function properties so that Lit's `@event=${...}` bindings keep `this` bound.
  private readonly onFocusOut = (event: FocusEvent): void => {
    if ((event.target as HTMLInputElement).name === 'email') this.emailTouched = true;
  };

  private readonly onInput = (event: InputEvent): void => {
    if ((event.target as HTMLInputElement).name === 'email') this.serverEmailError = undefined;
    // Re-checks the touched field as the person types, so its message clears as soon as it is fixed.
    this.requestUpdate();
  };

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.api;
    if (this.submitting || !client) return;
    const words = this.words;
    this.emailTouched = true;
    this.formError = undefined;
    const email = this.requiredField('email');
    // A person never sees the honeypot; whatever fills it gets the usual answer and nothing is sent.
    if (this.field('website')?.value) {
      // Fire-and-forget: the confirmation is shown at once; the promise only moves focus after the next render.
      void this.showConfirmation();
      return;
    }
    if (!email.checkValidity() || email.value.trim() === '') {
      await this.updateComplete;
      email.focus();
      return;
    }
    const name = this.requiredField('name').value.trim();
    const message = this.requiredField('message').value.trim();
    const body = { email: email.value.trim(), ...(name ? { name } : {}), ...(message ? { message } : {}) };
    this.submitting = true;
    try {
      await client.requests.submit(body, this.callOptions());
      // Fire-and-forget, so the event goes out right away; the promise only moves focus after the next render.
      void this.showConfirmation();
      emit(this, 'invitekit-request-submitted', { email: body.email });
    } catch (error) {
      this.reportError(error);
      if (isApiError(error, 'requests_disabled')) {
        this.phase = 'closed';
      } else if (isApiError(error, 'invalid_email')) {
        this.serverEmailError = words.emailInvalid;
        await this.updateComplete;
        email.focus();
      } else if (isApiError(error, 'rate_limited')) {
        const wait = new Date(Date.now() + (error.retryAfter ?? 3600) * 1000).toISOString();
        this.formError = words.rateLimited(formatRelative(this.locale.lang, wait));
      } else {
        this.formError = words.submitError;
      }
    } finally {
      this.submitting = false;
    }
  };

  private async showConfirmation(): Promise<void> {
    this.phase = 'confirmation';
    await this.updateComplete;
    // The form that had focus is gone: move focus to the answer so that it is read out.
    this.renderRoot.querySelector<HTMLElement>('#confirmation')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'request-invite-form': RequestInviteForm;
  }
}
