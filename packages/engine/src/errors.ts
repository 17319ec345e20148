import type { FieldError, WireErrorCode } from '@invitekit/sdk';

/**
 * A refusal by the rules: the stable `code` of api.md, a human `detail`, and for `invalid_request` the fields.
 * Every engine operation runs in one store transaction, which a thrown EngineError rolls back, so a refusal
 * leaves the state as it was ("nothing is stored by a refused request").
 */
export class EngineError extends Error {
  readonly code: WireErrorCode;
  readonly detail: string;
  readonly fieldErrors: FieldError[] | undefined;
  /** Seconds until a rate-limited caller may try again (`rate_limited` only). */
  readonly retryAfter: number | undefined;

  constructor(
    code: WireErrorCode,
    detail: string,
    extra: { fieldErrors?: FieldError[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    // `cause`: what failed below an `unavailable` (for the log only; the answer never carries it).
    super(`${code}: ${detail}`, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'EngineError';
    this.code = code;
    this.detail = detail;
    this.fieldErrors = extra.fieldErrors;
    this.retryAfter = extra.retryAfter;
  }
}

/** Result of {@link attempt}: the value, or the engine's refusal as plain data. */
export type EngineResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: WireErrorCode; detail: string; fieldErrors?: FieldError[]; retryAfter?: number } };

/** Runs an engine operation and answers a result instead of throwing (other errors still throw: they are bugs). */
export async function attempt<T>(op: () => T | Promise<T>): Promise<EngineResult<T>> {
  try {
    return { ok: true, value: await op() };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const { code, detail, fieldErrors, retryAfter } = error;
    return {
      ok: false,
      error: {
        code,
        detail,
        ...(fieldErrors ? { fieldErrors } : {}),
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      },
    };
  }
}

export function invalid(field: string, message: string): EngineError {
  return new EngineError('invalid_request', `${field}: ${message}`, { fieldErrors: [{ field, message }] });
}
