/**
 * The demo's own toolbar, outside invitekit: who is signed in, the mock's clock, its data and its network.
 * It talks to the mock server's `/__mock` controls, as a front-end team would while developing against it.
 * Every control reloads the page afterwards, so each element reads the new state as it would on a real visit.
 * Its markup is in the page from the start (shell.ts); this brings it to life.
 */
import type { Faults } from '@invitekit/mock-server';
import { required } from './dom.js';
import { accounts, forgetAccounts } from './accounts.js';
import { networks, people } from './shell.js';
import { currentToken, signInAs } from './session.js';

const DAY = 24 * 60 * 60 * 1000;
const FLASH_KEY = 'demo-status';

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

/** Wires the page's toolbar; `faults` are the mock's network settings as this page started with them. */
export function startToolbar(faults: Faults): void {
  const bar = required('aside.demo-toolbar', HTMLElement);
  const status = required('.demo-status', HTMLElement, bar);
  const say = (text: string) => {
    status.textContent = text;
  };
  say(sessionStorage.getItem(FLASH_KEY) ?? '');
  sessionStorage.removeItem(FLASH_KEY);

  /** Runs a control, keeps what happened for the reloaded page to say, and reloads (or goes to `then`). */
  const act = async (what: string, run: () => unknown, then?: string) => {
    say('');
    try {
      await run();
      flash(what);
      if (then) location.assign(then);
      else location.reload();
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
    }
  };

  const person = required('select[name="person"]', HTMLSelectElement, bar);
  // Whoever joined in this browser is a choice too, before "Signed out" (the last of the page's own options).
  const joined = accounts();
  for (const account of joined) {
    person.lastElementChild?.before(new Option(`${account.name} (joined)`, account.token));
  }
  person.value = currentToken();
  person.addEventListener('change', () => {
    const token = person.value;
    const name = [...people, ...joined].find((p) => p.token === token)?.name ?? token;
    // Signing in on the login page takes you into the product, as a real sign-in would.
    const then = token && location.pathname.startsWith('/login') ? '/' : undefined;
    void act(
      token ? `Signed in as ${name}` : 'Signed out',
      () => {
        signInAs(token);
      },
      then,
    );
  });

  const network = required('select[name="network"]', HTMLSelectElement, bar);
  network.value = `${faults.latencyMs},${faults.failureRate}`;
  network.addEventListener('change', () => {
    const [latencyMs, failureRate] = network.value.split(',').map(Number);
    const label = networks.find(([value]) => value === network.value)?.[1] ?? network.value;
    void act(`Network: ${label}`, () => control('faults', { latencyMs, failureRate }));
  });

  for (const button of bar.querySelectorAll<HTMLButtonElement>('button[data-advance]')) {
    const days = Number(button.dataset.advance);
    button.addEventListener('click', () => {
      void act(`Clock moved ${days} ${days === 1 ? 'day' : 'days'} forward`, () =>
        control('clock', { advanceMs: days * DAY }),
      );
    });
  }
  required('button[data-reset]', HTMLButtonElement, bar).addEventListener('click', () => {
    void act('Data reset to the seed', async () => {
      await control('reset', {});
      // The members who joined are gone, and Acme's accounts for them with them (accounts.ts).
      if (joined.some((account) => account.token === currentToken())) signInAs('');
      forgetAccounts();
    });
  });
  const join = required('form', HTMLFormElement, bar);
  join.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(join);
    const field = (name: string, fallback: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : fallback;
    };
    const email = field('email', '').trim();
    const via = field('via', 'sso');
    void act(`${email} joined Acme Inc. through ${via.toUpperCase()}`, () =>
      control('orgs/acme/members', { email, via }),
    );
  });

  for (const input of bar.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(
    'input, select, button',
  )) {
    input.disabled = false;
  }
  void showClock(bar, say);
}

/** The mock's clock, and how far ahead of real time it runs. */
async function showClock(bar: HTMLElement, say: (text: string) => void): Promise<void> {
  try {
    const { now } = (await (await control('clock')).json()) as { now: string };
    const date = new Date(now);
    const time = required('.demo-clock time', HTMLTimeElement, bar);
    time.dateTime = date.toISOString();
    time.textContent = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    const ahead = aheadOf(date.getTime() - Date.now());
    const note = required('.demo-clock em', HTMLElement, bar);
    note.textContent = ahead ? `(${ahead})` : '';
    note.hidden = !ahead;
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
  }
}
