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

/** Sorts `items` by (key, id), keeps those after `after`, and the first `limit` of them (all when `null`). */
export function keysetSlice<T extends { id: string }>(
  items: readonly T[],
  key: (item: T) => SortValue,
  order: 'asc' | 'desc',
  after: KeysetPosition | null,
  limit: number | null,
): Slice<T> {
  const keyed = items.map((item) => ({ item, position: { key: key(item), id: item.id } }));
  keyed.sort((a, b) => comparePositions(order, a.position, b.position));
  const start = after ? keyed.findIndex((k) => comparePositions(order, k.position, after) > 0) : 0;
  const rest = start < 0 ? [] : keyed.slice(start);
  const page = limit === null ? rest : rest.slice(0, limit);
  return { items: page.map((k) => k.item), total: items.length };
}
