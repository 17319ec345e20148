/** Cursor pages, and an async iterator that walks them all. */
import type { Page } from './schemas.js';

/**
 * Every item of every page, fetching the next page only when the consumer gets there. Starts at `query.cursor`
 * when given. Breaking out of the loop stops fetching.
 */
export async function* paginate<T, Q extends { cursor?: string | undefined }>(
  fetchPage: (query: Q) => Promise<Page<T>>,
  query: Q,
): AsyncGenerator<T, void, undefined> {
  let cursor = query.cursor;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage({ ...query, cursor });
    yield* page.items;
    if (page.nextCursor === null || page.items.length === 0) return;
    // A server that hands back a cursor it already gave would loop forever; stop instead.
    if (seen.has(page.nextCursor)) return;
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
