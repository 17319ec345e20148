/**
 * What `<invite-dialog>` does with a CSV file, loaded the first time someone chooses one (with the SDK's parser,
 * which loads d3-dsv in turn): it adds the file's addresses to the list, then accounts for every row of the file,
 * against the preview before sending and against the server's answer after, so that the rows the admin sees add
 * up to the rows of the file. Each row is one of: invited, skipped by the server with its reason, skipped before
 * sending with its reason, a duplicate of an earlier row (named), or without an address.
 */
import type { TemplateResult, html as litHtml, nothing as litNothing } from 'lit';
import type { CreateInvitationsResult, SkipReason } from '@invitekit/sdk';
import { loadCsvParser, parseCsvEmails, type CsvRow, type ParsedCsv } from '@invitekit/sdk/csv';
import { isInvitekitError } from '@invitekit/sdk/errors';
import { MAX_CSV_ROWS, MAX_EMAILS_PER_INVITE } from '@invitekit/sdk/limits';
import { parseEmailList } from '@invitekit/sdk/parse-emails';
import { languageReady, pickStrings } from '../shared/i18n.js';
import { csvReportStrings, type CsvReportStrings } from './csv-report.strings.js';

export type { CsvReportStrings };

/** A file read into the list: its rows, and the addresses that did not fit in the batch. */
export interface CsvUpload {
  file: string;
  parsed: ParsedCsv;
  /** Keys ({@link key}) of the file's addresses left out because the list was full. */
  overLimit: Set<string>;
}

/** How addresses compare: as the SDK's de-duplication and the server compare them. */
const key = (email: string) => email.trim().normalize('NFKC').toLowerCase();

/**
 * Reads `file` and appends its addresses to `text`: those already in the list are not repeated, and those past
 * the batch limit are not added (their rows say so). Malformed addresses stay out of the list: their rows name
 * them. Throws the SDK's `CsvError` for a file over the limits of rules.md.
 */
export async function readCsv(file: File, text: string): Promise<{ text: string; upload: CsvUpload }> {
  const parsed = await parseCsvEmails(file);
  const listed = parseEmailList(text);
  const present = new Set([...listed.emails, ...listed.invalid].map(key));
  let room = MAX_EMAILS_PER_INVITE - present.size;
  const added: string[] = [];
  const overLimit = new Set<string>();
  for (const email of parsed.emails) {
    if (present.has(key(email))) continue;
    if (room > 0) {
      added.push(email);
      room--;
    } else {
      overLimit.add(key(email));
    }
  }
  return { text: [text.trim(), ...added].filter(Boolean).join('\n'), upload: { file: file.name, parsed, overLimit } };
}

/**
 * Loads the parser, and the report's strings in `lang` (French, say) before the first render that reads them.
 * Rejects when the parser could not be downloaded: nothing has been read then (strings that did not load fall
 * back to English).
 */
export async function ready(lang: string): Promise<void> {
  await Promise.all([loadCsvParser(), languageReady(lang)]);
}

type Outcome =
  | { kind: 'invite' }
  | { kind: 'unchecked' }
  /** The server's answer (preview or send): already a member, domain not allowed… */
  | { kind: 'refused'; shows: string; why: string }
  /** Left out of the list before sending: malformed, over the batch limit, removed by hand. */
  | { kind: 'skipped'; shows: string; why: string }
  | { kind: 'duplicate'; shows: string; why: string }
  | { kind: 'empty'; why: string };

interface Context {
  upload: CsvUpload;
  /** Keys of the addresses in the list now. */
  listed: Set<string>;
  /** The server's answer by address key (`send` or the skip reason); undefined until the preview answers. */
  answers: Map<string, SkipReason | 'send'> | undefined;
  words: CsvReportStrings;
  reasons: Record<SkipReason, string>;
}

/** What happens to one address of the file. */
function addressOutcome(email: string, ctx: Context): Outcome {
  const k = key(email);
  if (ctx.upload.overLimit.has(k)) {
    return { kind: 'skipped', shows: email, why: ctx.words.csvOverLimit(MAX_EMAILS_PER_INVITE) };
  }
  if (!ctx.listed.has(k)) return { kind: 'skipped', shows: email, why: ctx.words.csvRemoved };
  const answer = ctx.answers?.get(k);
  if (!answer) return { kind: 'unchecked' };
  return answer === 'send' ? { kind: 'invite' } : { kind: 'refused', shows: email, why: ctx.reasons[answer] };
}

/**
 * One row, one outcome: invited when any of its addresses will be; else the first reason one of its own
 * addresses is skipped; else its malformed address; else the earlier row it repeats; else it holds no address.
 */
function rowOutcome(row: CsvRow, ctx: Context): Outcome {
  const outcomes = row.emails.map((email) => addressOutcome(email, ctx));
  const decided =
    outcomes.find((o) => o.kind === 'invite') ??
    outcomes.find((o) => o.kind === 'unchecked') ??
    outcomes.find((o) => o.kind === 'refused' || o.kind === 'skipped');
  if (decided) return decided;
  const malformed = row.invalid[0];
  if (malformed !== undefined) return { kind: 'skipped', shows: malformed, why: ctx.words.csvMalformed };
  const repeated = row.duplicates[0];
  if (repeated) return { kind: 'duplicate', shows: repeated.email, why: ctx.words.csvDuplicateOf(repeated.of) };
  return { kind: 'empty', why: ctx.words.csvNoAddress };
}

