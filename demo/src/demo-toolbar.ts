/**
 * The demo's own toolbar, outside invitekit: who is signed in, the mock's clock, its data and its network.
 * It talks to the mock server's `/__mock` controls, as a front-end team would while developing against it.
 */
import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import { currentToken, people, signInAs } from './session.js';

const DAY = 24 * 60 * 60 * 1000;
const networks = [
  ['0,0', 'Normal'],
  ['1500,0', 'Slow (1.5 s)'],
  ['300,0.3', 'Failing (30 %)'],
] as const;

async function control(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`/__mock/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`The mock server refused ${path}: ${response.status}`);
  return response;
}

export class DemoToolbar extends LitElement {
  @state() private now = '';
  @state() private status = '';

  // Light DOM: the demo page's stylesheet styles the toolbar.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.readClock();
  }

  private async readClock() {
    const { now } = (await (await control('clock')).json()) as { now: string };
    this.now = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(now));
  }

  /** Runs a control, says what happened, and reloads so every element reads the new state. */
  private async act(what: string, run: () => Promise<unknown>) {
    try {
      await run();
      sessionStorage.setItem('demo-status', what);
      location.reload();
    } catch (error) {
      this.status = error instanceof Error ? error.message : String(error);
    }
  }

  private onPerson(event: Event) {
    const token = (event.target as HTMLSelectElement).value;
    if (token) sessionStorage.removeItem('demo-signed-out');
    else sessionStorage.setItem('demo-signed-out', '1');
    void this.act('Signed in person changed', async () => signInAs(token));
  }

  private onNetwork(event: Event) {
    const choice = (event.target as HTMLSelectElement).value;
    const [latencyMs, failureRate] = choice.split(',').map(Number);
    localStorage.setItem('demo-network', choice);
    void this.act('Network changed', () => control('faults', { latencyMs, failureRate }));
  }

  private onReset() {
    localStorage.removeItem('demo-network');
    void this.act('Data reset', () => control('reset', {}));
  }

  private onJoin(event: SubmitEvent) {
    event.preventDefault();
    const email = new FormData(event.target as HTMLFormElement).get('email');
    void this.act(`${String(email)} joined through SSO`, () => control('orgs/acme/members', { email, via: 'sso' }));
  }

  override render() {
    const token = currentToken();
    const network = localStorage.getItem('demo-network') ?? '0,0';
    const flash = sessionStorage.getItem('demo-status');
    sessionStorage.removeItem('demo-status');
    return html`
      <aside class="demo-toolbar" aria-label="Demo controls">
        <strong>Demo</strong>
        <label>Signed in as
          <select @change=${this.onPerson}>
            ${people.map((p) => html`<option value=${p.token} ?selected=${p.token === token}>${p.label}</option>`)}
          </select>
        </label>
        <span>Clock: <time>${this.now}</time></span>
        <button @click=${() => this.act('Clock moved 1 day', () => control('clock', { advanceMs: DAY }))}>+1 day</button>
        <button @click=${() => this.act('Clock moved 7 days', () => control('clock', { advanceMs: 7 * DAY }))}>+7 days</button>
        <label>Network
          <select @change=${this.onNetwork}>
            ${networks.map(([value, label]) => html`<option value=${value} ?selected=${value === network}>${label}</option>`)}
          </select>
        </label>
        <form @submit=${this.onJoin}>
          <label>SSO join <input name="email" type="email" required placeholder="jane@example.com" /></label>
          <button>Simulate</button>
        </form>
        <button @click=${this.onReset}>Reset data</button>
        <span role="status">${this.status || flash || ''}</span>
      </aside>
    `;
  }
}

customElements.define('demo-toolbar', DemoToolbar);
