/**
 * Cross-origin writes are refused (api.md, Requests), whatever the body: a browser names where a request comes
 * from, in `Sec-Fetch-Site` (Fetch Metadata) or, from older browsers, in `Origin`. A write whose site is
 * `cross-site` or `same-site`, or whose `Origin` names another host, is `forbidden` unless that origin is allowed
 * (`allowOrigins`). Requests with neither header (curl, servers, tests) are not browsers' and pass. The anchor is
 * the cross-origin protection of Go's net/http (2025), which also compares the Origin's host with the request's
 * host, so a proxy that ends TLS in front of the server (https outside, http inside) is still same-origin.
 */
import { HttpRefusal } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Throws `forbidden` when `request` is a write a browser made on behalf of another site. */
export function refuseCrossOriginWrite(request: Request, url: URL, allowed: (origin: string) => boolean): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  if (origin !== null && allowed(origin)) return;
  const site = request.headers.get('sec-fetch-site');
  const crossSite =
    site !== null ? site === 'cross-site' || site === 'same-site' : origin !== null && hostOf(origin) !== url.host;
  if (crossSite) {
    throw new HttpRefusal(
      'forbidden',
      `This request came from another site${origin ? ` (${origin})` : ''}; changes are accepted only from this site` +
        ' or from an allowed origin.',
    );
  }
}
