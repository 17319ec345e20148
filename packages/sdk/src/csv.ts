/**
 * `parseCsvEmails(textOrFile)`: the addresses of an uploaded CSV file, per rules.md (Bulk upload).
 *
 * The CSV grammar (RFC 4180 quotes and line breaks) is d3-dsv's, an ES module loaded with a dynamic import so
 * that a page which never parses a file never downloads it, and that loads wherever the elements load (bundlers,
 * Node, a page with an import map and no bundler).
 */
import { CaseInsensitiveList } from './email.js';
import { CsvError } from './errors.js';
import { MAX_CSV_ROWS, MAX_EMAILS_PER_INVITE } from './limits.js';
import { parseEmailList } from './parse-emails.js';

export interface ParsedCsv {
  /** Usable addresses, in file order, de-duplicated case-insensitively (first spelling kept). */
  emails: string[];
  /** Address-like fields (holding an `@`) that are not usable addresses, as written. */
  invalid: string[];
  /** 1-based row numbers (the header, if any, is row 1) of rows that hold no address. */
  ignoredRows: number[];
  /** Rows besides the header and blank rows. */
  rowCount: number;
}

type Dsv = typeof import('d3-dsv');

let dsv: Promise<Dsv> | undefined;
function loadDsv(): Promise<Dsv> {
  dsv ??= import('d3-dsv');
  return dsv;
}

/** The delimiters spreadsheets write. `|` is not one of them: it may appear inside an address and would split it. */
const DELIMITERS = [',', ';', '\t'] as const;
/** How many rows the delimiter guess looks at. */
const GUESS_ROWS = 10;

/**
 * The delimiter that splits the first rows into the steadiest number of fields (more than one on some row),
 * ties going to the one that gives more fields; a comma when none splits anything (one column of addresses).
 */
function guessDelimiter(text: string, formatOf: Dsv['dsvFormat']): string {
  let best: { delimiter: string; spread: number; fields: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const counts = formatOf(delimiter)
      .parseRows(text)
      .filter((row) => row.some((field) => field.trim() !== ''))
      .slice(0, GUESS_ROWS)
      .map((row) => row.length);
    const fields = counts.reduce((sum, count) => sum + count, 0) / Math.max(counts.length, 1);
    if (!counts.some((count) => count > 1)) continue;
    const spread = counts.reduce((sum, count, i) => sum + Math.abs(count - (counts[i - 1] ?? count)), 0);
    if (!best || spread < best.spread || (spread === best.spread && fields > best.fields)) {
      best = { delimiter, spread, fields };
    }
  }
  return best?.delimiter ?? ',';
}

/** What one row holds: its usable addresses and its unusable address-like fields. */
function addressesOf(row: string[]): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const field of row) {
    // Only a field holding an `@` is an address attempt; names, roles and notes are not reported as invalid.
    if (!field.includes('@')) continue;
    const parsed = parseEmailList(field);
    emails.push(...parsed.emails);
    invalid.push(...parsed.invalid.filter((token) => token.includes('@')));
  }
  return { emails, invalid };
}

function tooMany(what: string, count: number, limit: number): CsvError {
  return new CsvError(
    `This file has ${count} ${what}; one upload takes at most ${limit}. ` +
      `Split it into blocks of ${limit} and upload them one after another.`,
  );
}

/**
 * Reads the addresses of a CSV file (a string, or a Blob/File read as UTF-8; a BOM is dropped).
 * Throws a {@link CsvError} (`csv_too_many_rows`) for more than 100 rows besides the header or more than 100
 * addresses, before anything is sent. Any other content parses (best effort) without throwing.
 */
export async function parseCsvEmails(input: string | Blob): Promise<ParsedCsv> {
  const raw = typeof input === 'string' ? input : await input.text();
  // One line ending for the whole file: a file edited on two systems mixes them, and a lone CR (old Mac
  // exports) is a line end too. Quoted fields lose their CRs as well, which no address needs.
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { dsvFormat } = await loadDsv();
  // Every row, blank ones included, so that row numbers match what a spreadsheet shows.
  const data = dsvFormat(guessDelimiter(text, dsvFormat)).parseRows(text);

  const emails = new CaseInsensitiveList();
  const invalid = new CaseInsensitiveList();
  const ignoredRows: number[] = [];
  let rowCount = 0;
  let sawFirstRow = false;

  data.forEach((fields, index) => {
    if (fields.every((field) => field.trim() === '')) return; // blank rows (a trailing newline, say) are not rows
    const found = addressesOf(fields);
    const holdsAddress = found.emails.length > 0 || found.invalid.length > 0;
    const isHeader = !sawFirstRow && !holdsAddress;
    sawFirstRow = true;
    if (isHeader) return;
    rowCount++;
    if (!holdsAddress) ignoredRows.push(index + 1);
    for (const address of found.emails) emails.add(address);
    for (const token of found.invalid) invalid.add(token);
  });

  if (rowCount > MAX_CSV_ROWS) throw tooMany('rows besides the header', rowCount, MAX_CSV_ROWS);
  const addresses = emails.items.length + invalid.items.length;
  if (addresses > MAX_EMAILS_PER_INVITE) throw tooMany('addresses', addresses, MAX_EMAILS_PER_INVITE);
  return { emails: emails.items, invalid: invalid.items, ignoredRows, rowCount };
}
