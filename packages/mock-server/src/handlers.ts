/**
 * The mock's fetch handlers (every endpoint of api.md, and the `/__mock` controls) and their MSW adapter. The
 * HTTP contract lives in `@invitekit/engine/http`, shared with `@invitekit/server`; here are only what makes it
 * the mock: the seeded tokens as credentials, and the injected faults (latency, random `unavailable`).
 */
import { type RequestHandler, http } from 'msw';
import type { ControlledEngine } from '@invitekit/engine';
import {
  type FetchHandler,
  createApiHandler,
  createControlsHandler,
  credentialsOf,
  problem,
} from '@invitekit/engine/http';

export interface MockHandlerOptions {
  /** Decides injected failures, a number in [0, 1) (default `Math.random`). */
  chance?: () => number;
  /** Origins granted CORS with credentials. */
  allowOrigins?: readonly string[];
  /** How a latency fault waits (default a timer); tests record instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Credentials of a request, when the transport keeps cookies apart (MSW in a browser). */
  authenticate?: (request: Request) => Promise<string | null>;
}

export interface MockFetchHandlers {
  api: FetchHandler;
  controls: FetchHandler;
}

/** The fetch handlers of the mock, for any transport that speaks `Request` and `Response`. */
export function createFetchHandlers(engine: ControlledEngine, options: MockHandlerOptions = {}): MockFetchHandlers {
  const { chance = Math.random, allowOrigins } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const credentials = options.authenticate ?? ((request) => Promise.resolve(credentialsOf(request)));
  const api = createApiHandler({
    engine,
    // The mock's credentials are its seeded tokens, which the engine's store resolves to an Actor.
    authenticate: async (request) => engine.authenticate(await credentials(request)),
    allowOrigins,
    // Injected faults come before the rules, as a slow or failing network would.
    intercept: async () => {
      const { latencyMs, failureRate } = await engine.faults();
      if (latencyMs > 0) await sleep(latencyMs);
      if (failureRate > 0 && chance() < failureRate) {
        return problem('unavailable', 'The service is unavailable (a fault injected through /__mock/faults).', {
          headers: { 'Retry-After': '1' },
        });
      }
      return undefined;
    },
  });
  const controls = createControlsHandler({ controls: engine, allowOrigins });
  return { api, controls };
}

/**
 * Every handler of the mock for MSW, on any origin. MSW in a browser hands cookies over apart from the request
 * (a page cannot read them off a Request), so they reach the credentials through this side table.
 */
export function createHandlers(engine: ControlledEngine, options: MockHandlerOptions = {}): RequestHandler[] {
  const cookiesOf = new WeakMap<Request, Record<string, string>>();
  const { api, controls } = createFetchHandlers(engine, {
    ...options,
    authenticate: (request) => Promise.resolve(credentialsOf(request, cookiesOf.get(request))),
  });
  return [
    http.all('*', ({ request, cookies }) => {
      const { pathname } = new URL(request.url);
      const handler = [controls, api].find((h) => h.handles(pathname));
      if (!handler) return undefined;
      cookiesOf.set(request, cookies);
      return handler(request);
    }),
  ];
}
