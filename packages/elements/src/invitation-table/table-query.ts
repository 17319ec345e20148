import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvitationSort, InvitationStatus, SortOrder } from '@invitekit/sdk';
import type { StatusFilter } from './invitation-table.strings.js';

export const DEFAULT_FILTER: StatusFilter = 'pending,expired';
export const FILTERS: StatusFilter[] = [
  'pending,expired',
  'pending',
  'expired',
  'accepted',
  'declined',
  'revoked',
  'all',
];
const ALL: InvitationStatus[] = ['pending', 'accepted', 'declined', 'revoked', 'expired'];
/** The order a column sorts in when first chosen: dates newest first, words A to Z. */
const FIRST_ORDER: Record<InvitationSort, SortOrder> = {
  email: 'asc',
  status: 'asc',
  invitedAt: 'desc',
  expiresAt: 'asc',
};
const SEARCH_DELAY_MS = 300;

export function statusesOf(filter: StatusFilter): InvitationStatus[] {
  if (filter === 'all') return ALL;
  return filter === DEFAULT_FILTER ? ['pending', 'expired'] : [filter as InvitationStatus];
}

/**
 * What the table is looking at: status filter, email search, sort and page. The server does the work; this
 * keeps the query, and any change of filter, search or sort starts again from the first page.
 */
export class TableQuery implements ReactiveController {
  filter: StatusFilter = DEFAULT_FILTER;
  /** What the search box holds; applied as `q` after a pause in typing, or at once on Enter. */
  search = '';
  q = '';
  sort: InvitationSort = 'invitedAt';
  order: SortOrder = 'desc';
  /** The cursor of every page visited so far; `cursors[page]` loads the current one. */
  private cursors: (string | undefined)[] = [undefined];
  page = 0;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
  }

  get cursor(): string | undefined {
    return this.cursors[this.page];
  }

  /** Whether the person narrowed the list (so "nothing found" differs from "nothing at all"). */
  get narrowed(): boolean {
    return this.filter !== DEFAULT_FILTER || this.q !== '';
  }

  get statuses(): InvitationStatus[] {
    return statusesOf(this.filter);
  }

  goTo(page: number): void {
    this.page = Math.max(0, page);
    this.host.requestUpdate();
  }

  next(nextCursor: string): void {
    this.cursors = [...this.cursors.slice(0, this.page + 1), nextCursor];
    this.goTo(this.page + 1);
  }

  sortBy(key: InvitationSort): void {
    this.order = this.sort === key ? (this.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[key];
    this.sort = key;
    this.firstPage();
  }

  setFilter(filter: StatusFilter): void {
    this.filter = filter;
    this.firstPage();
  }

  type(search: string): void {
    this.search = search;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.applySearch();
    }, SEARCH_DELAY_MS);
    this.host.requestUpdate();
  }

  applySearch(): void {
    clearTimeout(this.searchTimer);
    const q = this.search.trim();
    if (q === this.q) return;
    this.q = q;
    this.firstPage();
  }

  clear(): void {
    this.search = '';
    this.q = '';
    this.filter = DEFAULT_FILTER;
    this.firstPage();
  }

  private firstPage(): void {
    this.cursors = [undefined];
    this.goTo(0);
  }
}
