/**
 * `parseCsvEmails(textOrFile)`: the addresses of an uploaded CSV file, per rules.md (Bulk upload).
 *
 * The CSV grammar (quotes, CRLF, delimiters) is papaparse's, loaded with a dynamic import so that a page which
 * never parses a file never downloads it.
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

type Papa = typeof import('papaparse');

let papa: Promise<Papa> | undefined;
function loadPapa(): Promise<Papa> {
  // papaparse is CommonJS: bundlers and Node expose it as the default export, some loaders as the namespace.
  papa ??= import('papaparse').then((module) => ((module as { default?: Papa }).default ?? module) as Papa);
  return papa;
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
  // One line ending for the whole file: papaparse guesses it from the first line, and a file edited on two
  // systems mixes them. Quoted fields lose their CRs too, which no address needs.
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const Papa = await loadPapa();
  // No header mode and no greedy skipping: row numbers must match what a spreadsheet shows. Only the delimiters
  // spreadsheets write are guessed: `|` may appear inside an address and would split it.
  const { data } = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    newline: '\n',
    delimitersToGuess: [',', ';', '\t'],
  });

  const emails = new CaseInsensitiveList();
  const invalid = new CaseInsensitiveList();
  const ignoredRows: number[] = [];
  let rowCount = 0;
  let sawFirstRow = false;

  data.forEach((row, index) => {
    const fields = Array.isArray(row) ? row.map((field) => String(field ?? '')) : [];
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
