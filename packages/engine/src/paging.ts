/**
 * Cursor pages (api.md, Page of T). Keyset paging: the cursor holds the sort value and id of the last item
 * served, and the next page starts strictly after it in (value, id) order, so a page never repeats or skips an
 * item even when many share a value or when items are added meanwhile. The cursor format is the engine's: the
 * store only sees {@link KeysetPosition}s, so every store pages identically.
 */
import { DEFAULT_PAGE_LIMIT, type Page } from '@invitekit/sdk';
import { base64url, fromBase64url } from './context.js';
import { invalid } from './errors.js';
import type { KeysetPosition, Slice } from './store.js';

interface Cursor {
  /** Names the list, filter-independent order included; a cursor from another ordering is refused. */
  t: string;
  k: string | number;
  i: string;
}

function encodeCursor(tag: string, position: KeysetPosition): string {
  const cursor: Cursor = { t: tag, k: position.key, i: position.id };
  return base64url(new TextEncoder().encode(JSON.stringify(cursor)));
}

function decodeCursor(cursor: string, tag: string): KeysetPosition {
  try {
    const json = new TextDecoder().decode(fromBase64url(cursor));
    const parsed = JSON.parse(json) as Partial<Cursor>;
    if (
      parsed.t === tag &&
      typeof parsed.i === 'string' &&
      (typeof parsed.k === 'string' || typeof parsed.k === 'number')
    ) {
      return { key: parsed.k, id: parsed.i };
    }
  } catch {
    // fall through to the refusal below
  }
  throw invalid('cursor', 'Not a cursor of this list with this filter and order; start again without one');
}

export interface PageRequest<T, V> {
  query: { limit?: number | undefined; cursor?: string | undefined };
  /** Names the ordering (a cursor of another ordering is refused). */
  tag: string;
  /** Asks the store for `limit` items after `after` (the engine asks one more than the page, to know if more follow). */
  fetch: (after: KeysetPosition | null, limit: number) => Promise<Slice<T>>;
  position: (item: T) => KeysetPosition;
  views: (items: T[]) => Promise<V[]> | V[];
  /** The total counts up to this many (a search: SEARCH_TOTAL_CAP); past it the page answers the cap, flagged. */
  cap?: number;
}

export async function page<T, V>(request: PageRequest<T, V>): Promise<Page<V>> {
  const limit = request.query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = request.query.cursor ? decodeCursor(request.query.cursor, request.tag) : null;
  const slice = await request.fetch(after, limit + 1);
  const items = slice.items.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    slice.items.length > limit && last !== undefined ? encodeCursor(request.tag, request.position(last)) : null;
  const capped = request.cap !== undefined && slice.total > request.cap;
  return {
    items: await request.views(items),
    nextCursor,
    total: capped ? (request.cap ?? slice.total) : slice.total,
    totalCapped: capped,
  };
}
