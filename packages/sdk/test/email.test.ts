/** Usable addresses and the masked form (rules.md, Inviting and Lifecycle), the pieces every layer shares. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUsableEmail, maskEmail, normalizeEmail } from '../src/email.js';
import { parseEmailList } from '../src/parse-emails.js';

/** Invisible or formatting characters (Cf) and controls (Cc) that would make one address look like another. */
const HIDDEN = ['\u200B', '\u200C', '\u200D', '\u2060', '\u202E', '\u202A', '\u2066', '\uFEFF', '\u00AD', '\u0007'];

describe('isUsableEmail', () => {
  it('refuses an address without an @ (exactly one is required)', () => {
    assert.equal(isUsableEmail('example.com'), false);
    assert.equal(isUsableEmail('nobody.example.org'), false);
    assert.equal(isUsableEmail('=HYPERLINK("http://evil.test"'), false);
    assert.equal(isUsableEmail('a@b@example.com'), false);
    assert.equal(isUsableEmail('a@example.com'), true);
  });

  it('refuses control, invisible and formatting characters (Unicode Cc and Cf) anywhere', () => {
    for (const char of HIDDEN) {
      const code = char.codePointAt(0)?.toString(16);
      assert.equal(isUsableEmail(`ad${char}min@acme.test`), false, `U+${code} in the local part`);
      assert.equal(isUsableEmail(`admin@ac${char}me.test`), false, `U+${code} in the domain`);
    }
    assert.equal(isUsableEmail('admin@acme.test'), true);
  });

  it('keeps accepting visible non-ASCII addresses', () => {
    assert.equal(isUsableEmail('zoë@example.com'), true);
    assert.equal(isUsableEmail('用户@例子.广告'), true);
  });
});

describe('parseEmailList and hidden characters', () => {
  it('reports an address with an invisible or bidirectional character as invalid, never as an address', () => {
    const parsed = parseEmailList('ad\u200Bmin@acme.test, evil\u202E@acme.test; ok@acme.test, example.com');
    assert.deepEqual(parsed.emails, ['ok@acme.test']);
    assert.deepEqual(parsed.invalid, ['ad\u200Bmin@acme.test', 'evil\u202E@acme.test', 'example.com']);
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    assert.equal(maskEmail('jane@example.com'), 'j***@example.com');
  });

  it('never splits a character: emoji, surrogate pairs, joined sequences and combining marks stay whole', () => {
    assert.equal(maskEmail('\u{1F600}smile@example.com'), '\u{1F600}***@example.com');
    assert.equal(maskEmail('\u{1F469}\u200D\u{1F4BB}dev@example.com'), '\u{1F469}\u200D\u{1F4BB}***@example.com');
    assert.equal(maskEmail('\u{1F1EB}\u{1F1F7}fr@example.com'), '\u{1F1EB}\u{1F1F7}***@example.com');
    assert.equal(maskEmail('e\u0301mile@example.com'), 'e\u0301***@example.com');
    assert.equal(maskEmail('𝒜da@example.com'), '𝒜***@example.com');
  });

  it('hides everything when there is no local part to show', () => {
    assert.equal(maskEmail('@example.com'), '***');
    assert.equal(maskEmail('example.com'), '***');
  });
});

describe('normalizeEmail (rules.md, Inviting: NFKC)', () => {
  it('puts full-width and other compatibility look-alikes in their plain form, then lower-cases', () => {
    assert.equal(normalizeEmail(' ＡＤＭＩＮ@acme.test '), 'admin@acme.test');
    assert.equal(normalizeEmail('admin＠ａｃｍｅ．ｔｅｓｔ'), 'admin@acme.test');
    assert.equal(normalizeEmail('ﬀ@example.com'), 'ff@example.com');
    assert.equal(normalizeEmail('Zoë@Example.com'), 'zoë@example.com');
  });
});
