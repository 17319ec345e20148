/** The HTTP edge of the handlers: problem+json answers, credentials, bodies and queries. No rules here. */
import { ERROR_STATUS, type FieldError, type WireErrorCode } from '@invitekit/sdk';
import { MAX_BODY_BYTES } from '@invitekit/engine';
import { HttpResponse } from 'msw';
import { EngineError, MalformedJson } from '@invitekit/engine';

export const SESSION_COOKIE = 'invitekit_session';

function title(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An RFC 9457 problem answer with the stable `code` of api.md. */
export function problem(
  code: WireErrorCode,
  detail: string,
  extra: { errors?: FieldError[] | undefined; headers?: Record<string, string> } = {},
): Response {
  const status = ERROR_STATUS[code];
  const body = {
    type: `https://invitekit.dev/errors/${code}`,
    title: title(code),
    status,
    code,
    detail,
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
  };
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...extra.headers },
  });
}

export function problemFromError(error: unknown): Response {
  if (error instanceof EngineError) {
    const headers: Record<string, string> = {};
    if (error.retryAfter !== undefined) headers['Retry-After'] = String(error.retryAfter);
    return problem(error.code, error.detail, { errors: error.fieldErrors, headers });
  }
  if (error instanceof BodyTooLarge) {
    return problem('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`);
  }
  throw error;
}

export class BodyTooLarge extends Error {}

/** What a malformed Authorization header stands for: credentials that match no token (a token holds no NUL). */
const MALFORMED_CREDENTIALS = '\u0000malformed-authorization';

/**
 * The bearer token, else the session cookie (the host's sign-in), else null. A malformed Authorization header
 * (another scheme, or a bare token without `Bearer`) counts as unknown credentials, so the admin surface answers
 * `unauthenticated` even when its text happens to be a token.
 */
export function credentialsOf(request: Request, cookies: Record<string, string>): string | null {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? MALFORMED_CREDENTIALS;
  }
  return cookies[SESSION_COOKIE] || null;
}

/** The client address for rate limits: the first `x-forwarded-for` entry, else `local`. */
export function remoteOf(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
}

/**
 * The JSON body: `undefined` when empty, a {@link MalformedJson} when not JSON (the engine reports it after
 * authentication), {@link BodyTooLarge} past 64 KiB.
 */
export async function readBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw new BodyTooLarge();
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return new MalformedJson(error instanceof Error ? error.message : 'cannot parse');
  }
}

/**
 * The query string as the engine's schemas take it: only the named keys (others are ignored), empty values
 * dropped, comma lists split, whole numbers converted (anything else stays a string for the schema to refuse).
 */
export function queryOf(
  url: string,
  keys: { lists?: string[]; ints?: string[]; strings?: string[] },
): Record<string, unknown> {
  const params = new URL(url).searchParams;
  const out: Record<string, unknown> = {};
  for (const key of keys.strings ?? []) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  for (const key of keys.lists ?? []) {
    const value = params.get(key);
    if (value)
      out[key] = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  }
  for (const key of keys.ints ?? []) {
    const value = params.get(key);
    if (value) out[key] = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value;
  }
  return out;
}

export function json(data: unknown, status = 200): Response {
  return HttpResponse.json(data as Record<string, unknown>, { status });
}

export function noContent(): Response {
  return new HttpResponse(null, { status: 204 });
}
