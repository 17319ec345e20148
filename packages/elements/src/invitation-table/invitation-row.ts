/**
 * One invitation as a table row, which the styles turn into a card when the element is narrow: the same cells,
 * each with a label that only the card shows (the table's column headers name them otherwise, so the label is
 * hidden from assistive technology in both layouts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Invitation } from '@invitekit/sdk';
import type { ActionsController } from '../shared/actions.js';
import { roleLabel, type InviteRole } from '../shared/roles.js';
import type { InvitationTableStrings } from './invitation-table.strings.js';

/** What a row needs from its table. Presses reach the table through one delegated listener (see `pressed`). */
export interface RowContext {
  words: InvitationTableStrings;
  lang: string;
  roles: InviteRole[];
  actions: ActionsController;
}

/** The row actions a button can name in its `data-action`. */
export type RowAction = 'link' | 'code' | 'resend' | 'renew' | 'revoke';

/**
 * The action a click inside the table asks for, if it hit an available row button. One listener on the table
 * instead of one per button keeps a 100-row page cheap to draw.
 */
export function pressed(event: Event): { id: string; action: RowAction } | undefined {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-action]') : null;
  const id = target?.closest<HTMLElement>('tr[data-id]')?.dataset.id;
  if (!target || !id || target.getAttribute('aria-disabled') === 'true') return undefined;
  return { id, action: target.dataset.action as RowAction };
}

const busyAttr = (c: RowContext, inv: Invitation, control: RowAction) =>
  c.actions.busy(inv.id, control) ? 'true' : nothing;

// Row templates are written out whole (labels, buttons) rather than composed from small ones: each nested
// template is one more instance to clone per row, and a page has up to 100 rows.
export function renderRow(c: RowContext, inv: Invitation): TemplateResult {
  const { words, lang } = c;
  const by = inv.invitedBy;
  return html`<tr part="row" data-id=${inv.id}>
    <td class="email">${inv.email}</td>
    <td class="status">
      <span class="label" aria-hidden="true">${words.columnStatus}</span>
      <span class="badges">
        <span class="badge ${inv.status}" part="badge">${words.status[inv.status]}</span>
        ${inv.stale ? html`<span class="badge stale" part="badge">${words.stale}</span>` : nothing}
      </span>
    </td>
    <td class="role">
      <span class="label" aria-hidden="true">${words.columnRole}</span>
      ${inv.role ? roleLabel(c.roles, inv.role) : html`<span class="muted">${words.defaultRole}</span>`}
    </td>
    <td class="by">
      <span class="label" aria-hidden="true">${words.columnInvitedBy}</span>
      ${
        by
          ? html`<span class="name" title=${by.email}>${by.name || by.email}</span>`
          : html`<span class="muted">${words.invitedByNobody}</span>`
      }
    </td>
    <td class="date">
      <span class="label" aria-hidden="true">${words.columnInvited}</span>${words.date(lang, inv.invitedAt)}
    </td>
    <td class="date">
      <span class="label" aria-hidden="true">${words.columnExpires}</span>${words.date(lang, inv.expiresAt)}
    </td>
    <td class="act">
      <div class="actions">${renderActions(c, inv)}</div>
      ${renderOutcome(c, inv.id)}
    </td>
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

/*
 * Row buttons keep their name (public API) at all times. While a request runs, the pressed one is
 * `aria-busy` and `aria-disabled` and shows its `data-busy` words (see the shared theme); a press on an
 * `aria-disabled` button does nothing (`pressed`), and the button keeps the focus.
 */
function renderActions(c: RowContext, inv: Invitation) {
  const { words } = c;
  const rowBusy = c.actions.busy(inv.id);
  const revoke = html`<button
    part="action"
    data-action="revoke"
    aria-label=${words.revokeFor(inv.email)}
    aria-busy=${busyAttr(c, inv, 'revoke')}
    aria-disabled=${rowBusy ? 'true' : nothing}
    data-busy=${words.revoking}
  >
    <span class="idle">${words.revoke}</span>
  </button>`;
  if (inv.status === 'pending') {
    const leftId = `left-${inv.id}`;
    const left = inv.resendsRemaining;
    return html`<button
        part="action"
        data-action="link"
        aria-label=${words.copyLinkFor(inv.email)}
        aria-busy=${busyAttr(c, inv, 'link')}
        aria-disabled=${rowBusy ? 'true' : nothing}
        data-busy=${words.copying}
      >
        <span class="idle">${words.copyLink}</span></button
      ><button
        part="action"
        data-action="code"
        aria-label=${words.copyCodeFor(inv.email)}
        aria-busy=${busyAttr(c, inv, 'code')}
        aria-disabled=${rowBusy ? 'true' : nothing}
        data-busy=${words.copying}
      >
        <span class="idle">${words.copyCode}</span></button
      ><button
        part="action"
        data-action="resend"
        aria-label=${words.resendTo(inv.email)}
        aria-busy=${busyAttr(c, inv, 'resend')}
        aria-disabled=${rowBusy || left === 0 ? 'true' : nothing}
        aria-describedby=${leftId}
        data-busy=${words.resending}
      >
        <span class="idle">${words.resend}</span></button
      ><span class="count" aria-hidden="true">${words.resendsLeftShort(c.lang, left)}</span
      ><span class="visually-hidden" id=${leftId}>${words.resendsLeft(c.lang, left)}</span>${revoke}`;
  }
  if (inv.status === 'expired') {
    return html`<button
        part="action"
        data-action="renew"
        aria-label=${words.sendNewTo(inv.email)}
        aria-busy=${busyAttr(c, inv, 'renew')}
        aria-disabled=${rowBusy ? 'true' : nothing}
        data-busy=${words.sendingNew}
      >
        <span class="idle">${words.sendNew}</span></button
      >${revoke}`;
  }
  return html`<span class="visually-hidden">${words.noActions}</span>`;
}

/** A placeholder row of the final height while the first page loads, so that nothing moves when it arrives. */
export function renderSkeletonRow(c: Pick<RowContext, 'words'>, index: number): TemplateResult {
  const { words } = c;
  // Each bone holds a no-break space, so that it is exactly one line of its cell's text high.
  const bone = (width: string, kind = '') =>
    html`<span class="bone ${kind}" style="inline-size: ${width}">&nbsp;</span>`;
  const label = (text: string) => html`<span class="label" aria-hidden="true">${text}</span>`;
  return html`<tr class="skeleton" aria-hidden="true" data-skeleton=${index}>
    <td class="email">${bone(`${String(11 - (index % 3) * 2)}rem`)}</td>
    <td class="status">${label(words.columnStatus)}${bone('4.5rem', 'badge')}</td>
    <td class="role">${label(words.columnRole)}${bone('4rem')}</td>
    <td class="by">${label(words.columnInvitedBy)}${bone('5rem')}</td>
    <td class="date">${label(words.columnInvited)}${bone('5.5rem')}</td>
    <td class="date">${label(words.columnExpires)}${bone('5.5rem')}</td>
    <td class="act">
      <div class="actions">${bone('4.5rem', 'action')}${bone('4.5rem', 'action')}</div>
    </td>
  </tr>`;
}
