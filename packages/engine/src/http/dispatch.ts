/**
 * Several fetch handlers under their base paths (the API under `/api`, the test controls under `/__mock`) as one:
 * a request goes to the handler whose base path it is under, anything else is `not_found`. The mock's MSW
 * handlers, its Node server and `@invitekit/server` all choose with this.
 */
import { problem } from './problem.js';
import type { FetchHandler } from './router.js';

export function composeHandlers(handlers: readonly FetchHandler[]): FetchHandler {
  const find = (pathname: string) => handlers.find((h) => h.handles(pathname));
  const dispatch = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    const handler = find(pathname);
    return handler ? handler(request) : problem('not_found', `No such endpoint: ${request.method} ${pathname}.`);
  };
  return Object.assign(dispatch, {
    basePath: '',
    handles: (pathname: string) => find(pathname) !== undefined,
    allowed: (pathname: string) => find(pathname)?.allowed(pathname),
  });
}

/**
 * The answer to a method a `Request` cannot carry (TRACE, CONNECT) or Node does not parse, on `target`: 405 with
 * `Allow` on a known path, else 404 (or 400 when the target is not a path).
 */
export function methodRefusal(
  allowed: (pathname: string) => string[] | undefined,
  method: string,
  target: string,
): Response {
  let pathname: string;
  try {
    pathname = new URL(target, 'http://host').pathname;
  } catch {
    return problem('invalid_request', 'The request target is not a path.');
  }
  const allow = allowed(pathname);
  if (!allow) return problem('not_found', `No such endpoint: ${method} ${pathname}.`);
  return problem('method_not_allowed', `${pathname} does not take ${method}; it takes ${allow.join(', ')}.`, {
    headers: { Allow: allow.join(', ') },
  });
}
