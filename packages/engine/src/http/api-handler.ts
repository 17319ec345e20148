/**
 * Every endpoint of the SDK's table as one fetch-style handler, `(request: Request) => Promise<Response>`, over any
 * implementation of the rules (the mock's in-memory engine, the server's engine over SQL): the same routes, body
 * and query rules and problem answers for both. Framework-free: Node, Bun, Deno, edge runtimes and MSW all speak
 * `Request` and `Response`.
 */
import { type Endpoint, type EndpointName, SESSION_COOKIE, endpoints } from '@invitekit/sdk';
import { requireNoFields } from './body.js';
import { invalidRequest, json } from './problem.js';
import { queryFor } from './query.js';
import {
  type FetchHandler,
  type Route,
  type RouterOptions,
  createRouter,
  errorCause,
  errorReporter,
} from './router.js';
import { streamedBody } from './stream.js';
import { type ApiOperations, type EndpointCall, bindings } from './routes.js';

export type { ApiOperations } from './routes.js';

export interface ApiHandlerOptions<C> extends Omit<RouterOptions, 'basePath'> {
  engine: ApiOperations<C>;
  /** Turns a request's credentials into what the operations take (see {@link credentialsOf} for the mock's). */
  authenticate: (request: Request) => Promise<C>;
  /** Default `/api`. */
  basePath?: string;
  /** The client address rate limits count by. Default: the first `X-Forwarded-For` entry, else `local`. */
  clientAddress?: (request: Request) => string;
}

/** What a malformed Authorization header stands for: credentials that match no token (a token holds no NUL). */
const MALFORMED_CREDENTIALS = '\u0000malformed-authorization';

function cookie(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The mock's credentials: the bearer token, else the `invitekit_session` cookie (`cookies` when the transport
 * keeps them apart from the headers, as MSW in a browser does), else null. A malformed Authorization header
 * (another scheme, a bare token) is unknown credentials, so the admin surface answers `unauthenticated` even
 * when its text happens to be a token.
 */
export function credentialsOf(request: Request, cookies?: Record<string, string>): string | null {
  const header = request.headers.get('authorization');
  if (header) return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? MALFORMED_CREDENTIALS;
  return (cookies ? cookies[SESSION_COOKIE] : cookie(request.headers.get('cookie'), SESSION_COOKIE)) || null;
}

function forwardedFor(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
}

/** `Idempotency-Key`: 1 to 255 visible ASCII characters (api.md, Requests), or absent. */
function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get('idempotency-key');
  if (key !== null && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw invalidRequest('Idempotency-Key', 'Must be 1 to 255 visible ASCII characters');
  }
  return key;
}

export function createApiHandler<C>(options: ApiHandlerOptions<C>): FetchHandler {
  const { engine, authenticate, clientAddress = forwardedFor } = options;
  const bound = bindings<C>();
  const onError = errorReporter(options);
  const routes = (Object.entries(endpoints) as [EndpointName, Endpoint][]).map(([name, endpoint]): Route => ({
    method: endpoint.method,
    path: endpoint.path,
    handle: async ({ request, url, params, body }) => {
      if (!endpoint.body && endpoint.method !== 'GET') requireNoFields(body);
      const call: EndpointCall<Endpoint, C> & { cred: () => Promise<C> } = {
        request,
        params,
        query: endpoint.query ? queryFor(url, endpoint.query) : {},
        body,
        idempotencyKey: endpoint.idempotencyKey ? idempotencyKeyOf(request) : null,
        clientAddress: clientAddress(request),
        cred: () => authenticate(request),
      };
      // The table and the bindings are checked against each other by type; each binding takes its own call.
      const answer: unknown = await (bound[name] as (ops: ApiOperations<C>, c: typeof call) => Promise<unknown>)(
        engine,
        call,
      );
      if (endpoint.answer !== 'text/csv') return json(answer, endpoint.status);
      const org = params['org'] ?? '';
      // A streamed export fails after its status line: the log says why, the transport cuts the body off.
      const csv = answer as string | AsyncIterable<string>;
      const text =
        typeof csv === 'string'
          ? csv
          : streamedBody(csv, (error) => {
              onError(errorCause(error), request);
            });
      return new Response(text, {
        status: endpoint.status ?? 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="invitations-${encodeURIComponent(org)}.csv"`,
        },
      });
    },
  }));
  return createRouter(routes, { ...options, basePath: options.basePath ?? '/api' });
}
