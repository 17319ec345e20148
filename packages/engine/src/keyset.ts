/**
 * Keyset order, shared by the engine's cursors and the memory store's queries: lists sort by a value, then by id
 * in the same direction, and a page starts strictly after a position. Strings compare by Unicode code point, as
 * PostgreSQL's `COLLATE "C"` does on UTF-8, so that the memory store and the SQL store page identically.
 */
import type { KeysetPosition, Slice, SortValue } from './store.js';

/**
 * Code point order. JavaScript's `<` compares UTF-16 code units, which puts astral characters (surrogate pairs)
 * before U+E000..U+FFFF; code point order puts them after.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate && Math.max(x, y) >= 0xe000) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareCodePoints(String(a), String(b));
}

/** Negative when `a` comes first in a list sorted `order` by (key, id). */
export function comparePositions(order: 'asc' | 'desc', a: KeysetPosition, b: KeysetPosition): number {
  const c = compareSortValues(a.key, b.key) || compareCodePoints(a.id, b.id);
  return order === 'asc' ? c : -c;
}

interface Keyed<T> {
  item: T;
  position: KeysetPosition;
}

/** Code units where UTF-16 order and code point order can disagree (surrogates, and U+E000..U+FFFF). */
const HIGH_UNITS = /[\uD800-\uFFFF]/;

/**
 * The comparison of a list's positions. Where no sort value holds a high code unit (addresses nearly always), the
 * engine's native string order is code point order already, and much faster than comparing unit by unit.
 */
function positionComparer(order: 'asc' | 'desc', keyed: readonly Keyed<unknown>[]) {
  const plain = keyed.every((k) => typeof k.position.key === 'number' || !HIGH_UNITS.test(k.position.key));
  if (!plain) return (a: KeysetPosition, b: KeysetPosition) => comparePositions(order, a, b);
  const sign = order === 'asc' ? 1 : -1;
  return (a: KeysetPosition, b: KeysetPosition) =>
    sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : compareCodePoints(a.id, b.id));
}

/** The first `limit` of `keyed` in order, by one pass keeping a small sorted buffer: O(n log limit), no full sort. */
function firstInOrder<T>(
  keyed: readonly Keyed<T>[],
  compare: (a: KeysetPosition, b: KeysetPosition) => number,
  limit: number,
): Keyed<T>[] {
  const best: Keyed<T>[] = [];
  for (const candidate of keyed) {
    const last = best[best.length - 1];
    if (best.length === limit && last && compare(candidate.position, last.position) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const at = best[mid];
      if (at && compare(at.position, candidate.position) < 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best;
}

/**
 * Sorts `items` by (key, id), keeps those after `after`, and the first `limit` of them (all when `null`). A page
 * of a long list is picked in one pass rather than by sorting everything: the memory store's page costs O(n).
 */
export function keysetSlice<T extends { id: string }>(
  items: readonly T[],
  key: (item: T) => SortValue,
  order: 'asc' | 'desc',
  after: KeysetPosition | null,
  limit: number | null,
): Slice<T> {
  let keyed: Keyed<T>[] = items.map((item) => ({ item, position: { key: key(item), id: item.id } }));
  const compare = positionComparer(order, after ? [...keyed, { item: null, position: after }] : keyed);
  if (after) keyed = keyed.filter((k) => compare(k.position, after) > 0);
  const page =
    limit !== null && limit < keyed.length
      ? firstInOrder(keyed, compare, limit)
      : keyed.sort((a, b) => compare(a.position, b.position));
  return { items: page.map((k) => k.item), total: items.length };
}
