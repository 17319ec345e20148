import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { isApiError } from '@invitekit/sdk/errors';
import type { Invitation, InvitationSort, Page } from '@invitekit/sdk';
import { InvitekitElement, pageLimit } from '../shared/base.js';
import { ActionsController } from '../shared/actions.js';
import { emit } from '../shared/events.js';
import { pickStrings } from '../shared/i18n.js';
import { failureMessage, isAbort } from '../shared/failure.js';
import type { InviteDialog } from '../invite-dialog/invite-dialog.js';
import { roleLabel, type InviteRole } from '../shared/roles.js';
import { invitationTableStrings, type InvitationTableStrings, type StatusFilter } from './invitation-table.strings.js';
import { styles } from './invitation-table.styles.js';
import { FILTERS, TableQuery, statusesOf } from './table-query.js';
import { RevokeConfirm } from './revoke-confirm.js';

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

  @query('invite-dialog') private inviteDialog?: InviteDialog;

  private readonly query = new TableQuery(this);
  private readonly actions = new ActionsController(this, {
    describeFailure: (error) => failureMessage(this.s.failures, error),
    onFailure: (error) => {
      this.reportError(error);
      // A conflict means the row changed elsewhere: show it as it is now.
      if (isApiError(error) && error.status === 409) this.reload();
    },
  });
  private readonly confirm = new RevokeConfirm(
    this,
    (target) => void (target.kind === 'revoke' ? this.revoke(target.invitation) : this.revokeStale()),
  );
  /**
   * Where focus goes after the next load: the row's first action, or, when the row left (revoked), the row now
   * at its place (the next one), else the table.
   */
  private focusAfterLoad?: { id: string; index: number };

  private readonly invitations = new Task(this, {
    task: async ([client, , filter, q, sort, order, cursor, limit], { signal }): Promise<Page<Invitation> | null> => {
      if (!client) return null;
      const query = {
        status: statusesOf(filter),
        sort,
        order,
        limit: pageLimit(limit),
        ...(q ? { q } : {}),
        ...(cursor ? { cursor } : {}),
      };
      return client.invitations.list(query, this.callOptions(signal));
    },
    // Only primitives, so that a re-render with the same query does not load again.
    args: () => {
      const { filter, q, sort, order, cursor } = this.query;
      return [this.client, this.organization, filter, q, sort, order, cursor, this.pageSize] as const;
    },
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

  protected override render() {
    const s = this.s;
    if (!this.client) return html`<p class="state" part="state">${s.noClient}</p>`;
    const error = this.invitations.status === TaskStatus.ERROR ? this.invitations.error : undefined;
    const blocking = this.blockingMessage(error);
    if (blocking) return html`<p class="state" part="state">${blocking}</p>`;
    return html`
      ${this.renderToolbar(s)} ${this.renderBody(s, error)}
      <p class="announcer" role="status" part="announcer">${this.actions.message}</p>
      ${this.confirm.render(s)}
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
            .value=${this.query.search}
            @input=${(e: Event) => this.query.type((e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.query.applySearch()}
          />
        </label>
        <label class="field">
          ${s.filterLabel}
          <select
            part="filter"
            @change=${(e: Event) => this.query.setFilter((e.target as HTMLSelectElement).value as StatusFilter)}
          >
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this.query.filter}>${s.filter[f]}</option>`)}
          </select>
        </label>
        <span class="spacer"></span>
        <button class="primary" part="button" @click=${this.openInviteDialog}>${s.inviteUsers}</button>
        <button part="button" @click=${this.exportCsv}>${s.exportCsv}</button>
        <button part="button" @click=${() => this.confirm.open({ kind: 'stale' })}>${s.revokeStale}</button>
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
      return this.query.narrowed
        ? html`<div class="state" part="state">
            <p>${s.emptyFiltered}</p>
            <button part="button" @click=${() => this.query.clear()}>${s.clearFilters}</button>
          </div>`
        : html`<p class="state" part="state">${s.empty}</p>`;
    }
    const from = this.query.page * this.pageSize + 1;
    const to = from + page.items.length - 1;
    return html`
      <div class="frame">
        <table part="table" tabindex="-1" aria-busy=${task.status === TaskStatus.PENDING ? 'true' : 'false'}>
          <caption class="visually-hidden">
            ${s.caption}
          </caption>
          <thead>
            <tr>
              ${this.header(s.columnEmail, 'email')} ${this.header(s.columnStatus, 'status')}
              ${this.header(s.columnRole)} ${this.header(s.columnInvited, 'invitedAt')}
              ${this.header(s.columnExpires, 'expiresAt')} ${this.header(s.columnActions)}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              page.items,
              (inv) => inv.id,
              (inv) => this.renderRow(s, inv),
            )}
          </tbody>
        </table>
      </div>
      <nav class="pager" part="pager" aria-label=${s.pagination}>
        <span>${s.range(this.locale.lang, Math.min(from, to), to, page.total)}</span>
        <button part="button" ?disabled=${this.query.page === 0} @click=${() => this.query.goTo(this.query.page - 1)}>
          ${s.previousPage}
        </button>
        <button
          part="button"
          ?disabled=${!page.nextCursor}
          @click=${() => page.nextCursor && this.query.next(page.nextCursor)}
        >
          ${s.nextPage}
        </button>
      </nav>
    `;
  }

  private header(label: string, key?: InvitationSort): TemplateResult {
    if (!key) return html`<th scope="col" part="header">${label}</th>`;
    const sorted = this.query.sort === key;
    const ascending = this.query.order === 'asc';
    return html`<th scope="col" part="header" aria-sort=${sorted ? (ascending ? 'ascending' : 'descending') : nothing}>
      <button class="sort" @click=${() => this.query.sortBy(key)}>
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
          ${
            inv.stale
              ? html`<span class="badge stale" part="badge" title=${s.staleHint}
                  >${s.stale}<span class="visually-hidden">: ${s.staleHint}</span></span
                >`
              : nothing
          }
        </span>
      </td>
      <td>${inv.role ? roleLabel(this.roles, inv.role) : html`<span class="muted">${s.defaultRole}</span>`}</td>
      <td class="date">${s.date(lang, inv.invitedAt)}</td>
      <td class="date">${s.date(lang, inv.expiresAt)}</td>
      <td><div class="actions">${this.renderActions(s, inv)}</div></td>
    </tr>`;
  }

  private renderActions(s: InvitationTableStrings, inv: Invitation) {
    const revoke = html`<button
      part="action"
      aria-label=${s.revokeFor(inv.email)}
      @click=${() => this.requestRevoke(inv)}
    >
      ${s.revoke}
    </button>`;
    if (inv.status === 'pending') {
      const leftId = `left-${inv.id}`;
      return html`
        <button part="action" aria-label=${s.copyLinkFor(inv.email)} @click=${() => this.copy(inv, 'link')}>
          ${s.copyLink}
        </button>
        <button part="action" aria-label=${s.copyCodeFor(inv.email)} @click=${() => this.copy(inv, 'code')}>
          ${s.copyCode}
        </button>
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
      return html`<button part="action" aria-label=${s.sendNewTo(inv.email)} @click=${() => this.renew(inv)}>
          ${s.sendNew}
        </button>
        ${revoke}`;
    }
    return html`<span class="visually-hidden">${s.noActions}</span>`;
  }

  // --- after each load ---------------------------------------------------------------------------------

  private afterLoad(page: Page<Invitation> | null): void {
    // A revoke can empty the last page: step back to one that has rows.
    if (page && page.items.length === 0 && this.query.page > 0) {
      this.query.goTo(this.query.page - 1);
      return;
    }
    const focus = this.focusAfterLoad;
    if (focus === undefined) return;
    this.focusAfterLoad = undefined;
    // The task calls onComplete before it asks for the render of the new page: ask now, so that the rows
    // searched below are the new ones, not the ones the action just changed.
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const rows = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('tbody tr'));
      const row = rows.find((r) => r.dataset.id === focus.id) ?? rows[Math.min(focus.index, rows.length - 1)];
      const target =
        row?.querySelector<HTMLElement>('button:not([disabled])') ??
        this.renderRoot.querySelector<HTMLElement>('table');
      target?.focus();
    });
  }

  // --- actions ------------------------------------------------------------------------------------------

  /** Focus returns to `inv`'s row after the reload that an action on it starts (see `afterLoad`). */
  private refocus(inv: Invitation): void {
    const index = this.invitations.value?.items.findIndex((item) => item.id === inv.id) ?? -1;
    this.focusAfterLoad = { id: inv.id, index: Math.max(0, index) };
  }

  private copy(inv: Invitation, what: 'link' | 'code'): Promise<void> {
    return this.actions.run(inv.id, async () => {
      const link = await this.client!.invitations.link(inv.id, this.callOptions());
      try {
        await navigator.clipboard.writeText(what === 'link' ? link.url : link.code);
      } catch (error) {
        this.reportError(error);
        await this.actions.announce(this.s.copyFailed);
        return;
      }
      await this.actions.announce(what === 'link' ? this.s.linkCopied(inv.email) : this.s.codeCopied(inv.email));
    });
  }

  private resend(inv: Invitation): Promise<void> {
    return this.actions.run(inv.id, async () => {
      const invitation = await this.client!.invitations.resend(inv.id, this.callOptions());
      emit(this, 'invitekit-invitation-resent', { invitation });
      if (invitation.resendsRemaining === 0) this.refocus(inv);
      this.reload();
      await this.actions.announce(this.s.resent(inv.email));
    });
  }

  private renew(inv: Invitation): Promise<void> {
    return this.actions.run(inv.id, async () => {
      const invitation = await this.client!.invitations.renew(inv.id, this.callOptions());
      emit(this, 'invitekit-invitation-renewed', { invitation });
      this.refocus(inv);
      this.reload();
      await this.actions.announce(this.s.renewed(inv.email));
    });
  }

  private requestRevoke(invitation: Invitation): void {
    if (!emit(this, 'invitekit-invitation-revoke-request', { invitation }, { cancelable: true })) return;
    void this.confirm.open({ kind: 'revoke', invitation });
  }

  private revoke(inv: Invitation): Promise<void> {
    return this.actions.run(inv.id, async () => {
      const invitation = await this.client!.invitations.revoke(inv.id, this.callOptions());
      emit(this, 'invitekit-invitation-revoked', { invitation });
      this.refocus(inv);
      this.reload();
      await this.actions.announce(this.s.revoked(inv.email));
    });
  }

  private revokeStale(): Promise<void> {
    return this.actions.run('*', async () => {
      const { revoked } = await this.client!.invitations.revokeStale(this.callOptions());
      this.reload();
      await this.actions.announce(this.s.revokedStale(this.locale.lang, revoked));
    });
  }

  private exportCsv(): Promise<void> {
    return this.actions.run('*', async () => {
      const blob = await this.client!.invitations.exportCsv(
        {
          status: this.query.statuses,
          sort: this.query.sort,
          order: this.query.order,
          ...(this.query.q ? { q: this.query.q } : {}),
        },
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
      await this.actions.announce(this.s.exported);
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
