/**
 * The mock's fetch handlers (every endpoint of api.md, and the `/__mock` controls) and their MSW adapter. The
 * HTTP contract lives in `@invitekit/engine/http`, shared with `@invitekit/server`; here are only what makes it
 * the mock: the seeded tokens as credentials, and the injected faults (latency, random `unavailable`).
 */
import { type RequestHandler, http } from 'msw';
import type { ControlledEngine } from '@invitekit/engine';
import { type FaultOptions, type FetchHandler, createHostHandler, credentialsOf } from '@invitekit/engine/http';

export interface MockHandlerOptions extends FaultOptions {
  /** Origins granted CORS with credentials. */
  allowOrigins?: readonly string[];
  /** Credentials of a request, when the transport keeps cookies apart (MSW in a browser). */
  authenticate?: (request: Request) => Promise<string | null>;
}

/** The mock's API and `/__mock` controls as one fetch handler, for any transport that speaks `Request`/`Response`. */
export function createFetchHandler(engine: ControlledEngine, options: MockHandlerOptions = {}): FetchHandler {
  const credentials = options.authenticate ?? ((request) => Promise.resolve(credentialsOf(request)));
  return createHostHandler({
    engine,
    // The mock's credentials are its seeded tokens, which the engine's store resolves to an Actor.
    authenticate: async (request) => engine.authenticate(await credentials(request)),
    allowOrigins: options.allowOrigins,
    controls: engine,
    faults: options,
  });
}

/**
 * Every handler of the mock for MSW, on any origin. MSW in a browser hands cookies over apart from the request
 * (a page cannot read them off a Request), so they reach the credentials through this side table.
 */
export function createHandlers(engine: ControlledEngine, options: MockHandlerOptions = {}): RequestHandler[] {
  const cookiesOf = new WeakMap<Request, Record<string, string>>();
  const dispatch = createFetchHandler(engine, {
    ...options,
    authenticate: (request) => Promise.resolve(credentialsOf(request, cookiesOf.get(request))),
  });
  return [
    // Requests outside the mock's base paths pass on to the network (the page's own files, say).
    http.all('*', ({ request, cookies }) => {
      if (!dispatch.handles(new URL(request.url).pathname)) return undefined;
      cookiesOf.set(request, cookies);
      return dispatch(request);
    }),
  ];
}
