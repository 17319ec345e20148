import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { isApiError } from '@invitekit/sdk/errors';
import type { Invitation, InvitationSort, InvitationStatus, Page, SortOrder } from '@invitekit/sdk';
import { InvitekitElement } from '../shared/base.js';
import { emit } from '../shared/events.js';
import { pickStrings } from '../shared/i18n.js';
import { failureMessage, isAbort } from '../shared/failure.js';
import type { InviteDialog, InviteRole } from '../invite-dialog/invite-dialog.js';
import { invitationTableStrings, type InvitationTableStrings, type StatusFilter } from './invitation-table.strings.js';
import { styles } from './invitation-table.styles.js';

const DEFAULT_FILTER: StatusFilter = 'pending,expired';
const FILTERS: StatusFilter[] = ['pending,expired', 'pending', 'expired', 'accepted', 'declined', 'revoked', 'all'];
const ALL: InvitationStatus[] = ['pending', 'accepted', 'declined', 'revoked', 'expired'];
/** The order a column sorts in when first chosen: dates newest first, words A to Z. */
const FIRST_ORDER: Record<InvitationSort, SortOrder> = { email: 'asc', status: 'asc', invitedAt: 'desc', expiresAt: 'asc' };
const SEARCH_DELAY_MS = 300;

type Confirm = { kind: 'revoke'; invitation: Invitation } | { kind: 'stale' };

function statusesOf(filter: StatusFilter): InvitationStatus[] {
  if (filter === 'all') return ALL;
  return filter === DEFAULT_FILTER ? ['pending', 'expired'] : [filter as InvitationStatus];
}

/**
 * The invitations of an organization, for its admins: sort, filter, search, page, and act on each invitation.
 *
 * @tagname invitation-table
 * @summary Lists, searches and manages the organization's invitations (needs `member:manage`).
 *
 * @fires invitekit-invitation-resent - An invitation was sent again. `detail: { invitation }`
 * @fires invitekit-invitation-renewed - An expired invitation was replaced by a new one. `detail: { invitation }`
 * @fires invitekit-invitation-revoke-request - Cancelable, before the revoke confirmation opens; `preventDefault()` vetoes the revoke. `detail: { invitation }`
 * @fires invitekit-invitation-revoked - An invitation was revoked. `detail: { invitation }`
 * @fires invitekit-invitations-sent - From the inner invite dialog. `detail: { sent, skipped }`
 * @fires invitekit-error - A failure the table shows. `detail: { error }`
 *
 * @csspart toolbar - The row of search, filter and buttons above the table.
 * @csspart table - The `<table>`.
 * @csspart header - Each column header cell.
 * @csspart row - Each invitation row.
 * @csspart badge - Status and stale badges.
 * @csspart action - Each row action button.
 * @csspart button - Each toolbar button.
 * @csspart pager - The paging controls.
 * @csspart announcer - The polite live region that reports the result of each action.
 * @csspart state - The loading, empty, error and permission messages.
 * @csspart confirm - The revoke confirmation dialog.
 *
 * @cssprop --invitekit-font - Font family (default: inherited from the page).
 * @cssprop --invitekit-radius - Corner radius of controls.
 * @cssprop --invitekit-space - The spacing unit.
 * @cssprop --invitekit-density - Scales paddings: 0.75 compact, 1 normal, 1.25 comfortable.
 * @cssprop --invitekit-color-background - Background.
 * @cssprop --invitekit-color-surface - Header and hover background.
 * @cssprop --invitekit-color-text - Text colour.
 * @cssprop --invitekit-color-muted - Secondary text.
 * @cssprop --invitekit-color-border - Borders.
 * @cssprop --invitekit-color-accent - Primary buttons and links.
 * @cssprop --invitekit-color-on-accent - Text on the accent colour.
 * @cssprop --invitekit-color-danger - Errors and destructive buttons.
 * @cssprop --invitekit-color-success - Success messages.
 * @cssprop --invitekit-color-warning - Expired and stale badges.
 * @cssprop --invitekit-color-focus - The focus ring.
 */
