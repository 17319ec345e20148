import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { isApiError } from '@invitekit/sdk/errors';
import type { InvitationRequest, Page, Settings } from '@invitekit/sdk';
import { InvitekitElement, pageLimit } from '../shared/base.js';
import { ActionsController } from '../shared/actions.js';
import { emit } from '../shared/events.js';
import { pickStrings } from '../shared/i18n.js';
import { failureMessage, isAbort } from '../shared/failure.js';
import { invitationRequestsStrings, type InvitationRequestsStrings } from './invitation-requests.strings.js';
import { styles } from './invitation-requests.styles.js';

/**
 * Pending invitation requests from the login page, for admins to approve or dismiss, with the organization's
 * "New user invitations" setting that turns the login page's form on and off.
 *
 * @tagname invitation-requests
 * @summary Approves and dismisses invitation requests (needs `member:manage`).
 *
 * @fires invitekit-request-approved - A request was approved and its invitation sent. `detail: { request, invitation }`
 * @fires invitekit-request-dismiss-request - Cancelable, before a dismiss is sent; `preventDefault()` vetoes it. `detail: { request }`
 * @fires invitekit-request-dismissed - A request was dismissed. `detail: { request }`
 * @fires invitekit-error - A failure the element shows. `detail: { error }`
 *
 * @csspart header - The heading, the switch and the toolbar.
 * @csspart heading - The "Invitation requests" heading.
 * @csspart switch - The "New user invitations" switch.
 * @csspart button - Toolbar and state buttons.
 * @csspart list - The list of requests.
 * @csspart request - Each request.
 * @csspart badge - The "Already a member" badge.
 * @csspart action - The Approve and Dismiss buttons.
 * @csspart announcer - The polite live region reporting each action.
 * @csspart state - Loading, empty, error and permission messages.
 *
 * @cssprop --invitekit-font - Font family (default: inherited from the page).
 * @cssprop --invitekit-radius - Corner radius.
 * @cssprop --invitekit-space - The spacing unit.
 * @cssprop --invitekit-density - Scales paddings.
 * @cssprop --invitekit-color-background - Background.
 * @cssprop --invitekit-color-surface - Row and switch track background.
 * @cssprop --invitekit-color-text - Text colour.
 * @cssprop --invitekit-color-muted - Secondary text.
 * @cssprop --invitekit-color-border - Borders.
 * @cssprop --invitekit-color-accent - Approve button and the switch when on.
 * @cssprop --invitekit-color-danger - Errors.
 * @cssprop --invitekit-color-warning - The stale badge.
 * @cssprop --invitekit-color-focus - The focus ring.
 */
export class InvitationRequests extends InvitekitElement {
  static override styles = styles;

  /** Requests loaded at a time; "Show more" loads the next batch (1 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Replaces any of the element's strings (see `InvitationRequestsStrings`). */
  @property({ attribute: false }) strings?: Partial<InvitationRequestsStrings>;

  /** Requests loaded by "Show more", after the first page. */
  @state() private more: InvitationRequest[] = [];
  @state() private nextCursor: string | null = null;
  @state() private savingSetting = false;
  /** The settings as the last update answered; newer than the task's value until it runs again. */
  @state() private savedSettings?: Settings;

  private readonly actions = new ActionsController(this, {
    describeFailure: (error) => failureMessage(this.s.failures, error),
    onFailure: (error) => {
      this.reportError(error);
      if (isApiError(error, 'not_pending')) this.reload();
    },
  });
  private focusIndexAfterLoad?: number;
  /** The "Show more" load under way; a new first page makes its answer stale, so each load aborts it. */
  private moreLoad?: AbortController;

  private readonly requests = new Task(this, {
    task: async ([client, , limit], { signal }): Promise<Page<InvitationRequest> | null> => {
      this.moreLoad?.abort();
      if (!client) return null;
      return client.requests.list({ limit: pageLimit(limit) }, this.callOptions(signal));
    },
    args: () => [this.client, this.organization, this.pageSize] as const,
    onComplete: (page) => this.afterLoad(page),
    onError: (error) => {
      if (!isAbort(error)) this.reportError(error);
    },
  });

