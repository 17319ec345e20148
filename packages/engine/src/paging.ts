/**
 * Cursor pages (api.md, Page of T). Keyset paging: the cursor holds the sort value and id of the last item
 * served, and the next page starts strictly after it in (value, id) order, so a page never repeats or skips an
 * item even when many share a value or when items are added meanwhile. The cursor format is the engine's: the
 * store only sees {@link KeysetPosition}s, so every store pages identically.
 *
 * A cursor comes back from the client, so it is checked like any input (api.md, Requests): by a schema naming its
 * list and order, with a sort value of that order's kind (a time within the years 1 to 9999, an address, a
 * status) and an id; anything else, edited or from another list, is `invalid_request` and never reaches a store.
 */
import { DEFAULT_PAGE_LIMIT, type Page } from '@invitekit/sdk';
import * as z from 'zod/mini';
import { base64url, fromBase64url } from './context.js';
import { invalid } from './errors.js';
import type { KeysetPosition, Slice } from './store.js';
import { isStorable } from './text.js';

/** The sort value of a cursor, by the kind of value the list is ordered by. */
export type CursorKey = z.ZodMiniType<string | number>;

const storableText = (max: number) => z.string().check(z.maxLength(max), z.refine(isStorable));
/** Epoch milliseconds of years 1 to 9999, which PostgreSQL's timestamptz and Date both hold. */
export const TIME_KEY: CursorKey = z
  .int()
  .check(z.gte(Date.parse('0001-01-01T00:00:00.000Z')), z.lte(Date.parse('9999-12-31T23:59:59.999Z')));
export const TEXT_KEY: CursorKey = storableText(320);
export const cursorKeyOf = (values: readonly [string, ...string[]]): CursorKey => z.enum(values);

function encodeCursor(tag: string, position: KeysetPosition): string {
  return base64url(new TextEncoder().encode(JSON.stringify({ t: tag, k: position.key, i: position.id })));
}

function decodeCursor(cursor: string, tag: string, key: CursorKey): KeysetPosition {
  const schema = z.strictObject({ t: z.literal(tag), k: key, i: storableText(200).check(z.minLength(1)) });
  try {
    const parsed = schema.safeParse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(cursor))),
    );
    if (parsed.success) return { key: parsed.data.k, id: parsed.data.i };
  } catch {
    // not base64url, not UTF-8 or not JSON: refused below
  }
  throw invalid('cursor', 'Not a cursor of this list with this filter and order; start again without one');
}

export interface PageRequest<T, V> {
  query: { limit?: number | undefined; cursor?: string | undefined };
  /** Names the ordering (a cursor of another ordering is refused). */
  tag: string;
  /** What the ordering's sort values are (a cursor holding another kind of value is refused). */
  key: CursorKey;
  /** Asks the store for `limit` items after `after` (the engine asks one more than the page, to know if more follow). */
  fetch: (after: KeysetPosition | null, limit: number) => Promise<Slice<T>>;
  position: (item: T) => KeysetPosition;
  views: (items: T[]) => Promise<V[]> | V[];
  /** The total counts up to this many (a search: SEARCH_TOTAL_CAP); past it the page answers the cap, flagged. */
  cap?: number;
}

export async function page<T, V>(request: PageRequest<T, V>): Promise<Page<V>> {
  const limit = request.query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = request.query.cursor ? decodeCursor(request.query.cursor, request.tag, request.key) : null;
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
