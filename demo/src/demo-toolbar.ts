/**
 * The demo's own toolbar, outside invitekit: who is signed in, the mock's clock, its data and its network.
 * It talks to the mock server's `/__mock` controls, as a front-end team would while developing against it.
 * Every control reloads the page afterwards, so each element reads the new state as it would on a real visit.
 */
import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import type { Faults } from '@invitekit/mock-server';
import { accounts, forgetAccounts } from './accounts.js';
import { currentToken, people, signInAs } from './session.js';

const DAY = 24 * 60 * 60 * 1000;
const FLASH_KEY = 'demo-status';
// Values are `latencyMs,failureRate`; the select shows the one matching the mock's faults.
const networks = [
  ['0,0', 'Normal'],
  ['1500,0', 'Slow (1.5 s)'],
  ['300,0.3', 'Failing (30 %)'],
] as const;

/** Calls a `/__mock` control; a refusal becomes an error carrying the server's own explanation. */
async function control(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`/__mock/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `The mock server refused ${path} (${response.status}).`);
  }
  return response;
}

/** Leaves a line for the toolbar of the next page to say (the page is about to reload or go elsewhere). */
export function flash(what: string): void {
  sessionStorage.setItem(FLASH_KEY, what);
}

/** "3 days ahead" for a clock offset, or nothing when the clock is (about) real time. */
function aheadOf(offsetMs: number): string {
  const days = Math.round(offsetMs / DAY);
  if (days < 1) return '';
  return `${days} ${days === 1 ? 'day' : 'days'} ahead`;
}

export class DemoToolbar extends LitElement {
  /** The mock's network settings as this page started with them. */
  faults: Faults = { latencyMs: 0, failureRate: 0 };
  @state() private now?: Date;
  @state() private ahead = '';
  @state() private status = sessionStorage.getItem(FLASH_KEY) ?? '';

  // Light DOM: the demo page's stylesheet styles the toolbar.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    sessionStorage.removeItem(FLASH_KEY);
    void this.readClock();
  }

  private async readClock() {
    try {
      const { now } = (await (await control('clock')).json()) as { now: string };
      this.now = new Date(now);
      this.ahead = aheadOf(this.now.getTime() - Date.now());
    } catch (error) {
      this.status = error instanceof Error ? error.message : String(error);
    }
  }

  /** Runs a control, keeps what happened for the reloaded page to say, and reloads (or goes to `then`). */
  private async act(what: string, run: () => unknown, then?: string) {
    this.status = '';
    try {
      await run();
      flash(what);
      if (then) location.assign(then);
      else location.reload();
    } catch (error) {
      this.status = error instanceof Error ? error.message : String(error);
    }
  }

  private readonly onPerson = (event: Event) => {
    const token = (event.target as HTMLSelectElement).value;
    const person = this.choices().find((p) => p.token === token);
    // Signing in on the login page takes you into the product, as a real sign-in would.
    const then = token && location.pathname.startsWith('/login') ? '/' : undefined;
    void this.act(
      token ? `Signed in as ${person?.name ?? token}` : 'Signed out',
      () => {
        signInAs(token);
      },
      then,
    );
  };

  private readonly onNetwork = (event: Event) => {
    const choice = (event.target as HTMLSelectElement).value;
    const [latencyMs, failureRate] = choice.split(',').map(Number);
    const label = networks.find(([value]) => value === choice)?.[1] ?? choice;
    void this.act(`Network: ${label}`, () => control('faults', { latencyMs, failureRate }));
  };

  private readonly onReset = () => {
    void this.act('Data reset to the seed', async () => {
      await control('reset', {});
      // The members who joined are gone, and Acme's accounts for them with them (accounts.ts).
      if (accounts().some((account) => account.token === currentToken())) signInAs('');
      forgetAccounts();
    });
  };

  /** Whom the "Signed in as" select offers: the seed's people, and whoever joined in this browser. */
  private choices() {
    const joined = accounts().map((a) => ({ token: a.token, name: a.name, label: `${a.name} (joined)` }));
    return [...people.slice(0, -1), ...joined, ...people.slice(-1)];
  }

  private readonly onJoin = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string, fallback: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : fallback;
    };
    const email = field('email', '').trim();
    const via = field('via', 'sso');
    void this.act(`${email} joined Acme Inc. through ${via.toUpperCase()}`, () =>
      control('orgs/acme/members', { email, via }),
    );
  };

  private advance(days: number) {
    void this.act(`Clock moved ${days} ${days === 1 ? 'day' : 'days'} forward`, () =>
      control('clock', { advanceMs: days * DAY }),
    );
  }

  override render() {
    const token = currentToken();
    const network = `${this.faults.latencyMs},${this.faults.failureRate}`;
    const clock = this.now
      ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(this.now)
      : '…';
    return html`
      <aside class="demo-toolbar" aria-label="Demo controls">
        <strong class="demo-badge" title="Not part of the product: controls of the in-browser mock server">Demo</strong>
        <label
          >Signed in as
          <select name="person" @change=${this.onPerson}>
            ${this.choices().map(
              (p) => html`<option value=${p.token} ?selected=${p.token === token}>${p.label}</option>`,
            )}
          </select>
        </label>
        <span class="demo-group" role="group" aria-label="Clock">
          <span
            >Clock <time datetime=${this.now?.toISOString() ?? ''}>${clock}</time>${
              this.ahead ? html` <em>(${this.ahead})</em>` : ''
            }</span
          >
          <button
            type="button"
            @click=${() => {
              this.advance(1);
            }}
          >
            +1 day
          </button>
          <button
            type="button"
            @click=${() => {
              this.advance(7);
            }}
          >
            +7 days
          </button>
        </span>
        <label
          >Network
          <select name="network" @change=${this.onNetwork}>
            ${networks.map(([value, label]) => html`<option value=${value} ?selected=${value === network}>${label}</option>`)}
          </select>
        </label>
        <form class="demo-group" aria-label="Join outside invitations" @submit=${this.onJoin}>
          <label>Join address <input name="email" type="email" required placeholder="jane@example.com" /></label>
          <label
            >via
            <select name="via">
              <option value="sso">SSO</option>
              <option value="scim">SCIM</option>
            </select>
          </label>
          <button>Simulate join</button>
        </form>
        <button type="button" @click=${this.onReset}>Reset data</button>
        <span class="demo-status" role="status">${this.status}</span>
      </aside>
    `;
  }
}

customElements.define('demo-toolbar', DemoToolbar);
