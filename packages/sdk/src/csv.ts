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
  /** Malformed addresses, as written: address-like fields (an `@`, or any text in the email column). */
  invalid: string[];
  /** 1-based row numbers (the header, if any, is row 1) of rows that hold no address. */
  ignoredRows: number[];
  /** Rows besides the header and blank rows. */
  rowCount: number;
  /** Each of those rows, in file order, with what it holds: `rows.length === rowCount`. */
  rows: CsvRow[];
  /** The header of the file's name column (`Name`, `Full name`…), or null when it has none. */
  nameColumn: string | null;
}

/** One data row of a CSV file: every address on it lands in exactly one of its lists. */
export interface CsvRow {
  /** 1-based, counting the header and blank rows, as a spreadsheet numbers it. */
  row: number;
  /** Usable addresses seen here first in the file. */
  emails: string[];
  /** Malformed addresses, as written. */
  invalid: string[];
  /** Usable addresses already on an earlier row, each with that row's number. */
  duplicates: { email: string; of: number }[];
  /** The name column's value, trimmed ('' when empty); absent when the file has no name column. */
  name?: string;
}

type Dsv = typeof import('d3-dsv');

let dsv: Promise<Dsv> | undefined;
function loadDsv(): Promise<Dsv> {
  // A failed load (offline, a CDN error) is forgotten, so that the next file tries again instead of failing forever.
  dsv ??= import('d3-dsv').catch((error: unknown) => {
    dsv = undefined;
    throw error;
  });
  return dsv;
}

/**
 * Loads the CSV parser ahead of {@link parseCsvEmails}, so that a caller can tell a parser that could not be
 * downloaded (offline) from a file that could not be read. Rejects with the loader's error; the next call tries
 * again.
 */
export async function loadCsvParser(): Promise<void> {
  await loadDsv();
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

/** Header texts of an email column, and of a name column, in the languages spreadsheets are kept in. */
const EMAIL_HEADER = /e-?mail|courriel|correo|address|adresse/i;
const NAME_HEADER = /name|nom|nombre|vorname|nachname/i;

/** The columns a header names: which field is the email address and which is the name, when it says so. */
function columnsOf(header: string[]): { email: number; name: number } {
  const email = header.findIndex((field) => EMAIL_HEADER.test(field));
  const name = header.findIndex((field, i) => i !== email && NAME_HEADER.test(field));
  return { email, name };
}

/**
 * What one row holds: its usable addresses and its malformed ones. A field is an address attempt when it holds
 * an `@`, or when it is the email column (`jane.example.com` under "Email" is a mistyped address, not a name);
 * other fields (names, roles, notes) are never reported.
 */
function addressesOf(row: string[], emailColumn: number): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  row.forEach((field, i) => {
    if (field.includes('@')) {
      const parsed = parseEmailList(field);
      emails.push(...parsed.emails);
      invalid.push(...parsed.invalid.filter((token) => token.includes('@')));
    } else if (i === emailColumn && field.trim() !== '') {
      invalid.push(field.trim());
    }
  });
  return { emails, invalid };
}

/** Builds the rows: first sightings of an address go to `emails`, later ones to `duplicates` naming the first. */
class RowBook {
  readonly rows: CsvRow[] = [];
  readonly emails = new CaseInsensitiveList();
  readonly invalid = new CaseInsensitiveList();
  private readonly firstRow = new Map<string, number>();

  add(row: number, found: { emails: string[]; invalid: string[] }, name: string | undefined): void {
    const entry: CsvRow = { row, emails: [], invalid: [], duplicates: [], ...(name === undefined ? {} : { name }) };
    for (const email of found.emails) {
      const key = email.normalize('NFKC').toLowerCase();
      const first = this.firstRow.get(key);
      if (first === undefined) {
        this.firstRow.set(key, row);
        entry.emails.push(email);
        this.emails.add(email);
      } else if (first !== row) {
        entry.duplicates.push({ email, of: first });
      }
    }
    const invalid = new CaseInsensitiveList();
    for (const token of found.invalid) invalid.add(token);
    entry.invalid = invalid.items;
    for (const token of invalid.items) this.invalid.add(token);
    this.rows.push(entry);
  }
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

  const book = new RowBook();
  // A file of one column is a list of addresses, whatever its header says: every value in it is an attempt.
  let columns = { email: data.every((row) => row.length <= 1) ? 0 : -1, name: -1 };
  let nameColumn: string | null = null;
  let sawFirstRow = false;

  data.forEach((fields, index) => {
    if (fields.every((field) => field.trim() === '')) return; // blank rows (a trailing newline, say) are not rows
    if (!sawFirstRow) {
      sawFirstRow = true;
      if (!fields.some((field) => field.includes('@'))) {
        columns = fields.length > 1 ? columnsOf(fields) : columns;
        nameColumn = fields[columns.name]?.trim() ?? null;
        return; // the header
      }
    }
    const name = columns.name >= 0 ? (fields[columns.name] ?? '').trim() : undefined;
    book.add(index + 1, addressesOf(fields, columns.email), name);
  });

  const rows = book.rows;
  if (rows.length > MAX_CSV_ROWS) throw tooMany('rows besides the header', rows.length, MAX_CSV_ROWS);
  const addresses = book.emails.items.length + book.invalid.items.length;
  if (addresses > MAX_EMAILS_PER_INVITE) throw tooMany('addresses', addresses, MAX_EMAILS_PER_INVITE);
  const ignoredRows = rows
    .filter((r) => r.emails.length + r.invalid.length + r.duplicates.length === 0)
    .map((r) => r.row);
  return {
    emails: book.emails.items,
    invalid: book.invalid.items,
    ignoredRows,
    rowCount: rows.length,
    rows,
    nameColumn,
  };
}
