/**
 * The strings of the CSV report, loaded with it when someone chooses a file: a dialog that never sees a file never
 * downloads them. A host replaces any of them through the dialog's `strings`, like the dialog's own.
 */
import { plural, catalogues, type Catalogues } from '../shared/i18n.js';

export interface CsvReportStrings {
  /** The status line: the file, its rows, and how many of them land in each outcome (the counts add up). */
  csvSummary: (lang: string, file: string, rows: number, counts: string[]) => string;
  csvInvited: (lang: string, rows: number) => string;
  csvUnchecked: (lang: string, rows: number) => string;
  csvSkipped: (lang: string, rows: number) => string;
  csvDuplicates: (lang: string, rows: number) => string;
  csvEmpty: (lang: string, rows: number) => string;
  /** After sending: rows invited, rows the server skipped (already a member…), rows left out before sending. */
  csvWereInvited: (lang: string, rows: number) => string;
  csvRefused: (lang: string, rows: number) => string;
  csvLeftOut: (lang: string, rows: number) => string;
  /** The name of the list of rows that will not be invited. */
  csvRowsLabel: (file: string) => string;
  /** The same list after sending. */
  csvRowsNotInvitedLabel: (file: string) => string;
  csvRow: (row: number) => string;
  /** Why a row is not invited, beside its row number and what it holds. */
  csvMalformed: string;
  csvOverLimit: (max: number) => string;
  csvRemoved: string;
  csvDuplicateOf: (row: number) => string;
  csvNoAddress: string;
  /** The file has a name column, which an invitation has no place for. */
  csvNamesIgnored: (column: string) => string;
  csvTooManyRows: (max: number) => string;
  /** The browser could not read the chosen file (moved or changed since): nothing was added. */
  csvUnreadable: string;
}

const en: CsvReportStrings = {
  csvSummary: (lang, file, rows, counts) =>
    `${file}: ${plural(lang, rows, { one: '# row', other: '# rows' })}` +
    (counts.length ? `: ${counts.join(', ')}.` : '.'),
  csvInvited: (lang, rows) => plural(lang, rows, { one: '# will be invited', other: '# will be invited' }),
  csvUnchecked: (lang, rows) => plural(lang, rows, { one: '# not checked yet', other: '# not checked yet' }),
  csvSkipped: (lang, rows) => plural(lang, rows, { one: '# skipped', other: '# skipped' }),
  csvDuplicates: (lang, rows) =>
    plural(lang, rows, { one: '# duplicate of an earlier row', other: '# duplicates of earlier rows' }),
  csvEmpty: (lang, rows) =>
    plural(lang, rows, { one: '# without an email address', other: '# without an email address' }),
  csvWereInvited: (lang, rows) => plural(lang, rows, { one: '# invited', other: '# invited' }),
  csvRefused: (lang, rows) => plural(lang, rows, { one: '# skipped by the server', other: '# skipped by the server' }),
  csvLeftOut: (lang, rows) =>
    plural(lang, rows, { one: '# skipped before sending', other: '# skipped before sending' }),
  csvRowsLabel: (file) => `Rows of ${file} that will not be invited`,
  csvRowsNotInvitedLabel: (file) => `Rows of ${file} that were not invited`,
  csvRow: (row) => `Row ${String(row)}`,
  csvMalformed: 'malformed address, not added',
  csvOverLimit: (max) => `over the limit of ${String(max)} addresses in one batch, not added`,
  csvRemoved: 'removed from the list',
  csvDuplicateOf: (row) => `duplicate of row ${String(row)}`,
  csvNoAddress: 'no email address',
  csvNamesIgnored: (column) =>
    `The “${column}” column is not used: an invitation holds only the address and the role, and each person gives their name when accepting.`,
  csvTooManyRows: (max) =>
    `This file has more than ${String(max)} lines. Split it into files of ${String(max)} rows or fewer and upload them one at a time.`,
  csvUnreadable:
    'The file could not be read: it may have been moved or changed since you chose it. Nothing was added to the list. Choose it again.',
};

export const csvReportStrings: Catalogues<CsvReportStrings> = catalogues(en, {
  fr: () => import('./csv-report.strings.fr.js'),
});
