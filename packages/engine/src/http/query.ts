/**
 * Query strings as the engine's query schemas take them, driven by those very schemas (the SDK's zod/mini
 * `List…Query`), so there is no second list of keys to keep: a key whose field is an array is a comma list,
 * a numeric field is converted when it is a whole number (anything else stays a string for the schema to
 * refuse), and a key the schema does not know is left out (links carry tracking and cache-busting parameters).
 */
import type * as z from 'zod/mini';
import { isStorable, unstorableReason } from '../text.js';
import { invalidRequest } from './problem.js';

type Kind = 'list' | 'number' | 'string' | 'unknown';

/** What the field `key` of `schema` holds, looking through `optional`/`nullable`/`default` wrappers. */
function kindOf(schema: z.ZodMiniObject, key: string): Kind {
  if (!Object.hasOwn(schema._zod.def.shape, key)) return 'unknown';
  let field: z.core.$ZodType | undefined = schema._zod.def.shape[key];
  while (field) {
    const def = field._zod.def;
    if (def.type === 'array') return 'list';
    if (def.type === 'number' || def.type === 'int' || def.type === 'bigint') return 'number';
    if ('innerType' in def) field = (def as { innerType: z.core.$ZodType }).innerType;
    else return 'string';
  }
  return 'string';
}

/** Each parameter at most once (api.md, Requests): a repeated one is refused rather than half read. */
export function singleParams(url: URL): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!isStorable(key) || !isStorable(value)) throw invalidRequest(key, unstorableReason(key + value));
    if (out.has(key)) throw invalidRequest(key, 'Appears more than once (send a comma-separated list instead)');
    out.set(key, value);
  }
  return out;
}

/** The query of `url` shaped for `schema`; empty values count as absent. */
export function queryFor(url: URL, schema: z.ZodMiniObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of singleParams(url)) {
    if (value === '') continue;
    switch (kindOf(schema, key)) {
      case 'list':
        out[key] = value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
        break;
      case 'number':
        out[key] = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value;
        break;
      case 'string':
        out[key] = value;
        break;
      case 'unknown':
    }
  }
  return out;
}
