import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { isApiError } from '@invitekit/sdk/errors';
import type { InvitationRequest, Page, Settings } from '@invitekit/sdk';
import { InvitekitElement } from '../shared/invitekit-element.js';
import { pageLimit } from '../shared/page-limit.js';
import { ActionsController } from '../shared/actions.js';
import { LoadsController } from '../shared/loads.js';
import { SyncController } from '../shared/sync.js';
import { emit } from '../shared/events.js';
import { formatNumber, pickStrings } from '../shared/i18n.js';
import { failureMessage, loadFailure, isAbort } from '../shared/failure.js';
import { BlockedState, blockedKind } from '../shared/blocked.js';
import type { RoleDialog } from '../shared/role-dialog.js';
import type { InviteRole } from '../shared/roles.js';
import { invitationRequestsStrings, type InvitationRequestsStrings } from './invitation-requests.strings.js';
import { styles } from './invitation-requests.styles.js';
import { renderSettingSwitch } from './setting-switch.js';

/**
 * Pending invitation requests from the login page, for admins to approve or dismiss, with the organization's
 * "Allow requests from the login page" setting, which turns the login page's request form on and off.
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
 * @csspart switch - The "Allow requests from the login page" switch.
 * @csspart button - Toolbar and state buttons.
 * @csspart list - The list of requests.
 * @csspart request - Each request.
 * @csspart badge - The "Already a member" badge.
 * @csspart action - The Approve and Dismiss buttons.
 * @csspart outcome - The result of the last action, beside its request (also `success` or `failure`).
 * @csspart announcer - The polite live region reporting each action (visually hidden: outcomes show by their rows).
 * @csspart state - Loading, empty, error and permission messages.
 * @csspart count - How many requests wait, beside the heading.
 * @csspart link - The "Sign in" link of the signed-out message (`sign-in-url`).
 * @slot signed-out - The host's way forward when nobody is signed in (a link to its sign-in page), under the message.
 * @slot forbidden - The host's way forward without permission (who to ask), under the message.
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

  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    strings: { attribute: false },
    roles: { attribute: false },
    more: { state: true },
    nextCursor: { state: true },
    removed: { state: true },
    savedSettings: { state: true },
  };

  /** Requests loaded at a time; "Show more" loads the next batch (1 to 100). */
  pageSize = 25;

  /** Replaces any of the element's strings (see `InvitationRequestsStrings`). */
  strings?: Partial<InvitationRequestsStrings>;

  /**
   * The organization's roles (`[{ value, label, default? }]`): where given, Approve first asks which role the
   * invitation gives. None: approving sends it with the default role at once.
   */
  roles: InviteRole[] = [];

  /** The role dialog of an approval, loaded the first time it is asked for. */
  private roleDialog?: RoleDialog;

  /** Requests loaded by "Show more", after the first page. */
  private more: InvitationRequest[] = [];
  private nextCursor: string | null = null;
  /** The request whose row an action just removed: its outcome shows above the list, where the row was. */
  private removed?: string;
  /** The settings as the last update answered; newer than the task's value until it runs again. */
  private savedSettings?: Settings;

  private readonly actions = new ActionsController(this, {
    describeFailure: (error) =>
      this.words.failedFor(this.words.failed.stale, failureMessage(this.words.failures, error)),
    // A failure shows beside its row (or above the list); the live region says it too.
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
    onComplete: (page) => {
      this.afterLoad(page);
    },
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

  /** Loads under way are cancelled when the element leaves the page, and run again if it comes back. */
  protected readonly loads = new LoadsController(this, () => [this.requests, this.settings]);
  private readonly blocked = new BlockedState(this, () => this.clientUnavailable);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const error = this.requests.status === TaskStatus.ERROR ? this.requests.error : undefined;
    this.blocked.set(blockedKind(error));
  }
  /** An approve or dismiss elsewhere under the same provider (or a send, a revoke) loads the list again. */
  protected readonly sync = new SyncController(this, () => {
    this.reload();
  });

  private get words(): InvitationRequestsStrings {
    return pickStrings(invitationRequestsStrings, this.locale.lang, this.strings);
  }

  /** Loads the requests and the setting again. */
  reload(): void {
    void this.requests.run();
    void this.settings.run();
  }

  protected override render() {
    const words = this.words;
    const error = this.requests.status === TaskStatus.ERROR ? this.requests.error : undefined;
    const unavailable = this.blocked.render(error, words);
    if (unavailable) return unavailable;
    return html`
      <div class="header" part="header">
        <h2 id="heading" part="heading" tabindex="-1">${words.heading}${this.renderHeadingCount()}</h2>
        ${this.renderSwitch(words, error !== undefined)} ${this.renderDismissStale(words)}
      </div>
      ${this.renderRemovedOutcome()} ${this.renderOutcome('*stale')} ${this.renderBody(words, error)}
      <p class="announcer visually-hidden" role="status" part="announcer">${this.actions.message}</p>
      ${
        this.roles.length && this.roleDialog
          ? this.roleDialog.render(this.roles, {
              roleLabel: words.roleLabel,
              cancel: words.cancel,
              defaultRole: words.defaultRole,
            })
          : nothing
      }
    `;
  }

  /** How many requests wait, beside the heading, once known. */
  private renderHeadingCount() {
    const total = this.requests.value?.total;
    return total === undefined
      ? nothing
      : html` <span class="count" part="count">${formatNumber(this.locale.lang, total)}</span>`;
  }

  private renderSwitch(words: InvitationRequestsStrings, listFailed: boolean) {
    return renderSettingSwitch({
      words,
      settings: this.savedSettings ?? this.settings.value,
      failure: this.settings.status === TaskStatus.ERROR ? { error: this.settings.error, listFailed } : undefined,
      saving: this.actions.busy('*setting'),
      outcome: this.renderOutcome('*setting'),
      retry: () => {
        void this.settings.run();
      },
      toggle: () => {
        void this.toggleSetting();
      },
    });
  }

  /** The outcome of an answered request, above the list, once its row has left (until then it shows by the row). */
  private renderRemovedOutcome() {
    const id = this.removed;
    const shown = [...(this.requests.value?.items ?? []), ...this.more].some((r) => r.id === id);
    return id && !shown ? this.renderOutcome(id) : nothing;
  }

  private renderDismissStale(words: InvitationRequestsStrings) {
    const busy = this.actions.busy('*stale');
    return html`<button
      part="button"
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : 'false'}
      data-busy=${words.dismissingStale}
      @click=${() => this.dismissStale()}
    >
      <span class="idle">${words.dismissStale}</span>
    </button>`;
  }

  /** What the last action on `key` came to, beside its request; the live region has said it already. */
  private renderOutcome(key: string) {
    const outcome = this.actions.outcome(key);
    if (!outcome) return nothing;
    return html`<p class="outcome ${outcome.kind}" part="outcome ${outcome.kind}">
      <span class="icon" aria-hidden="true">${outcome.kind === 'success' ? '✓' : '!'}</span>${outcome.text}
    </p>`;
  }

  private renderBody(words: InvitationRequestsStrings, error: unknown) {
    if (error !== undefined) {
      return loadFailure(words.loadFailures, error, words.tryAgain, () => {
        this.reload();
      });
    }
    const page = this.requests.value;
    if (!page) return html`<p class="state" part="state">${words.loading}</p>`;
    const items = [...page.items, ...this.more];
    if (items.length === 0) return html`<p class="state" part="state">${words.empty}</p>`;
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
          (r) => this.renderRequest(words, r),
        )}
      </ul>
      <div class="footer">
        <span class="muted">${words.count(lang, items.length, page.total)}</span>
        ${this.nextCursor ? html`<button part="button" @click=${() => this.showMore()}>${words.showMore}</button>` : nothing}
      </div>
    `;
  }

  private renderRequest(words: InvitationRequestsStrings, r: InvitationRequest) {
    const busy = this.actions.busy(r.id);
    const reason = `stale-${r.id}`;
    return html`<li part="request" data-id=${r.id}>
      <div class="who">
        <span class="email">${r.email}</span>
        ${r.stale ? html`<span class="badge stale" part="badge">${words.stale}</span>` : nothing}
        <span class="name ${r.name ? '' : 'muted'}">${r.name ?? words.noName}</span>
        ${r.message ? html`<blockquote class="quote">${r.message}</blockquote>` : nothing}
        <span class="muted when">${words.requested(this.locale.lang, r.requestedAt)}</span>
        ${r.stale ? html`<span class="stale-reason" id=${reason}>${words.staleReason}</span>` : nothing}
      </div>
      <div class="actions">
        <button
          class="primary"
          part="action"
          aria-label=${words.approveFrom(r.email)}
          aria-describedby=${r.stale ? reason : nothing}
          aria-disabled=${r.stale || busy ? 'true' : 'false'}
          aria-busy=${this.actions.busy(r.id, 'approve') ? 'true' : 'false'}
          data-busy=${words.approving}
          @click=${() => this.approve(r)}
        >
          <span class="idle">${words.approve}</span>
        </button>
        <button
          part="action"
          aria-label=${words.dismissFrom(r.email)}
          aria-disabled=${busy ? 'true' : 'false'}
          aria-busy=${this.actions.busy(r.id, 'dismiss') ? 'true' : 'false'}
          data-busy=${words.dismissing}
          @click=${() => this.dismiss(r)}
        >
          <span class="idle">${words.dismiss}</span>
        </button>
      </div>
      ${this.renderOutcome(r.id)}
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
        row?.querySelector<HTMLElement>('button:not([aria-disabled="true"])') ??
        this.renderRoot.querySelector<HTMLElement>('#heading');
      target?.focus();
    });
  }

  private showMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor) return Promise.resolve();
    return this.actions.run('*more', async (gone) => {
      const load = (this.moreLoad = new AbortController());
      try {
        const page = await this.api().requests.list(
          { limit: pageLimit(this.pageSize), cursor },
          this.callOptions(AbortSignal.any([load.signal, gone])),
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

  /** The options of a row's action: which button reads busy, and a failure that names the row's address. */
  private rowAction(r: InvitationRequest, control: 'approve' | 'dismiss') {
    return {
      control,
      describeFailure: (error: unknown) =>
        this.words.failedFor(this.words.failed[control](r.email), failureMessage(this.words.failures, error)),
    };
  }

  private approve(r: InvitationRequest): Promise<void> {
    // A stale request's Approve stays focusable, so that its reason is read out, but does nothing.
    if (r.stale) return Promise.resolve();
    if (this.roles.length) {
      void this.askRole(r);
      return Promise.resolve();
    }
    return this.approveAs(r, null);
  }

  private async askRole(r: InvitationRequest): Promise<void> {
    if (!this.roleDialog) {
      const { RoleDialog } = await import('../shared/role-dialog.js');
      this.roleDialog ??= new RoleDialog(this);
    }
    await this.roleDialog.ask({
      title: this.words.approveFrom(r.email),
      body: this.words.approveRoleBody(r.email),
      confirm: this.words.approve,
      current: null,
      onChoose: (role) => {
        void this.approveAs(r, role);
      },
    });
  }

  private approveAs(r: InvitationRequest, role: string | null): Promise<void> {
    return this.actions.run(
      r.id,
      async (signal) => {
        const options = { ...this.callOptions(signal), ...(role ? { role } : {}) };
        const result = await this.api().requests.approve(r.id, options);
        emit(this, 'invitekit-request-approved', result);
        this.leaving(r);
        return this.words.approved(r.email);
      },
      this.rowAction(r, 'approve'),
    );
  }

  private dismiss(r: InvitationRequest): Promise<void> {
    if (!emit(this, 'invitekit-request-dismiss-request', { request: r }, { cancelable: true }))
      return Promise.resolve();
    return this.actions.run(
      r.id,
      async (signal) => {
        const request = await this.api().requests.dismiss(r.id, this.callOptions(signal));
        emit(this, 'invitekit-request-dismissed', { request });
        this.leaving(r);
        return this.words.dismissed(r.email);
      },
      this.rowAction(r, 'dismiss'),
    );
  }

  /** `r` was answered: the list loads again without it, focus moves to the row after it, its outcome above. */
  private leaving(r: InvitationRequest): void {
    this.focusIndexAfterLoad = this.indexOf(r);
    this.removed = r.id;
    void this.requests.run();
  }

  private dismissStale(): Promise<void> {
    return this.actions.run(
      '*stale',
      async (signal) => {
        const { dismissed } = await this.api().requests.dismissStale(this.callOptions(signal));
        void this.requests.run();
        return this.words.dismissedStale(this.locale.lang, dismissed);
      },
      { control: 'stale' },
    );
  }

  private toggleSetting(): Promise<void> {
    const current = this.savedSettings ?? this.settings.value;
    if (!current) return Promise.resolve();
    const enabled = !current.invitationRequestsEnabled;
    return this.actions.run(
      '*setting',
      async (signal) => {
        const updated = await this.api().settings.update(
          { invitationRequestsEnabled: enabled },
          this.callOptions(signal),
        );
        // Shown at once, without a reload that would flash the switch disabled.
        this.savedSettings = updated;
        return enabled ? this.words.enabled : this.words.disabled;
      },
      {
        control: 'switch',
        describeFailure: (error) =>
          this.words.failedFor(this.words.failed.setting(enabled), failureMessage(this.words.failures, error)),
      },
    );
  }

  /** The client, which every action has: the buttons exist only once a client loaded the list. */
  private api() {
    const client = this.client;
    if (!client) throw new Error('invitation-requests: no client');
    return client;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invitation-requests': InvitationRequests;
  }
}
