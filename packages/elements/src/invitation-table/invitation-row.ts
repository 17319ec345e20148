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

/** What a row needs from its table. */
export interface RowContext {
  s: InvitationTableStrings;
  lang: string;
  roles: InviteRole[];
  actions: ActionsController;
  copy(inv: Invitation, what: 'link' | 'code'): void;
  resend(inv: Invitation): void;
  renew(inv: Invitation): void;
  requestRevoke(inv: Invitation): void;
}

const label = (text: string) => html`<span class="label" aria-hidden="true">${text}</span>`;

export function renderRow(c: RowContext, inv: Invitation): TemplateResult {
  const { s, lang } = c;
  const by = inv.invitedBy;
  return html`<tr part="row" data-id=${inv.id}>
    <td class="email">${inv.email}</td>
    <td class="status">
      ${label(s.columnStatus)}
      <span class="badges">
        <span class="badge ${inv.status}" part="badge">${s.status[inv.status]}</span>
        ${inv.stale ? html`<span class="badge stale" part="badge">${s.stale}</span>` : nothing}
      </span>
    </td>
    <td class="role">
      ${label(s.columnRole)}
      ${inv.role ? roleLabel(c.roles, inv.role) : html`<span class="muted">${s.defaultRole}</span>`}
    </td>
    <td class="by">
      ${label(s.columnInvitedBy)}
      ${
        by
          ? html`<span class="name" title=${by.email}>${by.name || by.email}</span>`
          : html`<span class="muted">${s.invitedByNobody}</span>`
      }
    </td>
    <td class="date">${label(s.columnInvited)}${s.date(lang, inv.invitedAt)}</td>
    <td class="date">${label(s.columnExpires)}${s.date(lang, inv.expiresAt)}</td>
    <td class="act">
      <div class="actions">${renderActions(c, inv)}</div>
      ${renderOutcome(c, inv.id)}
    </td>
  </tr>`;
}

/** The result of the last action on `key`, beside its row; not a live region (the element's announcer says it). */
export function renderOutcome(c: RowContext, key: string) {
  const outcome = c.actions.outcome(key);
  if (!outcome) return nothing;
  return html`<p class="outcome ${outcome.kind}" part="outcome ${outcome.kind}">
    <span class="icon" aria-hidden="true">${outcome.kind === 'success' ? '✓' : '!'}</span>${outcome.text}
  </p>`;
}

/**
 * A row button: its name (public API) never changes; while its request runs it reads busy (see `busyButton` in
 * the shared theme) and refuses presses.
 */
function action(
  c: RowContext,
  inv: Invitation,
  control: string,
  text: { name: string; label: string; busy: string },
  onPress: () => void,
  extra: { reason?: string; describedBy?: string } = {},
) {
  const busy = c.actions.busy(inv.id, control);
  const unavailable = busy || extra.reason !== undefined;
  return html`<button
    part="action"
    class=${control}
    aria-label=${text.name}
    aria-busy=${busy ? 'true' : nothing}
    aria-disabled=${unavailable ? 'true' : nothing}
    aria-describedby=${extra.describedBy ?? nothing}
    data-busy=${text.busy}
    @click=${() => unavailable || onPress()}
  >
    <span class="idle">${text.label}</span>
  </button>`;
}

function renderActions(c: RowContext, inv: Invitation) {
  const { s } = c;
  const revoke = action(c, inv, 'revoke', { name: s.revokeFor(inv.email), label: s.revoke, busy: s.revoking }, () => {
    c.requestRevoke(inv);
  });
  if (inv.status === 'pending') {
    const leftId = `left-${inv.id}`;
    const left = inv.resendsRemaining;
    return html`
      ${action(c, inv, 'link', { name: s.copyLinkFor(inv.email), label: s.copyLink, busy: s.copying }, () => {
        c.copy(inv, 'link');
      })}
      ${action(c, inv, 'code', { name: s.copyCodeFor(inv.email), label: s.copyCode, busy: s.copying }, () => {
        c.copy(inv, 'code');
      })}
      ${action(
        c,
        inv,
        'resend',
        { name: s.resendTo(inv.email), label: s.resend, busy: s.resending },
        () => {
          c.resend(inv);
        },
        { ...(left === 0 ? { reason: s.resendsLeft(c.lang, 0) } : {}), describedBy: leftId },
      )}
      <span class="count ${left === 0 ? 'none' : ''}" aria-hidden="true">${s.resendsLeftShort(c.lang, left)}</span>
      <span class="visually-hidden" id=${leftId}>${s.resendsLeft(c.lang, left)}</span>
      ${revoke}
    `;
  }
  if (inv.status === 'expired') {
    return html`${action(
      c,
      inv,
      'renew',
      { name: s.sendNewTo(inv.email), label: s.sendNew, busy: s.sendingNew },
      () => {
        c.renew(inv);
      },
    )}
    ${revoke}`;
  }
  return html`<span class="visually-hidden">${s.noActions}</span>`;
}

/** A placeholder row of the final height while the first page loads, so that nothing moves when it arrives. */
export function renderSkeletonRow(c: Pick<RowContext, 's'>, index: number): TemplateResult {
  const { s } = c;
  // Each bone holds a no-break space, so that it is exactly one line of its cell's text high.
  const bone = (width: string, kind = '') =>
    html`<span class="bone ${kind}" style="inline-size: ${width}">&nbsp;</span>`;
  return html`<tr class="skeleton" aria-hidden="true" data-skeleton=${index}>
    <td class="email">${bone(`${String(11 - (index % 3) * 2)}rem`)}</td>
    <td class="status">${label(s.columnStatus)}${bone('4.5rem', 'badge')}</td>
    <td class="role">${label(s.columnRole)}${bone('4rem')}</td>
    <td class="by">${label(s.columnInvitedBy)}${bone('5rem')}</td>
    <td class="date">${label(s.columnInvited)}${bone('5.5rem')}</td>
    <td class="date">${label(s.columnExpires)}${bone('5.5rem')}</td>
    <td class="act">
      <div class="actions">${bone('4.5rem', 'action')}${bone('4.5rem', 'action')}</div>
    </td>
  </tr>`;
}
