/**
 * One invitation as a table row, which the styles turn into a card when the element is narrow: the same cells,
 * each with a label that only the card shows (the table's column headers name them otherwise, so the label is
 * hidden from assistive technology in both layouts). The row's actions live in its "Actions for X" menu
 * (row-menu.ts); a row with nothing left to do says so in their place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Invitation } from '@invitekit/sdk';
import type { ActionsController } from '../shared/actions.js';
import { defaultRole, roleLabel, type InviteRole } from '../shared/roles.js';
import type { InvitationTableStrings } from './invitation-table.strings.js';
import type { RowMenu } from './row-menu.js';

/** What a row needs from its table. Presses reach the table through one delegated listener (see `pressed`). */
export interface RowContext {
  words: InvitationTableStrings;
  lang: string;
  roles: InviteRole[];
  actions: ActionsController;
  /** The row menus, once their code is loaded (the first use of a menu button). */
  menu: RowMenu | undefined;
  /** The moment relative times are counted from (one per render, so that every row agrees). */
  now: number;
  /** Addresses the server said are members now (an `already_member` answer): no new invitation is offered. */
  members: ReadonlySet<string>;
  /** Invitations the table's own dialog just sent: marked as new. */
  fresh: ReadonlySet<string>;
  /** The rows selected for a bulk action. */
  selected: ReadonlySet<string>;
}

/** Whether a row can be selected for a bulk action: only pending and expired ones have any. */
export const selectable = (inv: Invitation) => inv.status === 'pending' || inv.status === 'expired';

/** The row actions a menu item can name in its `data-action`. */
export type RowAction = 'link' | 'code' | 'resend' | 'renew' | 'revoke' | 'role';

/**
 * The action a click inside the table asks for, if it hit an available menu item. One listener on the table
 * instead of one per item keeps a 100-row page cheap to draw.
 */
export function pressed(event: Event): { id: string; action: RowAction } | undefined {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
  const id = target?.closest<HTMLElement>('tr[data-id]')?.dataset.id;
  if (!target || !id || target.getAttribute('aria-disabled') === 'true') return undefined;
  return { id, action: target.dataset.action as RowAction };
}

/** The words of the role an invitation gives: its own, or the organization's default named as such. */
export function roleText(c: Pick<RowContext, 'words' | 'roles'>, role: string | null): string {
  if (role) return roleLabel(c.roles, role);
  const fallback = defaultRole(c.roles);
  return fallback ? c.words.defaultRoleNamed(fallback.label) : c.words.defaultRole;
}

/** A date as people read it in a list: how far it is from now, with the date itself beneath. */
function renderDate(c: RowContext, label: string, iso: string) {
  return html`<span class="label" aria-hidden="true">${label}</span
    ><span class="when"
      ><time datetime=${iso}>${c.words.relative(c.lang, iso, c.now)}</time
      ><span class="muted day">${c.words.date(c.lang, iso)}</span></span
    >`;
}

// Row templates are written out whole rather than composed from many small ones: each nested template is one
// more instance to clone per row, and a page has up to 100 rows.
export function renderRow(c: RowContext, inv: Invitation): TemplateResult {
  const { words } = c;
  const by = inv.invitedBy;
  const byName = by ? by.name || by.email : words.invitedByNobody;
  return html`<tr part="row" data-id=${inv.id} class=${c.fresh.has(inv.id) ? 'fresh' : nothing}>
    <td class="select">
      ${
        selectable(inv)
          ? html`<input
              type="checkbox"
              part="select"
              data-select=${inv.id}
              aria-label=${words.selectFor(inv.email)}
              .checked=${c.selected.has(inv.id)}
            />`
          : nothing
      }
    </td>
    <td class="email">
      <span class="address" title=${inv.email}>${inv.email}</span>
      <span class="meta muted">${words.invitedByLine(byName)}</span>
      ${renderOutcome(c, inv.id)}
    </td>
    <td class="status">
      <span class="label" aria-hidden="true">${words.columnStatus}</span>
      <span class="badges">
        <span class="badge ${inv.status}" part="badge">${words.status[inv.status]}</span>
        ${inv.stale ? html`<span class="badge stale" part="badge">${words.stale}</span>` : nothing}
        ${c.fresh.has(inv.id) ? html`<span class="badge fresh" part="badge">${words.fresh}</span>` : nothing}
      </span>
    </td>
    <td class="role">
      <span class="label" aria-hidden="true">${words.columnRole}</span>
      <span class="clip ${inv.role ? '' : 'muted'}">${roleText(c, inv.role)}</span>
    </td>
    <td class="by">
      <span class="label" aria-hidden="true">${words.columnInvitedBy}</span>
      <span class="clip ${by ? '' : 'muted'}" title=${by?.email ?? nothing}>${byName}</span>
    </td>
    <td class="date invited">${renderDate(c, words.columnInvited, inv.invitedAt)}</td>
    <td class="date expires">${renderDate(c, words.columnExpires, inv.expiresAt)}</td>
    <td class="act">${renderActions(c, inv)}</td>
  </tr>`;
}

