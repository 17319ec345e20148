/**
 * The "Actions for X" menu of each row, as the WAI-ARIA APG menu button pattern has it: the button opens a
 * `role="menu"` whose items are `role="menuitem"` buttons (one tab stop: the items are `tabindex="-1"` and
 * focus moves among them by key). Enter, Space or Down open it on the first item, Up on the last; Down, Up,
 * Home and End move (wrapping); a printable character moves to the next item starting with it (typeahead);
 * Escape closes it and returns focus to the button; Tab closes it and lets focus move on; a press outside
 * closes it. At most one row's menu is open. Choosing an item closes the menu and puts focus back on the button
 * before the action runs, so a confirmation opened by the action returns focus there too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

  /** Keys on a menu button (APG: Enter and Space act as a click, handled by the click itself). */
  readonly onButtonKey = (event: KeyboardEvent, id: string): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.open(id, event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

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
