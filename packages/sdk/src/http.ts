/**
 * The transport: one ky call per SDK call, with the retry policy of sdk.md, credentials, and every answer either
 * validated against its schema or turned into one of the SDK's errors.
 */
import ky, { HTTPError, TimeoutError as KyTimeoutError, type RetryOptions } from 'ky';
import * as z from 'zod/mini';
import { ErrorCode, FieldError } from './schemas.js';
import {
  ApiError,
  isAbortError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  type ValidationIssue,
} from './errors.js';

/** A bearer token, or a function giving one (called before every attempt, so it may refresh). */
export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface ClientOptions {
  /** The API root, e.g. `https://app.example.com/api` (in a browser `/api` works too). */
  baseUrl: string;
  /** The default organization (slug) of the org-scoped calls; a call's `opts.organization` overrides it. */
  organization?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: TokenSource;
  /** Extra headers on every request. */
  headers?: HeadersInit;
  /** `fetch` credentials mode; default `'include'` without a token (cookie sessions), the platform's otherwise. */
  credentials?: RequestCredentials;
  /** A `fetch` to use instead of the global one. */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Time limit of each attempt, in milliseconds (default 10 000); `false` for none. */
  timeout?: number | false;
  /**
   * Retry count (default 2) or ky retry options. Which requests may retry is the SDK's rule (GETs and POSTs that
   * carry an `Idempotency-Key`), so `methods` is ignored.
   */
  retry?: number | RetryOptions;
}

/** The last argument of every call. */
export interface CallOptions {
  /** Aborts the call (and any pending retry); the abort surfaces as the signal's reason, an `AbortError`. */
  signal?: AbortSignal;
}

/** The last argument of every organization-scoped call. */
export interface OrgCallOptions extends CallOptions {
  /** The organization (slug), overriding the client's default. */
  organization?: string;
}

export interface RequestSpec {
  method: 'get' | 'post' | 'patch';
  /** Path segments below `baseUrl`; each is percent-encoded. */
  path: string[];
  query?: Record<string, unknown> | undefined;
  json?: unknown;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
}

export interface Transport {
  json<S extends z.core.$ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>>;
  csv(spec: RequestSpec): Promise<Blob>;
}

/** Statuses worth another attempt: the request did not happen, or the server asked to be asked again. */
export const RETRY_STATUS_CODES = [408, 429, 502, 503, 504];
export const DEFAULT_RETRY_LIMIT = 2;
/** A `Retry-After` longer than this (ms) is not waited for: the ApiError surfaces with its `retryAfter`. */
export const DEFAULT_MAX_RETRY_AFTER = 30_000;

