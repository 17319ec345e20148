/**
 * Every demo page starts here: the mock server runs in the page's service worker (no backend at all), its state
 * kept in localStorage so the demo's data survives a reload. Elements load only once the worker answers.
 */
import type { MockState } from '@invitekit/mock-server';
import { withAccountTokens } from './accounts.js';
import { ensureSession } from './session.js';
import { renderHeader } from './app-header.js';
import './demo.css';

const STATE_KEY = 'invitekit-demo';

// msw 2.15 calls `registration.update()` on the existing worker without awaiting it. When Chromium drops that update
// (seen on Vite's dev server, moving quickly between pages) the rejection surfaces as an uncaught
// "Failed to update a ServiceWorker … Not found" although the worker already serves the page. Only that one is hushed.
addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker')) event.preventDefault();
});

/**
 * The saved data, with a token for each member who joined here (accounts.ts), so that they sign in; nothing when
 * there is no saved data or it is unreadable (the worker then starts from the seed, saying why).
 */
function savedStateWithAccounts(parse: (data: unknown) => MockState): { state?: MockState } {
  const saved = localStorage.getItem(STATE_KEY);
  if (!saved) return {};
  try {
    return { state: withAccountTokens(parse(JSON.parse(saved))) };
  } catch {
    return {};
  }
}

export async function boot(): Promise<void> {
  ensureSession();
  // `npm run demo:server` builds the demo for @invitekit/server, which itself answers /api and /__mock: no worker.
  // Read with a dot, the variable is replaced at build time, so that build drops the branch below and with it the
  // in-page mock (msw and the rules engine), which is imported only there.
  if (import.meta.env.VITE_INVITEKIT_BACKEND === 'server') {
    renderHeader({ latencyMs: 0, failureRate: 0 });
    return;
  }
  const { startMockWorker, parseState } = await import('@invitekit/mock-server/browser');
  const { mock } = await startMockWorker({ quiet: true, persistKey: STATE_KEY, ...savedStateWithAccounts(parseState) });
  // Each tab runs its own copy of the mock: when another tab changes the data, read it again, so that this tab
  // never acts on (and saves over) an older state.
  addEventListener('storage', (event) => {
    if (event.key === STATE_KEY) location.reload();
  });
  renderHeader((await mock.state()).faults);
}
