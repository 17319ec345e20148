/**
 * Browser-test helpers: one MSW worker per test page running the real rules engine, reset before each test,
 * and SDK clients signed in as the seed's people. Clients in tests never retry, so error states show at once.
 */
import { startMockWorker } from '@invitekit/mock-server/browser';
import { createClient } from '@invitekit/sdk';

let started: ReturnType<typeof startMockWorker> | undefined;

/** Starts the worker once per page, then restores the seed and drops any per-test handler override. */
export async function mockApi(seed: 'default' | 'empty' = 'default') {
  started ??= startMockWorker({ quiet: true });
  const running = await started;
  running.worker.resetHandlers();
  await running.mock.reset(seed);
  return running;
}

/** A client for `/api` as the holder of `token` (`acme-admin`, `acme-viewer`, `globex-admin`), or signed out. */
export function clientAs(token?: string, organization = 'acme') {
  return createClient({ baseUrl: '/api', organization, retry: 0, ...(token ? { token } : {}) });
}

/** Latency and random 503s on `/api`, through the mock's own control. */
export async function setFaults(body: { latencyMs?: number; failureRate?: number }): Promise<void> {
  const response = await fetch('/__mock/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 204) throw new Error(`the mock refused the faults: ${response.status}`);
}
