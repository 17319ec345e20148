/**
 * A small router under a base path, with the rules of api.md "Requests" that concern the request as a whole:
 * an unknown path is `not_found`; a known path with another method is `method_not_allowed` with `Allow`; HEAD
 * answers every GET path with the GET's status and headers and no body; OPTIONS answers `Allow` (and CORS
 * preflights of allowed origins); bodies are read by the rules of body.ts; every refusal is problem+json.
 */
import { type JsonBody, readJsonBody } from './body.js';
import { isStorable, unstorableReason } from '../text.js';
import { Cors } from './cors.js';
import { refuseCrossOriginWrite } from './cross-origin.js';
import { isStreamed } from './stream.js';
import { HttpRefusal, invalidRequest, problem, problemFromError } from './problem.js';

export interface RouteCall {
  request: Request;
  url: URL;
  /** The decoded `:name` segments of the route's path. */
  params: Record<string, string>;
  /** The JSON object body, `undefined` when none was sent (GET and HEAD never read one). */
  body: JsonBody;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  /** Below the base path, with `:name` segments: `/orgs/:org/invitations/:id`. */
  path: string;
  handle(call: RouteCall): Promise<Response>;
}

export interface RouterOptions {
  /** Where the routes live, without a trailing slash: `/api`. */
  basePath: string;
  /** Origins granted CORS with credentials (exact origins, such as `http://localhost:5173`). */
  allowOrigins?: readonly string[] | undefined;
  /** Request bodies larger than this are `payload_too_large`. */
  maxBodyBytes?: number | undefined;
  /** Runs before every routed request; an answer it gives is the answer (the mock's injected faults). */
  intercept?: ((request: Request) => Promise<Response | undefined>) | undefined;
  /** Hears what is neither a refusal nor a success (a bug, a broken store); it is answered `unavailable`. */
  onError?: ((error: unknown, request: Request) => void) | undefined;
}

/** A fetch-style handler that also tells which methods a path takes (for transports that reject a method
 * before a `Request` can exist, such as Node with TRACE). */
export interface FetchHandler {
  (request: Request): Promise<Response>;
  readonly basePath: string;
  /** Whether `pathname` is under this handler's base path. */
  handles(pathname: string): boolean;
  /** The methods `pathname` answers (with HEAD and OPTIONS), or `undefined` for an unknown path. */
  allowed(pathname: string): string[] | undefined;
}

interface Match {
  route: Route;
  params: Record<string, string>;
  literals: number;
  /** A `:name` segment that is malformed percent-encoding or text that cannot be stored: `invalid_request`. */
  refusal?: HttpRefusal;
}

/** A path segment's text, or why it is refused (api.md, Requests: bytes that cannot be stored). */
function decode(name: string, segment: string): string | HttpRefusal {
  let value: string;
  try {
    value = decodeURIComponent(segment);
  } catch {
    return invalidRequest(name, 'Malformed percent-encoding in the path');
  }
  return isStorable(value) ? value : invalidRequest(name, unstorableReason(value));
}

/** A route with its path split into segments once, not on every request. */
interface SplitRoute {
  route: Route;
  pattern: readonly string[];
}

function matchRoute({ route, pattern }: SplitRoute, segments: readonly string[]): Match | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  let literals = 0;
  let refusal: HttpRefusal | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i] ?? '';
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      const value = decode(part.slice(1), segment);
      if (value instanceof HttpRefusal) refusal ??= value;
      else params[part.slice(1)] = value;
    } else if (part === segment) literals++;
    else return undefined;
  }
  return { route, params, literals, ...(refusal ? { refusal } : {}) };
}

/** What failed below an engine error (a broken store under `unavailable`), for the log. */
export function errorCause(error: unknown): unknown {
  return error instanceof Error && error.cause !== undefined ? error.cause : error;
}

/** Where failures go: the options' `onError`, else the console. */
export function errorReporter(options: Pick<RouterOptions, 'onError'>): (error: unknown, request: Request) => void {
  return (
    options.onError ??
    ((error: unknown, request: Request) => {
      console.error(`${request.method} ${request.url}`, error);
    })
  );
}

export function createRouter(routes: readonly Route[], options: RouterOptions): FetchHandler {
  const { basePath, intercept, maxBodyBytes } = options;
  const cors = new Cors(options.allowOrigins);
  const onError = errorReporter(options);

  const split: SplitRoute[] = routes.map((route) => ({ route, pattern: route.path.split('/') }));

  const handles = (pathname: string) => pathname.startsWith(`${basePath}/`);
  const matches = (pathname: string): Match[] => {
    if (!handles(pathname)) return [];
    const segments = pathname.slice(basePath.length).split('/');
    return split.flatMap((route) => matchRoute(route, segments) ?? []);
  };
  const allowedOf = (found: readonly Match[]) => {
    const methods = new Set(found.map((m) => m.route.method));
    return [...(methods.has('GET') ? ['GET', 'HEAD'] : []), ...[...methods].filter((m) => m !== 'GET'), 'OPTIONS'];
  };

  async function answer(request: Request, url: URL): Promise<Response> {
    const found = matches(url.pathname);
    if (found.length === 0) return problem('not_found', `No such endpoint: ${request.method} ${url.pathname}.`);
    const allow = allowedOf(found).join(', ');
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { Allow: allow, ...cors.preflight(request, allowedOf(found)) },
      });
    }
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const chosen = found.filter((m) => m.route.method === method).sort((a, b) => b.literals - a.literals)[0];
    if (!chosen) {
      return problem('method_not_allowed', `${url.pathname} does not take ${request.method}; it takes ${allow}.`, {
        headers: { Allow: allow },
      });
    }
    try {
      if (chosen.refusal) throw chosen.refusal;
      refuseCrossOriginWrite(request, url, (origin) => cors.allows(origin));
      const faulted = await intercept?.(request);
      if (faulted) return faulted;
      const body = method === 'GET' ? undefined : await readJsonBody(request, maxBodyBytes);
      return await chosen.route.handle({ request, url, params: chosen.params, body });
    } catch (error) {
      const refusal = problemFromError(error);
      // A 5xx answer is generic; what failed below it is for the log.
      if (refusal && refusal.status >= 500) onError(errorCause(error), request);
      if (refusal) return refusal;
      onError(error, request);
      return problem('unavailable', 'The server failed while answering this request. Try again.', {
        headers: { 'Retry-After': '1' },
      });
    }
  }

  /** HEAD: the GET's status and headers (its length included, unless it is streamed: then unknown), no body. */
  async function headOf(response: Response): Promise<Response> {
    const headers = new Headers(response.headers);
    if (isStreamed(response)) await response.body?.cancel();
    else headers.set('Content-Length', String((await response.arrayBuffer()).byteLength));
    return new Response(null, { status: response.status, statusText: response.statusText, headers });
  }

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const response = await answer(request, url);
    return cors.decorate(request, request.method === 'HEAD' ? await headOf(response) : response);
  };
  return Object.assign(handler, {
    basePath,
    handles,
    allowed: (pathname: string) => {
      const found = matches(pathname);
      return found.length > 0 ? allowedOf(found) : undefined;
    },
  });
}