  private readonly settings = new Task(this, {
    task: async ([client], { signal }): Promise<Settings | null> =>
      client ? client.settings.get(this.callOptions(signal)) : null,
    args: () => [this.client, this.organization] as const,
    onComplete: () => {
      this.savedSettings = undefined;
    },
    // A failed list says so for both (its "Try again" reloads both); alone, the switch says so beside it.
    onError: (error) => {
      if (!isAbort(error)) this.reportError(error);
    },
  });

  private get s(): InvitationRequestsStrings {
    return pickStrings(invitationRequestsStrings, this.locale.lang, this.strings);
  }

  /** Loads the requests and the setting again. */
  reload(): void {
    void this.requests.run();
    void this.settings.run();
  }

  protected override render() {
    const s = this.s;
    if (!this.client) return html`<p class="state" part="state">${s.noClient}</p>`;
    const error = this.requests.status === TaskStatus.ERROR ? this.requests.error : undefined;
    if (isApiError(error, 'unauthenticated')) return html`<p class="state" part="state">${s.unauthenticated}</p>`;
    if (isApiError(error, 'forbidden')) return html`<p class="state" part="state">${s.forbidden}</p>`;
    if (isApiError(error, 'not_found')) return html`<p class="state" part="state">${s.notFound}</p>`;
    return html`
      <div class="header" part="header">
        <h2 id="heading" part="heading" tabindex="-1">${s.heading}</h2>
        ${this.renderSwitch(s)}
        <button part="button" @click=${this.dismissStale}>${s.dismissStale}</button>
      </div>
      ${this.renderBody(s, error)}
      <p class="announcer" role="status" part="announcer">${this.actions.message}</p>
    `;
  }

