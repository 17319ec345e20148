import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCsvEmails } from '../src/csv.js';
import { isUsableEmail } from '../src/email.js';
import { CsvError, isInvitekitError } from '../src/errors.js';

const rows = (count: number, make = (i: number) => `user${i}@x.co`) => Array.from({ length: count }, (_, i) => make(i));

/** Asserts that `promise` rejects with the SDK's csv_too_many_rows error, mentioning blocks of 100. */
async function assertTooMany(promise: Promise<unknown>) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof CsvError);
    assert.ok(isInvitekitError(error));
    assert.equal(error.code, 'csv_too_many_rows');
    assert.match(error.message, /blocks of 100/);
    return true;
  });
}

describe('parseCsvEmails', () => {
  it('reads a header row and every address of every field', async () => {
    const csv = 'Name,Email,Backup\n"Doe, Jane",jane@x.co,\nBob,bob@x.co,robert@y.co\n';
    assert.deepEqual(await parseCsvEmails(csv), {
      emails: ['jane@x.co', 'bob@x.co', 'robert@y.co'],
      invalid: [],
      ignoredRows: [],
      rowCount: 2,
      rows: [
        { row: 2, emails: ['jane@x.co'], invalid: [], duplicates: [], name: 'Doe, Jane' },
        { row: 3, emails: ['bob@x.co', 'robert@y.co'], invalid: [], duplicates: [], name: 'Bob' },
      ],
      nameColumn: 'Name',
    });
  });

  it('takes a first row that holds an address as data, not as a header', async () => {
    const parsed = await parseCsvEmails('a@x.co\nb@x.co');
    assert.deepEqual(parsed.emails, ['a@x.co', 'b@x.co']);
    assert.equal(parsed.rowCount, 2);
  });

  it('reports rows without an address by row number, the header being row 1', async () => {
    const parsed = await parseCsvEmails('email\r\na@x.co\r\nno address here\r\n\r\nb@x.co\r\n,,\r\nnobody,either\r\n');
    assert.deepEqual(parsed.ignoredRows, [3, 7]);
    assert.equal(parsed.rowCount, 4);
    assert.deepEqual(parsed.emails, ['a@x.co', 'b@x.co']);
  });

  it('reads quoted fields with commas, quotes and line breaks', async () => {
    const csv = 'name,email\n"Doe, ""JD"" Jane","jane@x.co"\n"line one\nline two",bob@x.co\n';
    const parsed = await parseCsvEmails(csv);
    assert.deepEqual(parsed.emails, ['jane@x.co', 'bob@x.co']);
    assert.deepEqual(parsed.ignoredRows, []);
  });

  it('reads Name <address> and lists inside one field', async () => {
    const parsed = await parseCsvEmails('to\n"Jane Doe <jane@x.co>; bob@x.co"\n');
    assert.deepEqual(parsed.emails, ['jane@x.co', 'bob@x.co']);
  });

  it('reports address-like fields that are not usable, but not names', async () => {
    const parsed = await parseCsvEmails('name,email\nJane Doe,jane@\nBob,bob@x.co\n');
    assert.deepEqual(parsed.invalid, ['jane@']);
    assert.deepEqual(parsed.emails, ['bob@x.co']);
    assert.deepEqual(parsed.ignoredRows, []);
  });

  it('de-duplicates case-insensitively across the file', async () => {
    assert.deepEqual((await parseCsvEmails('Jane@X.co\njane@x.co,JANE@x.CO\n')).emails, ['Jane@X.co']);
  });

  it('reads a UTF-8 Blob with a BOM, CRLF line ends and non-ASCII names', async () => {
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), 'Név,E-mail\r\nZoë Ångström,zoe@x.co\r\n']);
    const parsed = await parseCsvEmails(file);
    assert.deepEqual(parsed, {
      emails: ['zoe@x.co'],
      invalid: [],
      ignoredRows: [],
      rowCount: 1,
      rows: [{ row: 2, emails: ['zoe@x.co'], invalid: [], duplicates: [] }],
      nameColumn: null,
    });
  });

  it('reads a semicolon-separated file (spreadsheets in many locales)', async () => {
    assert.deepEqual((await parseCsvEmails('Name;Email\nJane;jane@x.co\n')).emails, ['jane@x.co']);
  });

  it('reads a tab-separated file, and a comma file whose fields hold semicolons', async () => {
    assert.deepEqual((await parseCsvEmails('Name\tEmail\nJane; Doe\tjane@x.co\n')).emails, ['jane@x.co']);
    const commas = await parseCsvEmails('name,email,note\nJane,jane@x.co,a; b\nBob,bob@x.co,c; d; e\n');
    assert.deepEqual(commas.emails, ['jane@x.co', 'bob@x.co']);
    assert.deepEqual([commas.invalid, commas.ignoredRows, commas.rowCount], [[], [], 2]);
  });

  it('reads an empty file as nothing', async () => {
    assert.deepEqual(await parseCsvEmails(''), {
      emails: [],
      invalid: [],
      ignoredRows: [],
      rowCount: 0,
      rows: [],
      nameColumn: null,
    });
  });

  it('accounts for every data row: its addresses, malformed ones, duplicates naming their first row, or nothing', async () => {
    const csv = [
      'Full name,E-mail,Team',
      'Ann Lee,ann@x.co,Sales',
      'Jane Roe,jane.example.com,Support', // malformed: no @, but in the email column
      'Bob Stone,ANN@x.co,Sales', // the same address as row 2
      'Carl Diaz,,Support', // no address
      'Dee Fox,dee@,Ops', // malformed with an @
      '"Eve, Jr.",eve@x.co; ann@x.co,Ops', // one new address, one repeated
    ].join('\n');
    const parsed = await parseCsvEmails(csv);
    assert.equal(parsed.nameColumn, 'Full name');
    assert.deepEqual(parsed.rows, [
      { row: 2, emails: ['ann@x.co'], invalid: [], duplicates: [], name: 'Ann Lee' },
      { row: 3, emails: [], invalid: ['jane.example.com'], duplicates: [], name: 'Jane Roe' },
      { row: 4, emails: [], invalid: [], duplicates: [{ email: 'ANN@x.co', of: 2 }], name: 'Bob Stone' },
      { row: 5, emails: [], invalid: [], duplicates: [], name: 'Carl Diaz' },
      { row: 6, emails: [], invalid: ['dee@'], duplicates: [], name: 'Dee Fox' },
      { row: 7, emails: ['eve@x.co'], invalid: [], duplicates: [{ email: 'ann@x.co', of: 2 }], name: 'Eve, Jr.' },
    ]);
    assert.equal(parsed.rows.length, parsed.rowCount);
    assert.deepEqual(parsed.invalid, ['jane.example.com', 'dee@']);
    assert.deepEqual(parsed.ignoredRows, [5], 'only the row with nothing in its email column');
  });

  it('reports a value without an @ in the email column as a malformed address, not as a row without one', async () => {
    const parsed = await parseCsvEmails('name,email\nJane,jane.example.com\nBob,bob@x.co\n');
    assert.deepEqual(parsed.invalid, ['jane.example.com']);
    assert.deepEqual(parsed.ignoredRows, []);
  });

  it('takes every value of a one-column file as an address, and has no name column', async () => {
    const parsed = await parseCsvEmails('email\na@x.co\nnot an address\n');
    assert.deepEqual(parsed.invalid, ['not an address']);
    assert.deepEqual(parsed.ignoredRows, []);
    assert.equal(parsed.nameColumn, null);
    assert.deepEqual(
      parsed.rows.map((r) => r.name),
      [undefined, undefined],
    );
  });

  it('leaves names out of the addresses when no column is named as the email one', async () => {
    const parsed = await parseCsvEmails('who,contact\nJane Doe,jane@x.co\nBob,\n');
    assert.deepEqual([parsed.emails, parsed.invalid, parsed.ignoredRows], [['jane@x.co'], [], [3]]);
    assert.equal(parsed.nameColumn, null, '"who" names no column');
  });

  it('accepts exactly 100 rows besides the header', async () => {
    const parsed = await parseCsvEmails('email\n' + rows(100).join('\n') + '\n');
    assert.equal(parsed.emails.length, 100);
    assert.equal(parsed.rowCount, 100);
  });

  it('refuses 101 rows besides the header, telling to split into blocks of 100', async () => {
    await assertTooMany(parseCsvEmails('email\n' + rows(101).join('\n')));
  });

  it('counts rows without addresses towards the row limit', async () => {
    await assertTooMany(parseCsvEmails('email\na@x.co\n' + rows(100, () => 'no one').join('\n')));
  });

  it('refuses more than 100 addresses in fewer rows', async () => {
    await assertTooMany(parseCsvEmails(rows(51, (i) => `a${i}@x.co,b${i}@x.co`).join('\n')));
  });
});

