/**
 * The SDK's errors: one base class, narrow subclasses, and guards that work across realms and bundles.
 *
 * `instanceof` fails when the error comes from another copy of the SDK (two bundles on one page, an iframe, a
 * `node:vm` context), so every error carries a brand under `Symbol.for('invitekit.error')` (the symbol registry
 * is shared by every realm of one agent) plus a `kind` string, and the guards look at those instead.
 */
import type { ErrorCode, FieldError } from './schemas.js';

/** The registered symbol every invitekit error carries (value `true`). */
export const ERROR_BRAND: unique symbol = Symbol.for('invitekit.error') as never;

export type InvitekitErrorKind = 'api' | 'network' | 'timeout' | 'response_validation' | 'csv';

/** The base of every error the SDK throws (an abort is the platform's own `AbortError`, not one of these). */
export class InvitekitError extends Error {
  declare readonly [ERROR_BRAND]: true;
  /** Which subclass this is; compare it rather than using `instanceof` across bundles. */
  readonly kind: InvitekitErrorKind;

  constructor(kind: InvitekitErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'InvitekitError';
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }
}

/** The API answered with an error (a problem+json body, or any non-2xx answer). */
export class ApiError extends InvitekitError {
  declare readonly kind: 'api';
  /** HTTP status of the answer. */
  readonly status: number;
  /** The stable error code (api.md); derived from the status when the body is not problem+json. */
  readonly code: ErrorCode;
  /** Human readable explanation from the server (or a generic one). */
  readonly detail: string;
  /** Per-field problems, from the problem's `errors` (empty when none). */
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before trying again, from `Retry-After`, when the server gave one. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: ErrorCode;
    detail: string;
    fieldErrors?: FieldError[];
    retryAfter?: number;
  }) {
    super('api', `${init.code} (${init.status}): ${init.detail}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
  }
}

/** The request never got an answer (offline, DNS, connection reset, CORS refusal). */
export class NetworkError extends InvitekitError {
  declare readonly kind: 'network';
  constructor(message: string, options?: { cause?: unknown }) {
    super('network', message, options);
    this.name = 'NetworkError';
  }
}

/** No answer within the client's `timeout`. */
export class TimeoutError extends InvitekitError {
  declare readonly kind: 'timeout';
  constructor(message: string, options?: { cause?: unknown }) {
    super('timeout', message, options);
    this.name = 'TimeoutError';
  }
}

/** One problem found in a response: where (`path`) and what. */
export interface ValidationIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/** A 2xx answer did not match the contract's schema (a server and SDK out of step). */
export class ResponseValidationError extends InvitekitError {
  declare readonly kind: 'response_validation';
  /** What did not match. */
  readonly issues: ValidationIssue[];
  constructor(message: string, issues: ValidationIssue[]) {
    super('response_validation', message);
    this.name = 'ResponseValidationError';
    this.issues = issues;
  }
}

/** A CSV file the SDK refuses before anything is sent (rules.md, Bulk upload). */
export class CsvError extends InvitekitError {
  declare readonly kind: 'csv';
  readonly code: 'csv_too_many_rows';
  constructor(message: string) {
    super('csv', message);
    this.name = 'CsvError';
    this.code = 'csv_too_many_rows';
  }
}

/** Whether `error` is an invitekit error, from this copy of the SDK or any other (realm or bundle). */
export function isInvitekitError(error: unknown): error is InvitekitError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<PropertyKey, unknown>)[ERROR_BRAND] === true &&
    typeof (error as { kind?: unknown }).kind === 'string'
  );
}

/** Whether `error` is an {@link ApiError}, optionally with the given `code`; works across realms and bundles. */
export function isApiError<C extends ErrorCode>(error: unknown, code?: C): error is ApiError & { code: C } {
  return (
    isInvitekitError(error) &&
    error.kind === 'api' &&
    (code === undefined || (error as { code?: unknown }).code === code)
  );
}

/** Whether `error` is the platform's abort (the caller's `AbortSignal` fired), which the SDK passes through. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