export class InvitationTable extends InvitekitElement {
  static override styles = styles;

  /** Invitations per page (1 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Roles offered by the inner invite dialog (`[{ value, label }]`); no role select when empty. */
  @property({ attribute: false }) roles: InviteRole[] = [];

  /** Replaces any of the table's strings (see `InvitationTableStrings`). */
  @property({ attribute: false }) strings?: Partial<InvitationTableStrings>;

  @state() private filter: StatusFilter = DEFAULT_FILTER;
  @state() private search = '';
  @state() private q = '';
  @state() private sort: InvitationSort = 'invitedAt';
  @state() private order: SortOrder = 'desc';
  /** The cursor of every page visited so far; `cursors[page]` loads the current one. */
  @state() private cursors: (string | undefined)[] = [undefined];
  @state() private page = 0;
  @state() private announcement = '';
  @state() private confirm?: Confirm;

  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  @query('invite-dialog') private inviteDialog?: InviteDialog;

  private searchTimer?: ReturnType<typeof setTimeout>;
  private busy = new Set<string>();
  /** The row whose first action takes focus after the next load (its button may have gone). */
  private focusAfterLoad?: string;

  private readonly invitations = new Task(this, {
    task: async ([client, , filter, q, sort, order, cursor, limit], { signal }): Promise<Page<Invitation> | null> => {
      if (!client) return null;
      const query = {
        status: statusesOf(filter),
        sort,
        order,
        limit: Math.min(100, Math.max(1, Math.floor(limit) || 25)),
        ...(q ? { q } : {}),
        ...(cursor ? { cursor } : {}),
      };
      return client.invitations.list(query, this.callOptions(signal));
    },
    args: () =>
      [
        this.client,
        this.organization,
        this.filter,
        this.q,
        this.sort,
        this.order,
        this.cursors[this.page],
        this.pageSize,
      ] as const,
    onComplete: (page) => this.afterLoad(page),
    onError: (error) => {
      if (!isAbort(error)) this.reportError(error);
    },
  });

  private get s(): InvitationTableStrings {
    return pickStrings(invitationTableStrings, this.locale.lang, this.strings);
  }

