// What every scene shares: the mock worker, signed-in clients, the requested state, and the ready flag.
import { startMockWorker } from '@invitekit/mock-server/browser';
import { createClient } from '@invitekit/sdk';

export const state = new URLSearchParams(location.search).get('state') ?? '';

export async function startMock(seed = 'default') {
  const running = await startMockWorker({ quiet: true });
  running.mock.reset(seed);
  return running;
}

export const clientAs = (token) => createClient({ baseUrl: '/api', organization: 'acme', retry: 0, ...(token ? { token } : {}) });

/** Resolves once `check()` is truthy (polling), or fails after 10 s. */
export async function until(check, what = 'condition') {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 10000) throw new Error(`scene: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const shadowText = (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

export function ready() {
  // Let the last render and any transition settle.
  setTimeout(() => (document.body.dataset.ready = 'true'), 250);
}
