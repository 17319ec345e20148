/**
 * The "Actions for X" menu of each row, as the WAI-ARIA APG menu button pattern has it: the button opens a
 * `role="menu"` whose items are `role="menuitem"` buttons (one tab stop: the items are `tabindex="-1"` and
 * focus moves among them by key). Enter, Space or Down open it on the first item, Up on the last; Down, Up,
 * Home and End move (wrapping); a printable character moves to the next item starting with it (typeahead);
 * Escape closes it and returns focus to the button; Tab closes it and lets focus move on; a press outside
 * closes it. At most one row's menu is open. The table loads this module the first time a menu button is used. Choosing an item closes the menu and puts focus back on the button
 * before the action runs, so a confirmation opened by the action returns focus there too.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Invitation } from '@invitekit/sdk';
import type { RowAction, RowContext } from './invitation-row.js';

interface Host extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class RowMenu implements ReactiveController {
  /** The id of the row whose menu is open. */
  openId?: string;
  private typed = '';
  private typedAt = 0;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.openId = undefined;
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private buttonOf(id: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] button.menu-button`);
  }

  private items(): HTMLElement[] {
    return Array.from(this.host.renderRoot.querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]'));
  }

  /** Opens the menu of row `id` and focuses its first (or last) item. */
  async open(id: string, at: 'first' | 'last' = 'first'): Promise<void> {
    this.openId = id;
    this.host.requestUpdate();
    await this.host.updateComplete;
    document.addEventListener('pointerdown', this.onOutside, true);
    const items = this.items();
    (at === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  /** Closes the open menu; with `returnFocus`, focus goes back to its button. */
  close(returnFocus: boolean): void {
    const id = this.openId;
    if (id === undefined) return;
    this.openId = undefined;
    document.removeEventListener('pointerdown', this.onOutside, true);
    if (returnFocus) this.buttonOf(id)?.focus();
    this.host.requestUpdate();
  }

  toggle(id: string): void {
    if (this.openId === id) this.close(true);
    else void this.open(id);
  }

  /** The open menu of `inv`'s row (loaded with this module, so that it costs nothing until a menu is used). */
  render(c: RowContext, inv: Invitation): TemplateResult {
    return renderMenu(this, c, inv);
  }

  /** Keys inside the open menu. */
  readonly onMenuKey = (event: KeyboardEvent): void => {
    const items = this.items();
    const current = items.indexOf(this.focused() as HTMLElement);
    const target = this.targetOf(event.key, items, current);
    if (target !== undefined) {
      event.preventDefault();
      items[(target + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // not the Escape of a dialog around the table
      this.close(true);
    } else if (event.key === 'Tab') {
      this.close(false);
    }
  };

  /** The index of the item a key moves to (may be out of range by one: it wraps), or undefined. */
  private targetOf(key: string, items: HTMLElement[], current: number): number | undefined {
    if (key === 'ArrowDown') return current + 1;
    if (key === 'ArrowUp') return current - 1;
    if (key === 'Home') return 0;
    if (key === 'End') return items.length - 1;
    if (key.length !== 1 || key === ' ') return undefined;
    // Typeahead: keys typed within half a second make one prefix ("re" → Resend, then Revoke); one letter typed
    // again and again cycles through the items starting with it.
    const now = Date.now();
    this.typed = (now - this.typedAt < 500 ? this.typed : '') + key.toLowerCase();
    this.typedAt = now;
    const repeated = this.typed.split('').every((ch) => ch === this.typed[0]);
    const prefix = repeated ? this.typed.slice(0, 1) : this.typed;
    const start = prefix.length === 1 ? current + 1 : current;
    const label = (el: HTMLElement | undefined) => (el?.querySelector('.item-label')?.textContent ?? '').trim();
    for (let step = 0; step < items.length; step++) {
      const index = (start + step) % items.length;
      if (label(items[index]).toLowerCase().startsWith(prefix)) return index;
    }
    return undefined;
  }

  /** Focus left the menu and its button (a click elsewhere in the page, a screen reader's own navigation). */
  readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    if (to === null) return; // focus went to the page itself or another window: keep the menu as it is
    const cell = (event.target as Element).closest('td.act');
    if (to instanceof Node && cell?.contains(to)) return;
    this.close(false);
  };

  private focused(): Element | null {
    return (this.host.renderRoot as ShadowRoot).activeElement ?? null;
  }

  private readonly onOutside = (event: Event): void => {
    const cell = this.openId ? this.buttonOf(this.openId)?.closest('td') : undefined;
    if (cell && event.composedPath().includes(cell)) return;
    this.close(false);
  };
}

/*
 * An item's visible note ("3 resends left", or why it is disabled) is drawn from `data-note` by CSS, so that the
 * item's visible text stays a part of its name (axe label-content-name-mismatch); the same words are its
 * description, from a hidden copy beside the menu.
 */
function item(action: RowAction, name: string, label: string, note?: { id: string; text: string; disabled: boolean }) {
  return html`<button
      role="menuitem"
      tabindex="-1"
      part="menuitem"
      data-action=${action}
      aria-label=${name}
      aria-describedby=${note ? note.id : nothing}
      aria-disabled=${note?.disabled ? 'true' : nothing}
      data-note=${note ? note.text : nothing}
    >
      <span class="item-label">${label}</span></button
    >${note ? html`<span hidden id=${note.id}>${note.text}</span>` : nothing}`;
}

/** The open menu of `inv`'s row. */
export function renderMenu(menuOf: RowMenu, c: RowContext, inv: Invitation) {
  const { words } = c;
  const revoke = html`<hr role="separator" />
    ${item('revoke', words.revokeFor(inv.email), words.revoke)}`;
  const menu = (items: TemplateResult) =>
    html`<div
      class="menu"
      role="menu"
      part="menu"
      id="menu-${inv.id}"
      aria-labelledby="menu-button-${inv.id}"
      @keydown=${menuOf.onMenuKey}
      @focusout=${menuOf.onFocusOut}
    >
      ${items}
    </div>`;
  if (inv.status === 'pending') {
    const left = inv.resendsRemaining;
    return menu(
      html`${item('link', words.copyLinkFor(inv.email), words.copyLink)}
      ${item('code', words.copyCodeFor(inv.email), words.copyCode)}
      ${item('resend', words.resendTo(inv.email), words.resend, {
        id: `left-${inv.id}`,
        text: left === 0 ? words.noResendsLeft : words.resendsLeft(c.lang, left),
        disabled: left === 0,
      })}
      ${c.roles.length ? item('role', words.changeRoleFor(inv.email), words.changeRole) : nothing} ${revoke}`,
    );
  }
  const member = c.members.has(inv.email);
  return menu(
    html`${item(
      'renew',
      words.sendNewTo(inv.email),
      words.sendNew,
      member ? { id: `member-${inv.id}`, text: words.alreadyMemberNote, disabled: true } : undefined,
    )}
    ${revoke}`,
  );
}