// --------------------------------------------------------------------------------------------------------
// Properties

const address = fc.emailAddress().filter(isUsableEmail);
const plain = fc.stringMatching(/^[A-Za-z][A-Za-z ,"'-]{0,15}$/);
/** A CSV field per RFC 4180: quoted when it must be, sometimes when it need not be. */
const quote = (field: string, always: boolean) =>
  always || /[",\r\n;]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;

interface Row {
  fields: string[];
  emails: string[];
}
const row: fc.Arbitrary<Row> = fc
  .array(
    fc.oneof(
      address.map((email) => ({ text: email, email })),
      plain.map((text) => ({ text, email: null })),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((fields) => ({ fields: fields.map((f) => f.text), emails: fields.flatMap((f) => (f.email ? [f.email] : [])) }));

describe('parseCsvEmails properties', () => {
  it('throws nothing but CsvError, and returns only usable, unique addresses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom(...Array.from('a@.<>",;\r\n x\uFEFF')), maxLength: 400 }),
        ),
        async (text) => {
          try {
            const { emails, ignoredRows, rowCount } = await parseCsvEmails(text);
            for (const email of emails) assert.ok(isUsableEmail(email));
            assert.equal(new Set(emails.map((e) => e.toLowerCase())).size, emails.length);
            assert.ok(ignoredRows.length <= rowCount && rowCount <= 100 && emails.length <= 100);
          } catch (error) {
            assert.ok(error instanceof CsvError, String(error));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('loses no address of a well-formed file and reports exactly the rows without one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (data, header, bom, eol, alwaysQuote) => {
          const lines = data.map((r) => r.fields.map((f) => quote(f, alwaysQuote)).join(','));
          // The header names no email column: the generated fields put addresses and names in any column.
          const text = (bom ? '\uFEFF' : '') + [...(header ? ['who,contact'] : []), ...lines].join(eol) + eol;
          const all = data.flatMap((r) => r.emails);
          // A first row without an address is a header: with no header line, the first data row may become one.
          const firstIsHeader = header || data[0]?.emails.length === 0;
          if (
            data.length - (firstIsHeader && !header ? 1 : 0) > 100 ||
            new Set(all.map((e) => e.toLowerCase())).size > 100
          )
            return;
          const parsed = await parseCsvEmails(text);
          const found = new Set(parsed.emails.map((e) => e.toLowerCase()));
          for (const email of all) assert.ok(found.has(email.toLowerCase()), `${email} lost`);
          const offset = header ? 2 : 1;
          // In a file of one column every value is an address, so a name there is a malformed one, not nothing.
          const oneColumn = !header && data.every((r) => r.fields.length === 1);
          const expectedIgnored = data.flatMap((r, i) =>
            r.emails.length === 0 && !(i === 0 && !header) && !oneColumn ? [i + offset] : [],
          );
          assert.deepEqual(parsed.ignoredRows, expectedIgnored);
          // Every data row is accounted for once, and every address of the file on exactly one row.
          assert.equal(parsed.rows.length, data.length - (firstIsHeader && !header ? 1 : 0));
          assert.deepEqual(
            parsed.rows.flatMap((r) => r.emails),
            parsed.emails,
          );
          const seen = parsed.rows.flatMap((r) => [...r.emails, ...r.duplicates.map((d) => d.email)]);
          assert.equal(
            seen.length,
            parsed.rows.reduce((n, r) => n + r.emails.length + r.duplicates.length, 0),
          );
        },
      ),
    );
  });

  it('de-duplicates case-insensitively across rows and fields, keeping the first spelling in file order', async () => {
    /** The address with each letter's case chosen at random. */
    const casing = (email: string) =>
      fc
        .array(fc.boolean(), { minLength: email.length, maxLength: email.length })
        .map((upper) => Array.from(email, (c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
    const rowsOf = (pool: string[]) =>
      fc.array(fc.array(fc.constantFrom(...pool).chain(casing), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 30,
      });
    await fc.assert(
      fc.asyncProperty(fc.array(address, { minLength: 1, maxLength: 8 }).chain(rowsOf), async (rowsOfEmails) => {
        const text = rowsOfEmails.map((r) => r.join(',')).join('\r\n');
        const firsts = new Map<string, string>();
        for (const email of rowsOfEmails.flat())
          if (!firsts.has(email.toLowerCase())) firsts.set(email.toLowerCase(), email);
        assert.deepEqual((await parseCsvEmails(text)).emails, [...firsts.values()]);
      }),
    );
  });

  it('refuses any file with more than 100 data rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 101, maxLength: 130 }), async (data) => {
        const text = 'name,email\n' + data.map((r) => r.fields.map((f) => quote(f, false)).join(',')).join('\n');
        await assertTooMany(parseCsvEmails(text));
      }),
      { numRuns: 20 },
    );
  });
});
