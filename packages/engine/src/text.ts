/**
 * Text PostgreSQL can store as given: no NUL (U+0000, which `text` refuses) and no lone surrogate (not Unicode,
 * so a driver would store U+FFFD in its place). The HTTP layer refuses such text as `invalid_request` before any
 * rule runs (api.md, Requests), so no client can make the database fail.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Why `text` cannot be stored, for an `errors[].message`. */
export function unstorableReason(text: string): string {
  return text.includes('\u0000')
    ? 'Contains a NUL character (U+0000)'
    : 'Contains a lone surrogate (not valid Unicode text)';
}

/** The path (`name`, `emails[2]`) of the first string in a JSON value that cannot be stored, keys included. */
export function firstUnstorable(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorable(value) ? undefined : path || 'body';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUnstorable(value[i], `${path}[${String(i)}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorable(key)) return at;
      const found = firstUnstorable(item, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
