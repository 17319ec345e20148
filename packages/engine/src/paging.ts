/**
 * Cursor pages (api.md, Page of T). Keyset paging: the cursor holds the sort key and id of the last item
 * served, and the next page starts strictly after it in (key, id) order, so a page never repeats or skips an
 * item even when many share a key or when items are added meanwhile.
 */
import { DEFAULT_PAGE_LIMIT, type Page } from '@invitekit/sdk';
import { base64url, fromBase64url } from './context.js';
import { invalid } from './errors.js';

type SortKey = string | number;

export interface Ordering<T> {
  /** Names the ordering; a cursor from another ordering is refused. */
  tag: string;
  key: (item: T) => SortKey;
  id: (item: T) => string;
  order: 'asc' | 'desc';
}

interface Position {
  t: string;
  k: SortKey;
  i: string;
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function positionOf<T>(ordering: Ordering<T>, item: T): Position {
  return { t: ordering.tag, k: ordering.key(item), i: ordering.id(item) };
}

/** Negative when `a` comes first. */
function comparePositions(order: 'asc' | 'desc', a: Position, b: Position): number {
  const c = compareKeys(a.k, b.k) || compareKeys(a.i, b.i);
  return order === 'asc' ? c : -c;
}

function encodeCursor(position: Position): string {
  return base64url(new TextEncoder().encode(JSON.stringify(position)));
}

function decodeCursor(cursor: string, tag: string): Position {
  try {
    const json = new TextDecoder().decode(fromBase64url(cursor));
    const position = JSON.parse(json) as Position;
    if (position.t === tag && typeof position.i === 'string' && ['string', 'number'].includes(typeof position.k)) {
      return position;
    }
  } catch {
    // fall through to the refusal below
  }
  throw invalid('cursor', 'Not a cursor of this list with this filter and order; start again without one');
}

/** Every item sorted, for the export (same order as the pages). */
export function sortAll<T>(items: readonly T[], ordering: Ordering<T>): T[] {
  return [...items].sort((a, b) => comparePositions(ordering.order, positionOf(ordering, a), positionOf(ordering, b)));
}

export function paginate<T, V>(
  items: readonly T[],
  ordering: Ordering<T>,
  query: { limit?: number | undefined; cursor?: string | undefined },
  view: (item: T) => V,
): Page<V> {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const sorted = sortAll(items, ordering);
  let rest = sorted;
  if (query.cursor) {
    const after = decodeCursor(query.cursor, ordering.tag);
    rest = sorted.filter((item) => comparePositions(ordering.order, positionOf(ordering, item), after) > 0);
  }
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rest.length > limit && last !== undefined ? encodeCursor(positionOf(ordering, last)) : null;
  return { items: page.map(view), nextCursor, total: sorted.length };
}
