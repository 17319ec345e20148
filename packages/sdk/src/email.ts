// Any control character (C0, DEL, C1) or any white space makes an address unusable.
const FORBIDDEN = /[\s\u0000-\u001f\u007f-\u009f]/u;

/**
 * Whether `address` is usable per rules.md: one `@`, a non-empty local part of at most 64 characters,
 * a domain with a dot, at most 254 characters in all, no spaces or control characters.
 * The caller trims first; this function does not.
 */
export function isUsableEmail(address: string): boolean {
  if (address.length === 0 || address.length > 254 || FORBIDDEN.test(address)) return false;
  const at = address.indexOf('@');
  if (at !== address.lastIndexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length === 0 || local.length > 64) return false;
  // "a domain with a dot": the dot must separate two non-empty labels.
  return domain.split('.').length >= 2 && domain.split('.').every((label) => label.length > 0);
}

/** The form addresses are stored and compared in: trimmed and lower-cased. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** A list of strings that keeps the first spelling of each, compared case-insensitively, in order of arrival. */
export class CaseInsensitiveList {
  readonly items: string[] = [];
  private readonly seen = new Set<string>();

  add(value: string): void {
    const key = value.toLowerCase();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(value);
  }
}

/** `jane@example.com` → `j***@example.com`: enough for the invitee to recognise, useless to a scraper. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
