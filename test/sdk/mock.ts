/**
 * The real mock server (rules engine + MSW handlers) behind `setupServer`, one per test file, reset before
 * every test; plus clients and a request log.
 */
import { after, afterEach, before, beforeEach } from 'node:test';
import { setupMockServer } from '@invitekit/mock-server/node';
import { createClient, type ClientOptions } from '@invitekit/sdk';

export const BASE = 'http://invitekit.test/api';
export const { server, mock } = setupMockServer();
/** The real handlers, for overrides that pass a request on to them (`getResponse(realHandlers, request)`). */
export const realHandlers = mock.handlers;

/** Every request that reached the network layer, in order (`METHOD url`), with its headers. */
export const requests: { method: string; url: string; headers: Headers; credentials: RequestCredentials }[] = [];

before(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(async () => {
  await mock.reset();
  requests.length = 0;
});
afterEach(() => {
  server.resetHandlers();
});
after(() => {
  server.close();
});

/** `value`, failing the test with a message naming `what` when it is missing. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}

/** The request made `index`th (negative counts from the end); fails the test when fewer were made. */
export function requestAt(index: number): (typeof requests)[number] {
  return present(requests.at(index), `request #${String(index)} (${String(requests.length)} were made)`);
}

/** A fetch that records each attempt before handing it to the (intercepted) global fetch. */
export const recordingFetch = (request: Request, init?: RequestInit) => {
  requests.push({
    method: request.method,
    url: request.url,
    headers: new Headers([...request.headers]),
    credentials: request.credentials,
  });
  return globalThis.fetch(request, init);
};

/** A client of `acme` with the admin token, short retry delays, and the request log. */
export function client(options: Partial<ClientOptions> = {}) {
  return createClient({
    baseUrl: BASE,
    organization: 'acme',
    token: 'acme-admin',
    fetch: recordingFetch,
    retry: { limit: 2, delay: () => 5 },
    ...options,
  });
}

/** Mock control: POST /__mock/... with a JSON body. */
export async function control(path: string, body: unknown): Promise<Response> {
  return fetch(`http://invitekit.test/__mock/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
