/**
 * Request bodies as api.md "Requests" has them: `application/json` (a `charset=utf-8` parameter allowed) or
 * 415; at most 64 KiB or 413; UTF-8 (a decoder that refuses, never a U+FFFD in place of a bad byte) and JSON,
 * else 400; a JSON object where an object is expected. The media type matters beyond hygiene: a cross-site
 * form can post `text/plain` with the host's cookie and no CORS preflight, so only JSON reaches the rules.
 */
import { MAX_BODY_BYTES } from '../limits.js';
import { firstUnstorable } from '../text.js';
import { HttpRefusal, invalidRequest } from './problem.js';

/** An object body, or `undefined` when the request has none. */
export type JsonBody = Record<string, unknown> | undefined;

function tooLarge(limit: number): HttpRefusal {
  return new HttpRefusal('payload_too_large', `Request bodies are limited to ${limit / 1024} KiB.`);
}

/** `application/json`, any case, with no parameter other than `charset=utf-8`. */
function checkMediaType(header: string | null): void {
  const [type = '', ...parameters] = (header ?? '').split(';').map((part) => part.trim());
  const charsetOk = parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=').map((s) => s.trim().toLowerCase());
    if (name === '') return true;
    return name === 'charset' && ['utf-8', '"utf-8"'].includes(value);
  });
  if (type.toLowerCase() !== 'application/json' || !charsetOk) {
    throw new HttpRefusal(
      'unsupported_media_type',
      header
        ? `A request body must be sent as application/json (UTF-8), not ${header}.`
        : 'A request body must be sent with Content-Type: application/json.',
    );
  }
}

/** The body's bytes, refusing past `limit` without buffering more than one chunk beyond it. */
async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a tee'd body (MSW clones requests) settles only once the other
      // branch is cancelled too.
      reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * The request's JSON object body, or `undefined` when it sent none (no bytes at all: a POST that takes no body
 * may omit it). Strings that cannot be stored (text.ts) are refused here, wherever they are in the body.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  const bytes = await readBytes(request, limit);
  const mediaType = request.headers.get('content-type');
  if (bytes.byteLength === 0) {
    // A POST that takes no body may omit it, but a Content-Type it names must be JSON: an empty `text/plain` or
    // form post is what a cross-site form sends, with the cookie and no CORS preflight.
    if (mediaType !== null) checkMediaType(mediaType);
    return undefined;
  }
  checkMediaType(mediaType);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequest('body', 'The body is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpRefusal('invalid_request', `The body is not valid JSON: ${(error as Error).message}`, {
      errors: [{ field: 'body', message: 'Malformed JSON' }],
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('body', `Must be a JSON object, not ${describe(value)}`);
  }
  const unstorable = firstUnstorable(value);
  if (unstorable !== undefined) throw invalidRequest(unstorable, 'Contains a NUL character or a lone surrogate');
  return value as Record<string, unknown>;
}

/** For a POST that takes no body: none, or an empty object (what some clients send for "nothing"). */
export function requireNoFields(body: JsonBody): void {
  const fields = Object.keys(body ?? {});
  if (fields.length > 0) {
    throw new HttpRefusal('invalid_request', 'This request takes no body.', {
      errors: fields.map((field) => ({ field, message: 'Unknown field' })),
    });
  }
}