export function createTransport(options: ClientOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const userRetry: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const maxRetryAfter = userRetry.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
  const { token } = options;

  const send = async (spec: RequestSpec, accept: string): Promise<Response> => {
    // Retrying is safe for reads, and for writes the server de-duplicates by key; nothing else retries.
    const retriable = spec.method === 'get' || spec.idempotencyKey !== undefined;
    const retry: RetryOptions = {
      limit: DEFAULT_RETRY_LIMIT,
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: RETRY_STATUS_CODES,
      ...userRetry,
      maxRetryAfter,
      methods: retriable ? [spec.method] : [],
      shouldRetry: async (state) => {
        const { error } = state;
        if (isAbortError(error) || spec.signal?.aborted) return false;
        if (error instanceof HTTPError) {
          const wait = retryAfterSeconds(error.response.headers.get('retry-after'));
          if (wait !== undefined && wait * 1000 > maxRetryAfter) return false;
        } else if (!(error instanceof KyTimeoutError) && !(error instanceof TypeError)) {
          return false; // our own errors (a failing token function, say) are not network faults
        }
        return userRetry.shouldRetry ? userRetry.shouldRetry(state) : undefined;
      },
    };
    const headers = new Headers(options.headers);
    headers.set('accept', accept);
    if (spec.idempotencyKey !== undefined) headers.set('idempotency-key', spec.idempotencyKey);
    try {
      return await ky(base + '/' + spec.path.map(encodeURIComponent).join('/') + queryString(spec.query), {
        method: spec.method,
        headers,
        json: spec.json,
        signal: spec.signal,
        credentials: options.credentials ?? (token === undefined ? 'include' : undefined),
        timeout: options.timeout ?? 10_000,
        retry,
        throwHttpErrors: true,
        ...(options.fetch ? { fetch: options.fetch as typeof fetch } : {}),
        hooks: {
          beforeRequest: [
            async (request) => {
              const value = typeof token === 'function' ? await token() : token;
              if (value) request.headers.set('authorization', `Bearer ${value}`);
            },
          ],
        },
      });
    } catch (error) {
      throw await translate(error);
    }
  };

  return {
    async json(spec, schema) {
      const response = await send(spec, 'application/json');
      const text = await read(() => response.text());
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new ResponseValidationError(`${describe(spec)}: the answer is not JSON`, [
          { path: [], message: `Expected JSON, got ${JSON.stringify(text.slice(0, 80))}` },
        ]);
      }
      const result = z.safeParse(schema, body);
      if (!result.success) {
        const issues: ValidationIssue[] = result.error.issues.map(({ path, message, code }) => ({
          path,
          message,
          code,
        }));
        throw new ResponseValidationError(`${describe(spec)}: the answer does not match the contract`, issues);
      }
      return result.data;
    },
    async csv(spec) {
      const response = await send(spec, 'text/csv');
      const type = response.headers.get('content-type') ?? '';
      if (!/^text\/csv\b/i.test(type)) {
        throw new ResponseValidationError(`${describe(spec)}: expected text/csv`, [
          { path: [], message: `Content-Type is ${JSON.stringify(type)}` },
        ]);
      }
      const bytes = await read(() => response.arrayBuffer());
      return new Blob([bytes], { type });
    },
  };
}

function describe(spec: RequestSpec): string {
  return `${spec.method.toUpperCase()} /${spec.path.join('/')}`;
}

/** `status` arrays become comma lists; `undefined` is left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) params.set(key, value.map(String).join(','));
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params.set(key, String(value));
  }
  // A comma is legal in a query (RFC 3986 sub-delims); keeping it literal keeps URLs readable in the network panel.
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? '?' + text : '';
}

/** Reads a body, mapping a connection lost mid-body to NetworkError (an abort passes through). */
async function read<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw await translate(error);
  }
}

async function translate(error: unknown): Promise<unknown> {
  if (error instanceof HTTPError) return apiErrorFrom(error.response);
  if (error instanceof KyTimeoutError) {
    return new TimeoutError(`No answer within the time limit: ${error.request.method} ${error.request.url}`, {
      cause: error,
    });
  }
  if (isAbortError(error)) return error;
  if (error instanceof TypeError) return new NetworkError(`Network failure: ${error.message}`, { cause: error });
  return error;
}

/** `Retry-After` (delay-seconds or an HTTP date) in whole seconds from now, or undefined. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The code of a non-problem answer (an HTML 502 from a proxy, say), from its status alone. */
export function codeForStatus(status: number): ErrorCode {
  if (status >= 500 || status === 408) return 'unavailable';
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    default:
      return 'invalid_request';
  }
}

/** Reads a problem+json body best-effort: an unknown code or a non-JSON body falls back to the status. */
async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (or the body broke off): the status tells enough.
  }
  const code = z.safeParse(ErrorCode, body['code']);
  const detail =
    typeof body['detail'] === 'string' ? body['detail'] : typeof body['title'] === 'string' ? body['title'] : '';
  const errors = Array.isArray(body['errors']) ? body['errors'] : [];
  return new ApiError({
    status: response.status,
    code: code.success ? code.data : codeForStatus(response.status),
    detail: detail || `The server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}`,
    fieldErrors: errors.flatMap((item) => {
      const field = z.safeParse(FieldError, item);
      return field.success ? [{ field: field.data.field, message: field.data.message }] : [];
    }),
    retryAfter: retryAfterSeconds(response.headers.get('retry-after')),
  });
}
