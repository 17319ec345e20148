import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import { isApiError } from '@invitekit/sdk/errors';
import type { Invitation, InvitationSort, Page } from '@invitekit/sdk';
import { InvitekitElement } from '../shared/invitekit-element.js';
import { pageLimit } from '../shared/page-limit.js';
import type { InvitekitClient } from '../shared/context.js';
import { ActionsController } from '../shared/actions.js';
import { LoadsController } from '../shared/loads.js';
import { SyncController } from '../shared/sync.js';
import { emit } from '../shared/events.js';
import { formatNumber, languageReady, pickStrings, type Catalogues } from '../shared/i18n.js';
import { failureMessage, loadFailure, isAbort } from '../shared/failure.js';
import { BlockedState, blockedKind } from '../shared/blocked.js';
import type { InviteDialog } from '../invite-dialog/invite-dialog.js';
import type { InviteRole } from '../shared/roles.js';
import { invitationTableStrings, type InvitationTableStrings, type StatusFilter } from './invitation-table.strings.js';
import type { InvitationTableActionStrings } from './invitation-table.actions.strings.js';
import { styles } from './invitation-table.styles.js';
import { FILTERS, TableQuery, statusesOf } from './table-query.js';
import type { RevokeConfirm, RevokeTarget } from './revoke-confirm.js';
import type { RowMenu } from './row-menu.js';
import type { RowActionsHost } from './row-actions.js';
import type { BulkHost } from './bulk.js';
import type { RoleDialog } from '../shared/role-dialog.js';
import {
  pressed,
  renderOutcome,
  renderRow,
  renderSkeletonRow,
  roleText,
  selectable,
  type RowContext,
} from './invitation-row.js';
import { downloadBlob } from './download.js';