export interface ReportInput {
  upload: CsvUpload;
  /** The addresses in the list now (the file's, the typed ones, minus any removed since). */
  addresses: string[];
  /** The server's answer for exactly that list: the preview's once it has one, or the send's. */
  answer: CreateInvitationsResult | undefined;
  /** Whether `answer` is the send's: the report then says what happened, not what will. */
  sent?: boolean;
  lang: string;
  reasons: Record<SkipReason, string>;
  overrides: Partial<CsvReportStrings> | undefined;
}

/** The server's answer for each address: `send`, or why it is skipped. */
function answersOf(answer: CreateInvitationsResult): Map<string, SkipReason | 'send'> {
  const answers = new Map<string, SkipReason | 'send'>(answer.sent.map((inv) => [key(inv.email), 'send']));
  for (const skip of answer.skipped) answers.set(key(skip.email), skip.reason);
  return answers;
}

/** Every row with its outcome, and the counts by outcome (which add up to the file's rows). */
function account(input: ReportInput) {
  const words = pickStrings(csvReportStrings, input.lang, input.overrides);
  const answers = input.answer && answersOf(input.answer);
  const ctx: Context = {
    upload: input.upload,
    listed: new Set(input.addresses.map(key)),
    answers,
    words,
    reasons: input.reasons,
  };
  const rows = input.upload.parsed.rows.map((row) => ({ row: row.row, outcome: rowOutcome(row, ctx) }));
  const count = (kind: Outcome['kind']) => rows.filter((r) => r.outcome.kind === kind).length;
  return {
    words,
    rows,
    counts: {
      invite: count('invite'),
      unchecked: count('unchecked'),
      refused: count('refused'),
      skipped: count('skipped'),
      duplicate: count('duplicate'),
      empty: count('empty'),
    },
  };
}

/** The counts of the status line, in the words of the preview or of the sent result. */
function countParts(
  words: CsvReportStrings,
  lang: string,
  counts: ReturnType<typeof account>['counts'],
  sent: boolean,
) {
  const parts = sent
    ? [
        counts.invite && words.csvWereInvited(lang, counts.invite),
        counts.refused && words.csvRefused(lang, counts.refused),
        counts.skipped && words.csvLeftOut(lang, counts.skipped),
      ]
    : [
        counts.invite && words.csvInvited(lang, counts.invite),
        counts.unchecked && words.csvUnchecked(lang, counts.unchecked),
        counts.refused + counts.skipped && words.csvSkipped(lang, counts.refused + counts.skipped),
      ];
  parts.push(
    counts.duplicate && words.csvDuplicates(lang, counts.duplicate),
    counts.empty && words.csvEmpty(lang, counts.empty),
  );
  return parts.filter((part): part is string => Boolean(part));
}

/**
 * The report: a status line ("team.csv: 6 rows: 3 will be invited, 1 skipped, 1 duplicate of an earlier row, 1
 * without an email address.") and the rows that will not be invited, each with its number, what it holds and
 * why, then a line about the name column when the file has one. After sending (`sent`), the same in the past
 * ("2 invited, 1 skipped by the server, 1 skipped before sending…"), and `others`: the server's refusals that no
 * row shows (typed addresses, or a second address on an invited row), for the dialog to list, so that each
 * refusal is said once. lit's `html` and `nothing` come from the dialog rather than an import: a lazy chunk
 * importing lit makes bundlers move lit out of the dialog's own file into a shared one, and the dialog's first
 * download grows by that split.
 */
export function report(
  input: ReportInput,
  { html, nothing }: { html: typeof litHtml; nothing: typeof litNothing },
): { summary: string; details: TemplateResult; others: CreateInvitationsResult['skipped'] } {
  const { words, counts, rows } = account(input);
  const lang = input.lang;
  const sent = input.sent === true;
  const left = rows.flatMap(({ row, outcome }) =>
    outcome.kind === 'invite' || outcome.kind === 'unchecked' ? [] : [{ row, outcome }],
  );
  const shown = new Set(left.flatMap(({ outcome }) => ('shows' in outcome ? [key(outcome.shows)] : [])));
  const nameColumn = input.upload.parsed.nameColumn;
  const file = input.upload.file;
  const details = html`${
    left.length
      ? html`<ul
          class="csv-rows"
          part="csv-rows"
          aria-label=${sent ? words.csvRowsNotInvitedLabel(file) : words.csvRowsLabel(file)}
        >
          ${left.map(
            ({ row, outcome }) =>
              html`<li>
                <span
                  ><span class="row-number">${words.csvRow(row)}</span>
                  ${'shows' in outcome ? html`<span class="address">${outcome.shows}</span>` : nothing}</span
                >
                <span class=${outcome.kind === 'empty' ? 'muted' : 'warning'}>${outcome.why}</span>
              </li>`,
          )}
        </ul>`
      : nothing
  }
  ${nameColumn && !sent ? html`<p class="muted csv-names">${words.csvNamesIgnored(nameColumn)}</p>` : nothing}`;
  return {
    summary: words.csvSummary(lang, file, rows.length, countParts(words, lang, counts, sent)),
    details,
    others: (input.answer?.skipped ?? []).filter((skip) => !shown.has(key(skip.email))),
  };
}

/**
 * Why {@link readCsv} added nothing: a file refused for its size (rules.md: the whole file, before anything is
 * sent), else a file the browser could not read (moved or changed since it was chosen).
 */
export function refusal(error: unknown, lang: string, overrides: Partial<CsvReportStrings> | undefined): string {
  const words = pickStrings(csvReportStrings, lang, overrides);
  return isInvitekitError(error) && error.kind === 'csv' ? words.csvTooManyRows(MAX_CSV_ROWS) : words.csvUnreadable;
}
