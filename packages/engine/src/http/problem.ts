/**
 * Answers of the HTTP layer: RFC 9457 problem+json with the stable `code` of api.md, JSON and empty answers,
 * and the translation of every refusal (the engine's or the HTTP edge's own) into a problem.
 */
import { ERROR_STATUS, type FieldError, type WireErrorCode } from '@invitekit/sdk';
import { EngineError } from '../errors.js';
import { StoreUnavailable } from '../store.js';

function title(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ProblemExtra {
  errors?: FieldError[] | undefined;
  headers?: Record<string, string>;
  /** Another status than the code's own: the transport's answers (431 header too large, 408 timeout). */
  status?: number;
}

/** An `application/problem+json` answer. A 401 always carries `WWW-Authenticate: Bearer` (RFC 6750). */
export function problem(code: WireErrorCode, detail: string, extra: ProblemExtra = {}): Response {
  const status = extra.status ?? ERROR_STATUS[code];
  const body = {
    type: `https://invitekit.dev/errors/${code}`,
    title: title(code),
    status,
    code,
    detail,
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
  };
  const headers = new Headers({ 'Content-Type': 'application/problem+json', ...extra.headers });
  if (code === 'unauthenticated') headers.set('WWW-Authenticate', 'Bearer');
  return textResponse(JSON.stringify(body), { status, headers });
}

/**
 * A refusal by the HTTP edge itself (the request as a message: method, media type, bytes, size, headers),
 * made before any rule runs.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly code: WireErrorCode,
    readonly detail: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'HttpRefusal';
  }
}

export function invalidRequest(field: string, message: string): HttpRefusal {
  return new HttpRefusal('invalid_request', `${field}: ${message}`, { errors: [{ field, message }] });
}

/** The problem for a refusal; `undefined` for anything else (a bug or a broken store, for the caller to log). */
export function problemFromError(error: unknown): Response | undefined {
  if (error instanceof HttpRefusal) return problem(error.code, error.detail, error.extra);
  if (error instanceof EngineError) {
    const headers: Record<string, string> = {};
    if (error.retryAfter !== undefined) headers['Retry-After'] = String(error.retryAfter);
    return problem(error.code, error.detail, { errors: error.fieldErrors, headers });
  }
  // The store could not serve (a lost connection, a data file that could not be written): nothing changed.
  if (error instanceof StoreUnavailable) {
    return problem('unavailable', 'The server could not reach its data just now; nothing was changed. Try again.', {
      headers: { 'Retry-After': '1' },
    });
  }
  return undefined;
}

export function json(data: unknown, status = 200): Response {
  return textResponse(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The text of each answer made here, kept beside its body stream. */
const texts = new WeakMap<Response, string>();

function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(text, init);
  texts.set(response, text);
  return response;
}

/**
 * The whole body of an answer made here while it is unread, else undefined. The Node adapter writes it as it is,
 * with the status line in one write, rather than reading it back through the body stream (a stream, a copy
 * and a second write per answer saved).
 */
export function bufferedText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
