import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseEmailList } from '../src/parse-emails.js';
import { isUsableEmail } from '../src/email.js';

describe('parseEmailList', () => {
  it('splits at commas, semicolons, white space and new lines', () => {
    assert.deepEqual(parseEmailList('a@x.co, b@x.co;c@x.co\nd@x.co e@x.co\r\nf@x.co\tg@x.co'), {
      emails: ['a@x.co', 'b@x.co', 'c@x.co', 'd@x.co', 'e@x.co', 'f@x.co', 'g@x.co'],
      invalid: [],
    });
  });

  it('reads Display Name <address> entries, names with spaces', () => {
    assert.deepEqual(parseEmailList('Jane Doe <jane@x.co>; Bob <bob@x.co>').emails, ['jane@x.co', 'bob@x.co']);
  });

  it('keeps quoted names with commas and semicolons whole', () => {
    const parsed = parseEmailList('"Doe, Jane" <jane@x.co>, "Roe; Rick" <rick@x.co>');
    assert.deepEqual(parsed, { emails: ['jane@x.co', 'rick@x.co'], invalid: [] });
  });

  it("reads Outlook's unquoted Last, First <address> without reporting the last name", () => {
    const parsed = parseEmailList('Doe, Jane <jane@x.co>; Roe, Rick <rick@x.co>');
    assert.deepEqual(parsed, { emails: ['jane@x.co', 'rick@x.co'], invalid: [] });
  });

  it('reads bare <address>, mailto: and half-selected brackets', () => {
    assert.deepEqual(parseEmailList('<a@x.co> mailto:b@x.co <c@x.co d@x.co>').emails, [
      'a@x.co',
      'b@x.co',
      'c@x.co',
      'd@x.co',
    ]);
  });

  it('takes an address typed beside a named entry without a separator', () => {
    assert.deepEqual(parseEmailList('bob@x.co Jane <jane@x.co>').emails, ['bob@x.co', 'jane@x.co']);
  });

  it('de-duplicates case-insensitively, keeping the first spelling', () => {
    assert.deepEqual(parseEmailList('Jane@X.co, jane@x.co, JANE <JANE@X.CO>').emails, ['Jane@X.co']);
  });

  it('reports invalid tokens with their text, once each', () => {
    const parsed = parseEmailList('foo, bar@x.co, jane@, foo, @x.co, a@b, <>');
    assert.deepEqual(parsed.emails, ['bar@x.co']);
    assert.deepEqual(parsed.invalid, ['foo', 'jane@', '@x.co', 'a@b', '<>']);
  });

  it('reports a stray word before an address as invalid', () => {
    assert.deepEqual(parseEmailList('Jane jane@x.co'), { emails: ['jane@x.co'], invalid: ['Jane'] });
  });

  it('reads nothing from blank input', () => {
    assert.deepEqual(parseEmailList(' \n ,; '), { emails: [], invalid: [] });
    assert.deepEqual(parseEmailList(''), { emails: [], invalid: [] });
  });

  it('survives unbalanced quotes and brackets', () => {
    const parsed = parseEmailList('"unterminated, a@x.co, <b@x.co');
    assert.deepEqual(parsed.emails, ['a@x.co', 'b@x.co']);
    assert.deepEqual(parsed.invalid, ['"unterminated']);
  });
});

// --------------------------------------------------------------------------------------------------------
// Properties

const address = fc.emailAddress().filter(isUsableEmail);
const separator = fc.constantFrom(',', ';', ' ', '\n', '\r\n', ', ', ';\n', '\t', ' , ', ' ;  ');
const nameWord = fc.stringMatching(/^[A-Za-z][a-z'-]{0,10}$/);
/** One address as people paste it. */
const entry = address.chain((email) =>
  fc.oneof(
    fc.constant({ email, text: email }),
    fc.constant({ email, text: `<${email}>` }),
    fc.array(nameWord, { minLength: 1, maxLength: 3 }).map((name) => ({ email, text: `${name.join(' ')} <${email}>` })),
    fc.tuple(nameWord, nameWord).map(([last, first]) => ({ email, text: `"${last}, ${first}" <${email}>` })),
  ),
);
/** A list of entries, joined by random separators. */
function joined<T extends { text: string }>(items: fc.Arbitrary<T[]>) {
  return items.chain((list) =>
    fc.array(separator, { minLength: list.length, maxLength: list.length }).map((seps) => ({
      list,
      text: list.map((item, i) => item.text + (seps[i] ?? '')).join(''),
    })),
  );
}
const lower = (list: string[]) => list.map((e) => e.toLowerCase());

describe('parseEmailList properties', () => {
  it('never throws; returns only usable, unique addresses and unique invalid tokens', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'a@.<>",; \n"x'.split('')) }),
        ),
        (text) => {
          const { emails, invalid } = parseEmailList(text);
          for (const email of emails) assert.ok(isUsableEmail(email), email);
          assert.equal(new Set(lower(emails)).size, emails.length);
          assert.equal(new Set(lower(invalid)).size, invalid.length);
          for (const token of invalid) assert.ok(token.trim() !== '');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('loses no pasted address, in any format and with any separators', () => {
    fc.assert(
      fc.property(joined(fc.array(entry, { minLength: 1, maxLength: 30 })), ({ list, text }) => {
        const { emails, invalid } = parseEmailList(text);
        const found = new Set(lower(emails));
        for (const { email } of list)
          assert.ok(found.has(email.toLowerCase()), `${email} lost from ${JSON.stringify(text)}`);
        assert.deepEqual(invalid, []);
      }),
    );
  });

  it('loses no address mixed with junk words', () => {
    const junk = fc.string({ unit: fc.constantFrom(...'abcXYZ019.-_!#@'.split('')), minLength: 1, maxLength: 12 });
    const item = fc.oneof(
      address.map((email) => ({ email, text: email })),
      junk.map((text) => ({ email: null, text })),
    );
    fc.assert(
      fc.property(joined(fc.array(item, { minLength: 1, maxLength: 30 })), ({ list, text }) => {
        const found = new Set(lower(parseEmailList(text).emails));
        for (const { email } of list) if (email) assert.ok(found.has(email.toLowerCase()), `${email} lost`);
      }),
    );
  });

  it('de-duplicates case-insensitively, keeping the first spelling', () => {
    const spelled = address.chain((email) =>
      fc.array(fc.boolean(), { minLength: email.length, maxLength: email.length }).map((upper) =>
        Array.from(email)
          .map((c, i) => (upper[i] ? c.toUpperCase() : c))
          .join(''),
      ),
    );
    fc.assert(
      fc.property(
        joined(
          fc.array(
            fc.oneof(address, spelled).map((text) => ({ text })),
            { minLength: 1, maxLength: 20 },
          ),
        ),
        ({ list, text }) => {
          const { emails } = parseEmailList(text);
          const firsts = new Map<string, string>();
          for (const { text: email } of list)
            if (!firsts.has(email.toLowerCase())) firsts.set(email.toLowerCase(), email);
          assert.deepEqual(emails, [...firsts.values()]);
        },
      ),
    );
  });
});
