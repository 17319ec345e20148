/** Request data checked against the shared zod/mini schemas; failures become `invalid_request` naming fields. */
import type { FieldError } from '@invitekit/sdk';
import type * as z from 'zod/mini';
import { EngineError } from './errors.js';

/** `['emails', 3, 'x']` → `emails[3].x`; the root is `body`. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'body';
}

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

function fieldErrors(issues: readonly IssueLike[], describeUnknown?: (key: string) => string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        out.push({
          field: fieldPath([...issue.path, key]),
          message: describeUnknown?.(key) ?? 'Unknown field',
        });
      }
    } else {
      out.push({ field: fieldPath(issue.path), message: issue.message });
    }
  }
  return out;
}

/**
 * A request body that was not JSON. Adapters hand it to the engine as is, so that the engine's order of checks
 * (authentication first) holds and the JSON error surfaces as `invalid_request` on `body` only afterwards.
 */
export class MalformedJson {
  constructor(readonly reason: string) {}
}

export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
  what: string,
  describeUnknown?: (key: string) => string,
): z.infer<S> {
  if (data instanceof MalformedJson) {
    throw new EngineError('invalid_request', `The body is not valid JSON: ${data.reason}`, {
      fieldErrors: [{ field: 'body', message: 'Malformed JSON' }],
    });
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error.issues, describeUnknown);
  const names = errors.map((e) => e.field).join(', ');
  throw new EngineError('invalid_request', `The ${what} is not valid (${names}).`, { fieldErrors: errors });
}
