/**
 * CORS for listed origins only (say a host app's dev server on another port calling the mock directly):
 * credentials included, so the host's cookie travels; every other origin gets no CORS header at all and the
 * browser keeps its same-origin rule.
 */

/** What a cross-origin script may send and read. */
const REQUEST_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
const EXPOSED_HEADERS = 'Retry-After, Content-Disposition, Allow, WWW-Authenticate';

/** `http://localhost:5173/` and `http://localhost:5173` are the same origin; anything that is not one throws. */
export function normalizeOrigin(origin: string): string {
  const url = new URL(origin);
  if (!['http:', 'https:'].includes(url.protocol) || url.origin === 'null') {
    throw new TypeError(`"${origin}" is not an http(s) origin`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new TypeError(`"${origin}" is not an origin (scheme, host and port only)`);
  }
  return url.origin;
}

export class Cors {
  private readonly origins: ReadonlySet<string>;

  constructor(allowOrigins: readonly string[] = []) {
    this.origins = new Set(allowOrigins.map(normalizeOrigin));
  }

  /** Whether `origin` is one of the allowed ones. */
  allows(origin: string): boolean {
    return this.origins.has(origin);
  }

  /** The request's origin when it is one of the allowed ones. */
  private allowed(request: Request): string | undefined {
    const origin = request.headers.get('origin');
    return origin !== null && this.origins.has(origin) ? origin : undefined;
  }

  /** A preflight (`OPTIONS` asking for a method) from an allowed origin: the headers that grant it. */
  preflight(request: Request, methods: readonly string[]): Record<string, string> | undefined {
    const origin = this.allowed(request);
    if (!origin || !request.headers.has('access-control-request-method')) return undefined;
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': methods.join(', '),
      'Access-Control-Allow-Headers': REQUEST_HEADERS,
      'Access-Control-Max-Age': '600',
    };
  }

  /** Adds the CORS headers of an allowed origin to an answer (and `Vary: Origin` whenever CORS is on). */
  decorate(request: Request, response: Response): Response {
    if (this.origins.size === 0) return response;
    const headers = new Headers(response.headers);
    headers.append('Vary', 'Origin');
    const origin = this.allowed(request);
    if (origin) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Allow-Credentials', 'true');
      headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
