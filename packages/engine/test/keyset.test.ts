/**
 * Keyset slices (the memory store's pages) against the plain definition: sort everything by (key, id) in code
 * point order, keep what comes after the position, take the first `limit`. Random lists with many ties and with
 * characters where UTF-16 order and code point order disagree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareCodePoints, keysetSlice } from '../src/keyset.js';
import type { KeysetPosition } from '../src/store.js';

/** Code point order, the slow and obvious way. */
function byCodePoints(a: string, b: string): number {
  const points = (s: string) => Array.from(s, (c) => c.codePointAt(0) ?? 0);
  const x = points(a);
  const y = points(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

const text = fc.string({ unit: fc.constantFrom('a', 'b', '\uFF01', '\u{1F600}', 'é'), maxLength: 3 });
const item = fc.record({
  id: fc.string({ unit: fc.constantFrom('1', '2', '3', '\uE000', '\u{10000}'), minLength: 1, maxLength: 3 }),
  key: fc.oneof(text, fc.integer({ min: 0, max: 3 })),
});

describe('keyset slices', () => {
  it('compare strings by code point', () => {
    fc.assert(fc.property(text, text, (a, b) => Math.sign(compareCodePoints(a, b)) === Math.sign(byCodePoints(a, b))));
  });

  it('answer exactly the page the definition gives, for any list, order, position and limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 40 }),
        fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
        fc.nat(),
        fc.boolean(),
        (raw, order, numeric, limit, pick, withAfter) => {
          // One list sorts by one kind of value: all strings or all numbers.
          const items = raw.map((i) => ({ id: i.id, key: numeric ? String(i.key).length : String(i.key) }));
          const compare = (a: KeysetPosition, b: KeysetPosition) => {
            const c =
              (typeof a.key === 'number' && typeof b.key === 'number'
                ? a.key - b.key
                : byCodePoints(String(a.key), String(b.key))) || byCodePoints(a.id, b.id);
            return order === 'asc' ? c : -c;
          };
          const sorted = [...items].sort(compare);
          const anchor = sorted[pick % (sorted.length || 1)];
          const after = withAfter && anchor ? { key: anchor.key, id: anchor.id } : null;
          const rest = after ? sorted.filter((i) => compare(i, after) > 0) : sorted;
          const expected = limit === null ? rest : rest.slice(0, limit);
          const slice = keysetSlice(items, (i) => i.key, order, after, limit);
          assert.deepEqual(slice.items, expected);
          assert.equal(slice.total, items.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