/** The result of the last action on `key`, beside its row; not a live region (the element's announcer says it). */
export function renderOutcome(c: Pick<RowContext, 'actions'>, key: string) {
  const outcome = c.actions.outcome(key);
  if (!outcome) return nothing;
  return html`<p class="outcome ${outcome.kind}" part="outcome ${outcome.kind}">
    <span class="icon" aria-hidden="true">${outcome.kind === 'success' ? '✓' : '!'}</span>${outcome.text}
  </p>`;
}

const BUSY_CONTROLS: RowAction[] = ['link', 'code', 'resend', 'renew', 'revoke', 'role'];

/**
 * The menu button keeps its name (public API) at all times. While an action of the row runs it is `aria-busy`
 * and shows that action's busy words (see the shared theme); the menu does not open meanwhile.
 */
function renderActions(c: RowContext, inv: Invitation) {
  const { words } = c;
  if (inv.status !== 'pending' && inv.status !== 'expired') {
    return html`<span class="closed muted">${words.closed[inv.status]}</span>`;
  }
  const busy = BUSY_CONTROLS.find((control) => c.actions.busy(inv.id, control));
  const open = c.menu?.openId === inv.id;
  const busyWords: Record<RowAction, string> = {
    link: words.copying,
    code: words.copying,
    resend: words.resending,
    renew: words.sendingNew,
    revoke: words.revoking,
    role: words.savingRole,
  };
  return html`<div class="menu-anchor">
    <button
      class="menu-button"
      part="action menu-button"
      id="menu-button-${inv.id}"
      aria-label=${words.actionsFor(inv.email)}
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `menu-${inv.id}` : nothing}
      aria-busy=${busy ? 'true' : nothing}
      aria-disabled=${busy ? 'true' : nothing}
      data-busy=${busy ? busyWords[busy] : nothing}
      data-menu=${inv.id}
    >
      <span class="idle" aria-hidden="true">⋯</span>
    </button>
    ${open && c.menu ? c.menu.render(c, inv) : nothing}
  </div>`;
}

/** A placeholder row of the final height while the first page loads, so that nothing moves when it arrives. */
export function renderSkeletonRow(c: Pick<RowContext, 'words'>, index: number): TemplateResult {
  const { words } = c;
  // Each bone holds a no-break space, so that it is exactly one line of its cell's text high.
  const bone = (width: string, kind = '') =>
    html`<span class="bone ${kind}" style="inline-size: ${width}">&nbsp;</span>`;
  const label = (text: string) => html`<span class="label" aria-hidden="true">${text}</span>`;
  const date = (text: string) =>
    html`${label(text)}<span class="when">${bone('4.5rem')}<span class="day">${bone('5.5rem')}</span></span>`;
  return html`<tr class="skeleton" aria-hidden="true" data-skeleton=${index}>
    <td class="select"></td>
    <td class="email">${bone(`${String(11 - (index % 3) * 2)}rem`)}</td>
    <td class="status">${label(words.columnStatus)}${bone('4.5rem', 'badge')}</td>
    <td class="role">${label(words.columnRole)}${bone('4rem')}</td>
    <td class="by">${label(words.columnInvitedBy)}${bone('5rem')}</td>
    <td class="date invited">${date(words.columnInvited)}</td>
    <td class="date expires">${date(words.columnExpires)}</td>
    <td class="act"><div class="menu-anchor">${bone('2.5rem', 'action')}</div></td>
  </tr>`;
}