  /** Loads the current page again. */
  reload(): void {
    void this.invitations.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override render() {
    const s = this.s;
    if (!this.client) return html`<p class="state" part="state">${s.noClient}</p>`;
    const error = this.invitations.status === TaskStatus.ERROR ? this.invitations.error : undefined;
    const blocking = this.blockingMessage(error);
    if (blocking) return html`<p class="state" part="state">${blocking}</p>`;
    return html`
      ${this.renderToolbar(s)} ${this.renderBody(s, error)}
      <p class="announcer" role="status" part="announcer">${this.announcement}</p>
      ${this.renderConfirm(s)}
      <invite-dialog
        .client=${this.client}
        organization=${ifDefined(this.organization)}
        theme=${ifDefined(this.theme)}
        .roles=${this.roles}
        @invitekit-invitations-sent=${() => this.reload()}
      ></invite-dialog>
    `;
  }

  /** A state where the table makes no sense: not signed in, no permission, no such organization. */
  private blockingMessage(error: unknown): string | undefined {
    if (isApiError(error, 'unauthenticated')) return this.s.unauthenticated;
    if (isApiError(error, 'forbidden')) return this.s.forbidden;
    if (isApiError(error, 'not_found')) return this.s.notFound;
    return undefined;
  }

  private renderToolbar(s: InvitationTableStrings) {
    return html`
      <div class="toolbar" part="toolbar">
        <label class="field">
          ${s.searchLabel}
          <input
            type="search"
            part="search"
            .value=${this.search}
            @input=${this.onSearchInput}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.applySearch()}
          />
        </label>
        <label class="field">
          ${s.filterLabel}
          <select part="filter" @change=${this.onFilterChange}>
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this.filter}>${s.filter[f]}</option>`)}
          </select>
        </label>
        <span class="spacer"></span>
        <button class="primary" part="button" @click=${this.openInviteDialog}>${s.inviteUsers}</button>
        <button part="button" @click=${this.exportCsv}>${s.exportCsv}</button>
        <button part="button" @click=${() => this.openConfirm({ kind: 'stale' })}>${s.revokeStale}</button>
      </div>
    `;
  }

  private renderBody(s: InvitationTableStrings, error: unknown) {
    const task = this.invitations;
    if (error !== undefined) {
      return html`<div class="state" role="alert" part="state">
        <p>${s.loadError} ${failureMessage(s.failures, error)}</p>
        <button part="button" @click=${() => this.reload()}>${s.tryAgain}</button>
      </div>`;
    }
    const page = task.value;
    if (!page) return html`<p class="state" part="state">${s.loading}</p>`;
    if (page.items.length === 0 && task.status !== TaskStatus.PENDING) {
      const filtered = this.filter !== DEFAULT_FILTER || this.q !== '';
      return filtered
        ? html`<div class="state" part="state">
            <p>${s.emptyFiltered}</p>
            <button part="button" @click=${this.clearFilters}>${s.clearFilters}</button>
          </div>`
        : html`<p class="state" part="state">${s.empty}</p>`;
    }
    const from = this.page * this.pageSize + 1;
    const to = from + page.items.length - 1;
    return html`
      <div class="frame">
        <table part="table" tabindex="-1" aria-busy=${task.status === TaskStatus.PENDING ? 'true' : 'false'}>
          <caption class="visually-hidden">${s.caption}</caption>
          <thead>
            <tr>
              ${this.header(s.columnEmail, 'email')} ${this.header(s.columnStatus, 'status')}
              ${this.header(s.columnRole)} ${this.header(s.columnInvited, 'invitedAt')}
              ${this.header(s.columnExpires, 'expiresAt')} ${this.header(s.columnActions)}
            </tr>
          </thead>
          <tbody>
            ${repeat(page.items, (inv) => inv.id, (inv) => this.renderRow(s, inv))}
          </tbody>
        </table>
      </div>
      <nav class="pager" part="pager" aria-label=${s.pagination}>
        <span>${s.range(this.locale.lang, Math.min(from, to), to, page.total)}</span>
        <button part="button" ?disabled=${this.page === 0} @click=${() => this.goTo(this.page - 1)}>${s.previousPage}</button>
        <button part="button" ?disabled=${!page.nextCursor} @click=${() => this.next(page)}>${s.nextPage}</button>
      </nav>
    `;
  }

  private header(label: string, key?: InvitationSort): TemplateResult {
    if (!key) return html`<th scope="col" part="header">${label}</th>`;
    const sorted = this.sort === key;
    const ascending = this.order === 'asc';
    return html`<th scope="col" part="header" aria-sort=${sorted ? (ascending ? 'ascending' : 'descending') : nothing}>
      <button class="sort" @click=${() => this.sortBy(key)}>
        ${label}<span class="arrow" aria-hidden="true"></span>
      </button>
    </th>`;
  }

  private renderRow(s: InvitationTableStrings, inv: Invitation) {
    const lang = this.locale.lang;
    return html`<tr part="row" data-id=${inv.id}>
      <td class="email">${inv.email}</td>
      <td>
        <span class="status">
          <span class="badge ${inv.status}" part="badge">${s.status[inv.status]}</span>
          ${inv.stale
            ? html`<span class="badge stale" part="badge" title=${s.staleHint}
                >${s.stale}<span class="visually-hidden">: ${s.staleHint}</span></span
              >`
            : nothing}
        </span>
      </td>
      <td>${inv.role ?? html`<span class="muted">${s.defaultRole}</span>`}</td>
      <td class="date">${s.date(lang, inv.invitedAt)}</td>
      <td class="date">${s.date(lang, inv.expiresAt)}</td>
      <td><div class="actions">${this.renderActions(s, inv)}</div></td>
    </tr>`;
  }

  private renderActions(s: InvitationTableStrings, inv: Invitation) {
    const revoke = html`<button part="action" aria-label=${s.revokeFor(inv.email)} @click=${() => this.requestRevoke(inv)}>
      ${s.revoke}
    </button>`;
    if (inv.status === 'pending') {
      const leftId = `left-${inv.id}`;
      return html`
        <button part="action" aria-label=${s.copyLinkFor(inv.email)} @click=${() => this.copy(inv, 'link')}>${s.copyLink}</button>
        <button part="action" aria-label=${s.copyCodeFor(inv.email)} @click=${() => this.copy(inv, 'code')}>${s.copyCode}</button>
        <button
          part="action"
          aria-label=${s.resendTo(inv.email)}
          aria-describedby=${leftId}
          ?disabled=${inv.resendsRemaining === 0}
          @click=${() => this.resend(inv)}
        >
          ${s.resend}
        </button>
        <span class="left muted" id=${leftId}>${s.resendsLeft(this.locale.lang, inv.resendsRemaining)}</span>
        ${revoke}
      `;
    }
    if (inv.status === 'expired') {
      return html`<button part="action" aria-label=${s.sendNewTo(inv.email)} @click=${() => this.renew(inv)}>${s.sendNew}</button>
        ${revoke}`;
    }
    return html`<span class="visually-hidden">${s.noActions}</span>`;
  }

  private renderConfirm(s: InvitationTableStrings) {
    const c = this.confirm;
    const title = c?.kind === 'stale' ? s.confirmRevokeStaleTitle : s.confirmRevokeTitle;
    const body = c?.kind === 'revoke' ? s.confirmRevokeBody(c.invitation.email) : c ? s.confirmRevokeStaleBody : '';
    return html`<dialog
      class="confirm"
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @close=${this.onConfirmClose}
    >
      <h2 id="confirm-title">${title}</h2>
      <p id="confirm-body">${body}</p>
      <div class="buttons">
        <button class="cancel" part="button" autofocus @click=${() => this.confirmDialog?.close('cancel')}>${s.cancel}</button>
        <button class="danger" part="button" @click=${() => this.confirmDialog?.close('confirm')}>${s.revoke}</button>
      </div>
    </dialog>`;
  }

  // --- loading, paging, sorting, filtering ------------------------------------------------------------

  private afterLoad(page: Page<Invitation> | null): void {
    // A revoke can empty the last page: step back to one that has rows.
    if (page && page.items.length === 0 && this.page > 0) {
      this.goTo(this.page - 1);
      return;
    }
    const id = this.focusAfterLoad;
    if (id === undefined) return;
    this.focusAfterLoad = undefined;
    void this.updateComplete.then(() => {
      const row = this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"]`);
      const target = row?.querySelector<HTMLElement>('button:not([disabled])') ?? this.renderRoot.querySelector<HTMLElement>('table');
      target?.focus();
    });
  }

  private goTo(page: number): void {
    this.page = Math.max(0, page);
  }

  private next(page: Page<Invitation>): void {
    if (!page.nextCursor) return;
    this.cursors = [...this.cursors.slice(0, this.page + 1), page.nextCursor];
    this.page += 1;
  }

  private firstPage(): void {
    this.cursors = [undefined];
    this.page = 0;
  }

  private sortBy(key: InvitationSort): void {
    this.order = this.sort === key ? (this.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[key];
    this.sort = key;
    this.firstPage();
  }

  private onFilterChange(e: Event): void {
    this.filter = (e.target as HTMLSelectElement).value as StatusFilter;
    this.firstPage();
  }

  private onSearchInput(e: Event): void {
    this.search = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY_MS);
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    const q = this.search.trim();
    if (q === this.q) return;
    this.q = q;
    this.firstPage();
  }

  private clearFilters(): void {
    this.search = '';
    this.q = '';
    this.filter = DEFAULT_FILTER;
    this.firstPage();
  }

  // --- actions ------------------------------------------------------------------------------------------

  private async announce(message: string): Promise<void> {
    // Clearing first makes a screen reader repeat a message identical to the last one.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  /** Runs one action on one invitation at a time; failures are announced and reported. */
  private async run(inv: Invitation | undefined, action: () => Promise<void>): Promise<void> {
    const key = inv?.id ?? '*';
    if (this.busy.has(key)) return;
    this.busy.add(key);
    try {
      await action();
    } catch (error) {
      this.reportError(error);
      void this.announce(failureMessage(this.s.failures, error));
      if (isApiError(error) && error.status === 409) this.reload();
    } finally {
      this.busy.delete(key);
    }
  }

  private copy(inv: Invitation, what: 'link' | 'code'): Promise<void> {
    return this.run(inv, async () => {
      const link = await this.client!.invitations.link(inv.id, this.callOptions());
      try {
        await navigator.clipboard.writeText(what === 'link' ? link.url : link.code);
      } catch (error) {
        this.reportError(error);
        await this.announce(this.s.copyFailed);
        return;
      }
      await this.announce(what === 'link' ? this.s.linkCopied(inv.email) : this.s.codeCopied(inv.email));
    });
  }

  private resend(inv: Invitation): Promise<void> {
    return this.run(inv, async () => {
      const invitation = await this.client!.invitations.resend(inv.id, this.callOptions());
      emit(this, 'invitekit-invitation-resent', { invitation });
      if (invitation.resendsRemaining === 0) this.focusAfterLoad = inv.id;
      this.reload();
      await this.announce(this.s.resent(inv.email));
    });
  }

  private renew(inv: Invitation): Promise<void> {
    return this.run(inv, async () => {
      const invitation = await this.client!.invitations.renew(inv.id, this.callOptions());
      emit(this, 'invitekit-invitation-renewed', { invitation });
      this.focusAfterLoad = inv.id;
      this.reload();
      await this.announce(this.s.renewed(inv.email));
    });
  }

  private requestRevoke(invitation: Invitation): void {
    if (!emit(this, 'invitekit-invitation-revoke-request', { invitation }, { cancelable: true })) return;
    this.openConfirm({ kind: 'revoke', invitation });
  }

  private async openConfirm(confirm: Confirm): Promise<void> {
    this.confirm = confirm;
    await this.updateComplete;
    const dialog = this.confirmDialog;
    if (!dialog || dialog.open) return;
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('button.cancel')?.focus();
  }

  private onConfirmClose(): void {
    const confirm = this.confirm;
    const confirmed = this.confirmDialog?.returnValue === 'confirm';
    this.confirm = undefined;
    if (!confirm || !confirmed) return;
    if (confirm.kind === 'revoke') void this.revoke(confirm.invitation);
    else void this.revokeStale();
  }

  private revoke(inv: Invitation): Promise<void> {
    return this.run(inv, async () => {
      const invitation = await this.client!.invitations.revoke(inv.id, this.callOptions());
      emit(this, 'invitekit-invitation-revoked', { invitation });
      this.focusAfterLoad = inv.id;
      this.reload();
      await this.announce(this.s.revoked(inv.email));
    });
  }

  private revokeStale(): Promise<void> {
    return this.run(undefined, async () => {
      const { revoked } = await this.client!.invitations.revokeStale(this.callOptions());
      this.reload();
      await this.announce(this.s.revokedStale(this.locale.lang, revoked));
    });
  }

  private exportCsv(): Promise<void> {
    return this.run(undefined, async () => {
      const blob = await this.client!.invitations.exportCsv(
        { status: statusesOf(this.filter), sort: this.sort, order: this.order, ...(this.q ? { q: this.q } : {}) },
        this.callOptions(),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = this.s.exportFileName;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      await this.announce(this.s.exported);
    });
  }

  private openInviteDialog(): void {
    this.inviteDialog?.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invitation-table': InvitationTable;
  }
}