/**
 * The invitations of an organization, for its admins: sort, filter, search, page, and act on each invitation.
 * Below 880 px of its own width (a container query, not the viewport) each row becomes a card with every field
 * and action. Inside an `<invitekit-provider>` it loads again when another element of the organization changes
 * something (an approve, a send from any invite dialog); a host can also call `reload()`.
 *
 * @tagname invitation-table
 * @summary Lists, searches and manages the organization's invitations (needs `member:manage`).
 *
 * @fires invitekit-invitation-resent - An invitation was sent again. `detail: { invitation }`
 * @fires invitekit-invitation-renewed - An expired invitation was replaced by a new one. `detail: { invitation }`
 * @fires invitekit-invitation-revoke-request - Cancelable, before the revoke confirmation opens; `preventDefault()` vetoes the revoke. `detail: { invitation }`
 * @fires invitekit-invitation-revoked - An invitation was revoked. `detail: { invitation }`
 * @fires invitekit-invitation-updated - A pending invitation's role was changed. `detail: { invitation }`
 * @fires invitekit-invitations-sent - From the inner invite dialog. `detail: { sent, skipped }`
 * @fires invitekit-error - A failure the table shows. `detail: { error }`
 *
 * @csspart toolbar - The row of search, filter and buttons above the table.
 * @csspart table - The `<table>`.
 * @csspart header - Each column header cell.
 * @csspart row - Each invitation row.
 * @csspart badge - Status and stale badges.
 * @csspart action - Each row action button.
 * @csspart outcome - The result of the last action, beside its row (also `success` or `failure`).
 * @csspart button - Each toolbar button.
 * @csspart pager - The paging controls.
 * @csspart announcer - The polite live region that reports the result of each action.
 * @csspart state - The empty, error and permission messages.
 * @csspart heading - The heading drawn when `heading` is set, with the count of the view.
 * @csspart count - How many invitations the view holds, beside the heading.
 * @csspart link - The "Sign in" link of the signed-out message (`sign-in-url`).
 * @slot signed-out - The host's way forward when nobody is signed in (a link to its sign-in page), under the message.
 * @slot forbidden - The host's way forward without permission (who to ask), under the message.
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

  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    roles: { attribute: false },
    strings: { attribute: false },
    heading: {},
  };

  /** Invitations per page (1 to 100). */
  pageSize = 25;

  /** Roles offered by the inner invite dialog (`[{ value, label }]`); no role select when empty. */
  roles: InviteRole[] = [];

  /** Replaces any of the table's strings (see `InvitationTableStrings`). */
  strings?: Partial<InvitationTableStrings>;

  /** A heading drawn above the table, with the count of invitations in view beside it; none when unset. */
  heading?: string;

  private get inviteDialog(): InviteDialog | null | undefined {
    return (this.renderRoot as ParentNode | undefined)?.querySelector<InviteDialog>('invite-dialog');
  }
  private readonly blocked = new BlockedState(this, () => this.clientUnavailable);

  private readonly query = new TableQuery(this);
  private readonly actions = new ActionsController(this, {
    describeFailure: (error) => failureMessage(this.words.failures, error),
    onFailure: (error) => {
      this.reportError(error);
      // A conflict means the row changed elsewhere: show it as it is now.
      if (isApiError(error) && error.status === 409) this.reload();
    },
  });
  /** The row menus' code, loaded the first time a menu button is used. */
  private menu?: RowMenu;
  /** The Change role dialog, loaded the first time it is asked for. */
  private roleDialog?: RoleDialog;
  /** Addresses the server answered `already_member` for: their expired rows offer no new invitation. */
  private readonly members = new Set<string>();
  /** The invitations the inner dialog sent last, marked as new until the next send. */
  private fresh = new Set<string>();
  /** The rows selected for a bulk action, on the page shown (a new page starts with none). */
  private selected = new Set<string>();
  private bulk?: typeof import('./bulk.js');
  /** The revoke confirmation, loaded the first time a revoke is asked. */
  private confirm?: RevokeConfirm;
  /** What the row menu's items do, loaded with the menu or the revoke confirmation. */
  private rowActions?: typeof import('./row-actions.js');
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
    onComplete: (page) => {
      this.afterLoad(page);
    },
    onError: (error) => {
      if (!isAbort(error)) this.reportError(error);
    },
  });
  protected readonly loads = new LoadsController(this, () => [this.invitations]);
  protected readonly sync = new SyncController(this, () => {
    this.reload();
  });

  /** The strings of the row menu, bulk bar and revoke confirmation, loaded with the first of them. */
  private actionWords?: Catalogues<InvitationTableActionStrings>;

  /**
   * The table's strings, with the host's. Until a click loads them the action strings are absent; only the code
   * loaded with them (row-menu.ts, bulk.ts, revoke-confirm.ts) reads them.
   */
  private get words(): InvitationTableStrings {
    const lang = this.locale.lang;
    const view = pickStrings(invitationTableStrings, lang, this.strings);
    if (!this.actionWords) return view as InvitationTableStrings;
    return { ...pickStrings(this.actionWords, lang, this.strings), ...view };
  }

  /** Loads the action strings, in the element's language, alongside the chunk that shows them. */
  private async loadActionWords(): Promise<void> {
    this.actionWords ??= (await import('./invitation-table.actions.strings.js')).invitationTableActionStrings;
    await languageReady(this.locale.lang);
  }

  /** The client for an action: actions are drawn only once a client is there. */
  private api(): InvitekitClient {
    if (!this.client) throw new Error('invitekit: <invitation-table> has no client');
    return this.client;
  }

  /** Loads the current page again (another tab or an outside change made it stale). */
  reload(): void {
    void this.invitations.run();
  }

  protected override render() {
    const words = this.words;
    // An abort is no failure: the element left the page mid-load (and loads again when it is back).
    const failed = this.invitations.status === TaskStatus.ERROR && !isAbort(this.invitations.error);
    const error = failed ? this.invitations.error : undefined;
    const unavailable = this.blocked.render(error, words);
    if (unavailable) return unavailable;
    const total = this.invitations.value?.total;
    return html`
      ${
        this.heading
          ? html`<h2 class="heading" part="heading">
              ${this.heading}${total === undefined ? nothing : html` <span class="count" part="count">${formatNumber(this.locale.lang, total)}</span>`}
            </h2>`
          : nothing
      }
      ${this.renderToolbar(words)} ${this.bulk?.renderBulkBar(this.bulkHost()) ?? nothing}
      ${renderOutcome(this.rowContext(words), '*')} ${this.renderBody(words, error)}
      <p class="announcer visually-hidden" role="status" part="announcer">${this.actions.message}</p>
      ${this.confirm?.render(words) ?? nothing}
      ${this.roles.length && this.roleDialog ? this.roleDialog.render(this.roles, { roleLabel: words.columnRole, cancel: words.cancel, defaultRole: words.defaultRole }) : nothing}
      <invite-dialog
        .client=${this.client}
        organization=${ifDefined(this.organization)}
        theme=${ifDefined(this.theme)}
        .roles=${this.roles}
        @invitekit-invitations-sent=${(e: HTMLElementEventMap['invitekit-invitations-sent']) => {
          this.fresh = new Set(e.detail.sent.map((inv) => inv.id));
          this.reload();
        }}
      ></invite-dialog>
    `;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const failed = this.invitations.status === TaskStatus.ERROR && !isAbort(this.invitations.error);
    this.blocked.set(failed ? blockedKind(this.invitations.error) : undefined);
  }

  /** Why a toolbar action has nothing to act on now, or undefined when it has (or the table cannot know). */
  private unavailable(words: InvitationTableStrings): { export?: string; stale?: string } {
    const page = this.invitations.value;
    if (!page) return {};
    const reasons: { export?: string; stale?: string } = {};
    if (page.total === 0) reasons.export = words.nothingToExport;
    // Stale invitations are pending ones; the table knows there are none only when it sees every pending one.
    const seesAllPending = this.query.statuses.includes('pending') && !this.query.q && page.nextCursor === null;
    if (seesAllPending && this.query.page === 0 && !page.items.some((inv) => inv.stale)) reasons.stale = words.noStale;
    return reasons;
  }

  private renderToolbar(words: InvitationTableStrings) {
    const reasons = this.unavailable(words);
    const exporting = this.actions.busy('*', 'export');
    const toolbarButton = (name: string, busyLabel: string, busy: boolean, reason: string | undefined, id: string) =>
      html`<button
          part="button"
          aria-label=${name}
          aria-busy=${busy ? 'true' : nothing}
          aria-disabled=${busy || reason ? 'true' : nothing}
          aria-describedby=${reason ? id : nothing}
          title=${reason ?? nothing}
          data-busy=${busyLabel}
          @click=${() => {
            if (!busy && !reason) this.toolbarAction(id);
          }}
        >
          <span class="idle">${name}</span></button
        >${reason ? html`<span class="visually-hidden" id=${id}>${reason}</span>` : nothing}`;
    return html`
      <div class="toolbar" part="toolbar">
        <label class="field">
          ${words.searchLabel}
          <input
            type="search"
            part="search"
            .value=${this.query.search}
            @input=${(e: Event) => {
              this.query.type((e.target as HTMLInputElement).value);
            }}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') this.query.applySearch();
            }}
          />
        </label>
        <label class="field">
          ${words.filterLabel}
          <select
            part="filter"
            @change=${(e: Event) => {
              this.query.setFilter((e.target as HTMLSelectElement).value as StatusFilter);
            }}
          >
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this.query.filter}>${words.filter[f]}</option>`)}
          </select>
        </label>
        <span class="spacer"></span>
        <button class="primary" part="button" @click=${this.openInviteDialog}>${words.inviteUsers}</button>
        ${toolbarButton(words.exportCsv, words.exporting, exporting, reasons.export, 'export-reason')}
        ${toolbarButton(words.revokeStale, words.revoking, this.actions.busy('*', 'stale'), reasons.stale, 'stale-reason')}
      </div>
    `;
  }

  private toolbarAction(id: string): void {
    if (id === 'export-reason') void this.exportCsv();
    else void this.askRevoke({ kind: 'stale' });
  }

  private rowContext(words: InvitationTableStrings): RowContext {
    return {
      words,
      lang: this.locale.lang,
      roles: this.roles,
      actions: this.actions,
      menu: this.menu,
      now: Date.now(),
      members: this.members,
      fresh: this.fresh,
      selected: this.selected,
    };
  }

  private async withMenu(): Promise<RowMenu> {
    if (!this.menu) {
      const [{ RowMenu }] = await Promise.all([import('./row-menu.js'), this.loadRowActions(), this.loadActionWords()]);
      this.menu ??= new RowMenu(this);
    }
    return this.menu;
  }

  /** The one listener for every row's menu button and menu item (see `pressed` in invitation-row.ts). */
  private readonly onRowClick = (event: Event): void => {
    const menuButton = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-menu]') : null;
    if (menuButton) {
      const id = menuButton.dataset.menu ?? '';
      if (menuButton.getAttribute('aria-disabled') !== 'true')
        void this.withMenu().then((menu) => {
          menu.toggle(id);
        });
      return;
    }
    const press = pressed(event);
    const inv = press && this.invitations.value?.items.find((item) => item.id === press.id);
    if (!press || !inv) return;
    this.menu?.close(true);
    // A menu item exists only once the menu's code, and so the row actions, are loaded (withMenu).
    if (press.action === 'revoke') this.requestRevoke(inv);
    else void this.rowActions?.runRowAction(this.rowActionsHost(), press.action, inv);
  };

  private readonly onSelect = (event: Event): void => {
    const box = event.target instanceof HTMLInputElement ? event.target : null;
    const id = box?.dataset.select;
    if (!box || !id) return;
    const next = new Set(this.selected);
    if (box.checked) next.add(id);
    else next.delete(id);
    this.selected = next;
    this.requestUpdate();
    void this.loadBulk();
  };

  /** The rows of the page that can be selected. */
  private selectableIds(): string[] {
    return (this.invitations.value?.items ?? []).filter(selectable).map((inv) => inv.id);
  }

  private renderSelectAll(words: InvitationTableStrings) {
    const ids = this.selectableIds();
    const count = ids.filter((id) => this.selected.has(id)).length;
    return html`<input
      type="checkbox"
      part="select"
      class="select-all"
      aria-label=${words.selectAll}
      ?disabled=${ids.length === 0}
      .checked=${ids.length > 0 && count === ids.length}
      .indeterminate=${count > 0 && count < ids.length}
      @change=${(e: Event) => {
        this.selected = (e.target as HTMLInputElement).checked ? new Set(ids) : new Set();
        this.requestUpdate();
        void this.loadBulk();
      }}
    />`;
  }

  /** What a bulk action needs from the table (bulk.ts, loaded with the first selection). */
  private bulkHost(): BulkHost {
    return {
      rows: (this.invitations.value?.items ?? []).filter((inv) => this.selected.has(inv.id) && selectable(inv)),
      words: this.words,
      lang: this.locale.lang,
      actions: this.actions,
      api: () => this.api().invitations,
      callOptions: (signal) => this.callOptions(signal),
      emitted: (name, invitation) => {
        emit(this, name, { invitation });
      },
      member: (email) => {
        this.members.add(email);
      },
      confirmRevoke: (count) => {
        void this.askRevoke({ kind: 'bulk', count, lang: this.locale.lang });
      },
      why: (error) => failureMessage(this.words.bulkReasons, error),
      isAbort,
      clear: () => {
        this.selected = new Set();
        this.requestUpdate();
      },
      reload: () => {
        this.reload();
      },
    };
  }

  /** Loads the bulk actions' code the first time a row is selected: a page that never selects never downloads it. */
  private async loadBulk(): Promise<void> {
    const [bulk] = await Promise.all([import('./bulk.js'), this.loadActionWords()]);
    this.bulk ??= bulk;
    this.requestUpdate();
  }

  private readonly onRowKey = (event: KeyboardEvent): void => {
    const menuButton = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-menu]') : null;
    // APG: Down opens the menu on its first item, Up on its last (Enter and Space are the button's click).
    if (!menuButton || menuButton.getAttribute('aria-disabled') === 'true') return;
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const id = menuButton.dataset.menu ?? '';
    const at = event.key === 'ArrowDown' ? 'first' : 'last';
    void this.withMenu().then((menu) => menu.open(id, at));
  };

  private renderBody(words: InvitationTableStrings, error: unknown) {
    const task = this.invitations;
    if (error !== undefined) {
      return loadFailure(words.loadFailures, error, words.tryAgain, () => {
        this.reload();
      });
    }
    const page = task.value;
    if (page && page.items.length === 0 && task.status !== TaskStatus.PENDING) {
      return this.query.narrowed
        ? html`<div class="state" part="state">
            <p>${words.emptyFiltered}</p>
            <button
              part="button"
              @click=${() => {
                this.query.clear();
              }}
            >
              ${words.clearFilters}
            </button>
          </div>`
        : html`<div class="state empty" part="state">
            <p class="title">${words.empty}</p>
            <p class="muted">${words.emptyHint}</p>
            <button class="primary" part="button" @click=${this.openInviteDialog}>${words.emptyAction}</button>
          </div>`;
    }
    const c = this.rowContext(words);
    // Without a page it is loading, or waiting for its client (the task has nothing to run yet).
    const loading = task.status === TaskStatus.PENDING || !page;
    return html`
      <div class="frame">
        <table part="table" tabindex="-1" aria-busy=${loading ? 'true' : 'false'}>
          <caption class="visually-hidden">
            ${words.caption}${page ? nothing : html` <span>${words.loading}</span>`}
          </caption>
          <thead>
            <tr>
              <th scope="col" part="header" class="select">${this.renderSelectAll(words)}</th>
              ${this.header(words.columnEmail, 'email', 'email')} ${this.header(words.columnStatus, 'status', 'status')}
              ${this.header(words.columnRole, undefined, 'role')} ${this.header(words.columnInvitedBy, undefined, 'by')}
              ${this.header(words.columnInvited, 'invitedAt', 'invited')}
              ${this.header(words.columnExpires, 'expiresAt', 'expires')}
              ${this.header(words.columnActions, undefined, 'act')}
            </tr>
          </thead>
          <tbody @click=${this.onRowClick} @keydown=${this.onRowKey} @change=${this.onSelect}>
            ${
              page
                ? repeat(
                    page.items,
                    (inv) => inv.id,
                    (inv) => renderRow(c, inv),
                  )
                : Array.from({ length: Math.min(pageLimit(this.pageSize), 5) }, (_, i) => renderSkeletonRow(c, i))
            }
          </tbody>
        </table>
      </div>
      ${page ? this.renderPager(words, page) : this.renderPagerPlaceholder(words)}
    `;
  }

  private renderPager(words: InvitationTableStrings, page: Page<Invitation>) {
    const from = this.query.page * this.pageSize + 1;
    const to = from + page.items.length - 1;
    return html`<nav class="pager" part="pager" aria-label=${words.pagination}>
      <span>${words.range(this.locale.lang, Math.min(from, to), to, page.total, page.totalCapped)}</span>
      <button
        part="button"
        ?disabled=${this.query.page === 0}
        @click=${() => {
          this.query.goTo(this.query.page - 1);
        }}
      >
        ${words.previousPage}
      </button>
      <button
        part="button"
        ?disabled=${!page.nextCursor}
        @click=${() => {
          if (page.nextCursor) this.query.next(page.nextCursor);
        }}
      >
        ${words.nextPage}
      </button>
    </nav>`;
  }

  /** The pager's room while the first page loads (hidden, inert), so that the page under the table stays put. */
  private renderPagerPlaceholder(words: InvitationTableStrings) {
    return html`<div class="pager placeholder" aria-hidden="true">
      <span>&nbsp;</span><button part="button" disabled tabindex="-1">${words.previousPage}</button
      ><button part="button" disabled tabindex="-1">${words.nextPage}</button>
    </div>`;
  }

  private header(label: string, key: InvitationSort | undefined, column: string): TemplateResult {
    if (!key) return html`<th scope="col" part="header" class=${column}>${label}</th>`;
    const sorted = this.query.sort === key;
    const ascending = this.query.order === 'asc';
    return html`<th
      scope="col"
      part="header"
      class="sortable ${column}"
      aria-sort=${sorted ? (ascending ? 'ascending' : 'descending') : nothing}
    >
      <button
        class="sort"
        @click=${() => {
          this.query.sortBy(key);
        }}
      >
        ${label}<span class="arrow" aria-hidden="true"></span>
      </button>
    </th>`;
  }

  // --- after each load ---------------------------------------------------------------------------------

  private afterLoad(page: Page<Invitation> | null): void {
    // The selection is of rows on screen: what another page, filter or reload no longer shows leaves it.
    const shown = new Set(page?.items.filter(selectable).map((inv) => inv.id));
    if ([...this.selected].some((id) => !shown.has(id))) {
      this.selected = new Set([...this.selected].filter((id) => shown.has(id)));
    }
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
      if (!this.isConnected) return;
      const rows = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('tbody tr'));
      const row = rows.find((r) => r.dataset.id === focus.id) ?? rows[Math.min(focus.index, rows.length - 1)];
      const target =
        row?.querySelector<HTMLElement>('button.menu-button') ?? this.renderRoot.querySelector<HTMLElement>('table');
      target?.focus();
    });
  }

  // --- actions ------------------------------------------------------------------------------------------

  private requestRevoke(invitation: Invitation): void {
    if (!emit(this, 'invitekit-invitation-revoke-request', { invitation }, { cancelable: true })) return;
    void this.askRevoke({ kind: 'revoke', invitation });
  }

  /** Asks before a revoke; only a confirmed one runs. */
  private async askRevoke(target: RevokeTarget): Promise<void> {
    if (!this.confirm) {
      const [{ RevokeConfirm }] = await Promise.all([
        import('./revoke-confirm.js'),
        this.loadRowActions(),
        this.loadActionWords(),
      ]);
      this.confirm ??= new RevokeConfirm(this, (confirmed) => {
        const host = this.rowActionsHost();
        if (confirmed.kind === 'revoke') void this.rowActions?.revoke(host, confirmed.invitation);
        else if (confirmed.kind === 'bulk') void this.bulk?.runBulk(this.bulkHost(), 'revoke');
        else void this.rowActions?.revokeStale(host);
      });
    }
    await this.confirm.open(target);
  }

  /** Loads what the row menu's items and the confirmed revokes do (row-actions.ts), with the first of them. */
  private async loadRowActions(): Promise<void> {
    this.rowActions ??= await import('./row-actions.js');
  }

  /** What the table lends its row actions (row-actions.ts). */
  private rowActionsHost(): RowActionsHost {
    return {
      words: () => this.words,
      lang: () => this.locale.lang,
      actions: this.actions,
      emit: (name, detail) => {
        emit(this, name, detail);
      },
      why: (error) => failureMessage(this.words.failures, error),
      roleText: (role) => roleText({ words: this.words, roles: this.roles }, role),
      api: () => this.api().invitations,
      callOptions: (signal) => this.callOptions(signal),
      member: (email) => {
        this.members.add(email);
      },
      refocus: (inv) => {
        const index = this.invitations.value?.items.findIndex((item) => item.id === inv.id) ?? -1;
        this.focusAfterLoad = { id: inv.id, index: Math.max(0, index) };
      },
      reload: () => {
        this.reload();
      },
      reportError: (error) => {
        this.reportError(error);
      },
      askRole: async (question) => {
        if (!this.roleDialog) {
          const { RoleDialog } = await import('../shared/role-dialog.js');
          this.roleDialog ??= new RoleDialog(this);
        }
        await this.roleDialog.ask(question);
      },
    };
  }

  private exportCsv(): Promise<void> {
    return this.actions.run(
      '*',
      async (signal) => {
        const blob = await this.api().invitations.exportCsv(
          {
            status: this.query.statuses,
            sort: this.query.sort,
            order: this.query.order,
            ...(this.query.q ? { q: this.query.q } : {}),
          },
          this.callOptions(signal),
        );
        downloadBlob(this.renderRoot, blob, this.words.exportFileName);
        return this.words.exported;
      },
      {
        control: 'export',
        describeFailure: (error) =>
          this.words.failedFor(this.words.failed.export, failureMessage(this.words.failures, error)),
      },
    );
  }

  private readonly openInviteDialog = (): void => {
    this.inviteDialog?.show();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'invitation-table': InvitationTable;
  }
}
