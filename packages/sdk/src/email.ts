// White space, control characters (Unicode category Cc: C0, DEL, C1) and invisible or formatting characters
// (category Cf: U+200B zero-width space, U+202E right-to-left override, U+FEFF, soft hyphen...) make an address
// unusable: with them, an address would look like another one in every list (rules.md, Inviting).
const FORBIDDEN = /[\s\p{Cc}\p{Cf}]/u;

/**
 * Whether `address` is usable per rules.md: exactly one `@`, a non-empty local part of at most 64 characters,
 * a domain with a dot, at most 254 characters in all, no spaces, no control, invisible or formatting characters.
 * The caller trims first; this function does not.
 */
export function isUsableEmail(address: string): boolean {
  if (address.length === 0 || address.length > 254 || FORBIDDEN.test(address)) return false;
  const at = address.indexOf('@');
  // No `@` at all is -1 for both searches: "exactly one" needs the check that there is one.
  if (at < 0 || at !== address.lastIndexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length === 0 || local.length > 64) return false;
  // "a domain with a dot": the dot must separate two non-empty labels.
  return domain.split('.').length >= 2 && domain.split('.').every((label) => label.length > 0);
}

/**
 * The form addresses are stored and compared in: trimmed, in Unicode compatibility form (NFKC, so that a
 * full-width `ＡＤＭＩＮ@acme.test` is `admin@acme.test`, not a look-alike of it), and lower-cased.
 */
export function normalizeEmail(address: string): string {
  return address.trim().normalize('NFKC').toLowerCase();
}

/** Whether `address`, in the form it would be stored in ({@link normalizeEmail}), is usable. */
export function isUsableNormalized(address: string): boolean {
  return isUsableEmail(normalizeEmail(address));
}

/** A list of strings that keeps the first spelling of each, compared case-insensitively, in order of arrival. */
export class CaseInsensitiveList {
  readonly items: string[] = [];
  private readonly seen = new Set<string>();

  add(value: string): void {
    const key = value.normalize('NFKC').toLowerCase();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(value);
  }
}

/** The first user-perceived character (grapheme) of `text`: a whole emoji or letter with its combining marks. */
function firstGrapheme(text: string): string {
  const first = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment;
}

/**
 * `jane@example.com` → `j***@example.com`: enough for the invitee to recognise, useless to a scraper. The kept
 * character is a whole grapheme, never half of one (`👩‍💻***@example.com`, `é***@...` with its combining accent).
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${firstGrapheme(address.slice(0, at))}***${address.slice(at)}`;
}
