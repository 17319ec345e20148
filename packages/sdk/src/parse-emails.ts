/**
 * `parseEmailList(text)`: the addresses someone pasted into the invite dialog, as mail clients copy them.
 *
 * Accepted: addresses separated by commas, semicolons, white space or new lines; `Display Name <address>`
 * entries (the name may hold spaces, and commas or semicolons inside double quotes: `"Doe, Jane" <jane@x.co>`);
 * Outlook's unquoted `Doe, Jane <jane@x.co>; Roe, Rick <rick@x.co>`; bare `<address>`; a `mailto:` prefix.
 */
import { CaseInsensitiveList, isUsableEmail } from './email.js';

export interface ParsedEmailList {
  /** Usable addresses (isUsableEmail), in order of first appearance, de-duplicated case-insensitively (first spelling kept). */
  emails: string[];
  /** Tokens that are not usable addresses, as written (trimmed), de-duplicated case-insensitively. */
  invalid: string[];
}

const SEPARATORS = ',;\n\r';
const SPACE = /\s/u;

interface Segment {
  text: string;
  /** The separator that ended the segment ('' at the end of the text). */
  end: string;
}

/** Index of the closing `close` for the opener at `start`, when it comes before any of `stops`; else -1. */
function closing(text: string, start: number, close: string, stops: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === close) return i;
    if (stops.includes(char)) return -1;
  }
  return -1;
}

/** Where a quoted string or an angle-bracket group starting at `i` ends, or `i` when the opener is unbalanced. */
function skipGroup(text: string, i: number): number {
  const char = text[i];
  if (char === '"') return Math.max(i, closing(text, i, '"', '\n\r'));
  // An address holds no white space, so a `<` whose `>` lies past a space is a stray half of a selection.
  if (char === '<') return Math.max(i, closing(text, i, '>', SEPARATORS + '<" \t'));
  return i;
}

/** Splits at separators that are outside quotes and angle brackets. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    i = skipGroup(text, i);
    const char = text.charAt(i);
    if (SEPARATORS.includes(char)) {
      out.push({ text: text.slice(start, i), end: char });
      start = i + 1;
    }
  }
  out.push({ text: text.slice(start), end: '' });
  return out;
}

/** Words split at white space outside quotes and angle brackets; `<...>` groups are their own words. */
function words(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const end = skipGroup(text, i);
    if (end > i) {
      if (char === '<' && word) {
        out.push(word);
        word = '';
      }
      word += text.slice(i, end + 1);
      if (char === '<') {
        out.push(word);
        word = '';
      }
      i = end;
    } else if (SPACE.test(char)) {
      if (word) out.push(word);
      word = '';
    } else {
      word += char;
    }
  }
  if (word) out.push(word);
  return out;
}

const isBracketed = (word: string) => word.length >= 2 && word.startsWith('<') && word.endsWith('>');
const isQuoted = (word: string) => word.length >= 2 && word.startsWith('"') && word.endsWith('"');

/** The address a word stands for: `<a@x.co>` and `mailto:a@x.co` both give `a@x.co`. */
function unwrap(word: string): string {
  // An unbalanced `<a@x.co` or `a@x.co>` (half a selection) loses its stray bracket too.
  const inner = word.replace(/^<|>$/g, '').trim();
  return inner.replace(/^mailto:/i, '');
}

/** The address candidates among the words of one segment, names dropped. */
function candidates(parts: string[], nextIsNamedEntry: boolean, endsWithComma: boolean): string[] {
  if (parts.some(isBracketed)) {
    // `Name <address>`: the bracketed words are addresses; unquoted words holding an `@` are addresses typed
    // beside the entry without a separator; everything else is the display name.
    return parts.filter((word) => isBracketed(word) || (!isQuoted(word) && word.includes('@')));
  }
  const hasAddress = parts.some((word) => word.includes('@'));
  // Outlook copies `Doe, Jane <jane@x.co>`: a comma-ended segment without any address, followed by a named
  // entry, is the first half of a display name, not a mistyped address.
  if (!hasAddress && endsWithComma && nextIsNamedEntry) return [];
  // `"Jane Doe" jane@x.co`: a quoted word beside an address is its name.
  return hasAddress ? parts.filter((word) => !isQuoted(word)) : parts;
}

/** Whether the words of a segment read `Some Name <address>` (a name before the first bracket). */
function isNamedEntry(parts: string[] | undefined): boolean {
  if (!parts) return false;
  const first = parts.findIndex(isBracketed);
  return first > 0 && parts.slice(0, first).every((word) => !word.includes('@'));
}

/** Parses a pasted list of addresses; never throws (nothing, from a JavaScript caller, is an empty list). */
export function parseEmailList(text: string | null | undefined): ParsedEmailList {
  const emails = new CaseInsensitiveList();
  const invalid = new CaseInsensitiveList();
  const list = segments(text ?? '');
  // Each segment's words are read once: a segment is also looked at from the one before it.
  const wordsOf = list.map((segment) => words(segment.text));
  list.forEach((segment, index) => {
    for (const word of candidates(wordsOf[index] ?? [], isNamedEntry(wordsOf[index + 1]), segment.end === ',')) {
      const address = unwrap(word).trim();
      if (address !== '' && isUsableEmail(address)) emails.add(address);
      else if (word.trim() !== '') invalid.add(word.trim());
    }
  });
  return { emails: emails.items, invalid: invalid.items };
}
