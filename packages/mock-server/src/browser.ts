/**
 * In the browser: the mock behind an MSW service worker (the demo and the element tests). With `persistKey`
 * the state lives in localStorage, so the demo's data survives reloads.
 */
import { type SetupWorker, setupWorker } from 'msw/browser';
import { type CreateMockOptions, type Mock, type MockState, createMock, parseState } from './index.js';

export * from './index.js';

export interface StartMockWorkerOptions extends CreateMockOptions {
  /** Where `mockServiceWorker.js` is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** Silences MSW's console lines. */
  quiet?: boolean;
  /** localStorage key: restore the state from it on start, save it there after every change. */
  persistKey?: string;
}

function restore(key: string): MockState | undefined {
  const saved = localStorage.getItem(key);
  if (!saved) return undefined;
  try {
    return parseState(JSON.parse(saved));
  } catch (error) {
    // A state from another version of the kit: start from the seed rather than leave the demo broken.
    console.warn(`invitekit mock: ignoring the saved state under "${key}":`, error);
    return undefined;
  }
}

export async function startMockWorker(
  options: StartMockWorkerOptions = {},
): Promise<{ worker: SetupWorker; mock: Mock }> {
  const { serviceWorkerUrl = '/mockServiceWorker.js', quiet = false, persistKey, ...mockOptions } = options;
  const saved = persistKey ? restore(persistKey) : undefined;
  const mock = createMock({
    ...mockOptions,
    ...(saved && !mockOptions.state ? { state: saved } : {}),
    onChange: async (state) => {
      if (persistKey) localStorage.setItem(persistKey, JSON.stringify(state));
      await mockOptions.onChange?.(state);
    },
  });
  const worker = setupWorker(...mock.handlers);
  await worker.start({ serviceWorker: { url: serviceWorkerUrl }, quiet, onUnhandledRequest: 'bypass' });
  return { worker, mock };
}