  private renderSwitch(s: InvitationRequestsStrings) {
    const settings = this.savedSettings ?? this.settings.value;
    const on = settings?.invitationRequestsEnabled ?? false;
    return html`<div class="setting">
      <button
        type="button"
        role="switch"
        part="switch"
        aria-checked=${on ? 'true' : 'false'}
        aria-labelledby="switch-label"
        aria-describedby="switch-hint"
        ?disabled=${!settings}
        @click=${this.toggleSetting}
      >
        <span class="track" aria-hidden="true"><span class="thumb"></span></span>
        <span id="switch-label">${s.switchLabel}</span>
        <span class="muted" aria-hidden="true">${settings ? (on ? s.switchOn : s.switchOff) : ''}</span>
      </button>
      <p id="switch-hint" class="muted hint">${s.switchHint}</p>
      ${
        !settings && this.settings.status === TaskStatus.ERROR && this.requests.status !== TaskStatus.ERROR
          ? html`<p class="error" role="alert">
              ${s.settingError} <button part="button" @click=${() => this.settings.run()}>${s.tryAgain}</button>
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderBody(s: InvitationRequestsStrings, error: unknown) {
    if (error !== undefined) {
      return html`<div class="state" role="alert" part="state">
        <p>${s.loadError} ${failureMessage(s.failures, error)}</p>
        <button part="button" @click=${() => this.reload()}>${s.tryAgain}</button>
      </div>`;
    }
    const page = this.requests.value;
    if (!page) return html`<p class="state" part="state">${s.loading}</p>`;
    const items = [...page.items, ...this.more];
    if (items.length === 0) return html`<p class="state" part="state">${s.empty}</p>`;
    const lang = this.locale.lang;
    return html`
      <ul
        part="list"
        aria-labelledby="heading"
        aria-busy=${this.requests.status === TaskStatus.PENDING ? 'true' : 'false'}
      >
        ${repeat(
          items,
          (r) => r.id,
          (r) => this.renderRequest(s, r),
        )}
      </ul>
      <div class="footer">
        <span class="muted">${s.count(lang, items.length, page.total)}</span>
        ${this.nextCursor ? html`<button part="button" @click=${this.showMore}>${s.showMore}</button>` : nothing}
      </div>
    `;
  }

  private renderRequest(s: InvitationRequestsStrings, r: InvitationRequest) {
    return html`<li part="request" data-id=${r.id}>
      <div class="who">
        <span class="email">${r.email}</span>
        ${r.stale ? html`<span class="badge stale" part="badge">${s.stale}</span>` : nothing}
        <span class="name ${r.name ? '' : 'muted'}">${r.name ?? s.noName}</span>
        ${r.message ? html`<blockquote class="quote">${r.message}</blockquote>` : nothing}
        <span class="muted when">${s.requested(this.locale.lang, r.requestedAt)}</span>
      </div>
      <div class="actions">
        <button
          class="primary"
          part="action"
          aria-label=${s.approveFrom(r.email)}
          ?disabled=${r.stale}
          @click=${() => this.approve(r)}
        >
          ${s.approve}
        </button>
        <button part="action" aria-label=${s.dismissFrom(r.email)} @click=${() => this.dismiss(r)}>${s.dismiss}</button>
      </div>
    </li>`;
  }

  private afterLoad(page: Page<InvitationRequest> | null): void {
    this.more = [];
    this.nextCursor = page?.nextCursor ?? null;
    const index = this.focusIndexAfterLoad;
    if (index === undefined) return;
    this.focusIndexAfterLoad = undefined;
    void this.updateComplete.then(() => {
      const rows = Array.from(this.renderRoot.querySelectorAll('li[part="request"]'));
      const row = rows[Math.min(index, rows.length - 1)];
      const target =
        row?.querySelector<HTMLElement>('button:not([disabled])') ??
        this.renderRoot.querySelector<HTMLElement>('#heading');
      target?.focus();
    });
  }

  private showMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor) return Promise.resolve();
    return this.actions.run('*more', async () => {
      const load = (this.moreLoad = new AbortController());
      try {
        const page = await this.client!.requests.list(
          { limit: pageLimit(this.pageSize), cursor },
          this.callOptions(load.signal),
        );
        if (load.signal.aborted) return;
        this.more = [...this.more, ...page.items];
        this.nextCursor = page.nextCursor;
      } catch (error) {
        if (!load.signal.aborted) throw error;
      }
    });
  }

  private indexOf(r: InvitationRequest): number {
    return Array.from(this.renderRoot.querySelectorAll('li[part="request"]')).findIndex(
      (li) => (li as HTMLElement).dataset.id === r.id,
    );
  }

  private approve(r: InvitationRequest): Promise<void> {
    return this.actions.run(r.id, async () => {
      const result = await this.client!.requests.approve(r.id, this.callOptions());
      emit(this, 'invitekit-request-approved', result);
      this.focusIndexAfterLoad = this.indexOf(r);
      void this.requests.run();
      await this.actions.announce(this.s.approved(r.email));
    });
  }

  private dismiss(r: InvitationRequest): Promise<void> {
    if (!emit(this, 'invitekit-request-dismiss-request', { request: r }, { cancelable: true }))
      return Promise.resolve();
    return this.actions.run(r.id, async () => {
      const request = await this.client!.requests.dismiss(r.id, this.callOptions());
      emit(this, 'invitekit-request-dismissed', { request });
      this.focusIndexAfterLoad = this.indexOf(r);
      void this.requests.run();
      await this.actions.announce(this.s.dismissed(r.email));
    });
  }

  private dismissStale(): Promise<void> {
    return this.actions.run('*stale', async () => {
      const { dismissed } = await this.client!.requests.dismissStale(this.callOptions());
      void this.requests.run();
      await this.actions.announce(this.s.dismissedStale(this.locale.lang, dismissed));
    });
  }

  private toggleSetting(): Promise<void> {
    const current = this.savedSettings ?? this.settings.value;
    if (!current || this.savingSetting) return Promise.resolve();
    return this.actions.run('*setting', async () => {
      this.savingSetting = true;
      try {
        const enabled = !current.invitationRequestsEnabled;
        const updated = await this.client!.settings.update({ invitationRequestsEnabled: enabled }, this.callOptions());
        // Shown at once, without a reload that would flash the switch disabled.
        this.savedSettings = updated;
        await this.actions.announce(enabled ? this.s.enabled : this.s.disabled);
      } finally {
        this.savingSetting = false;
      }
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invitation-requests': InvitationRequests;
  }
}
