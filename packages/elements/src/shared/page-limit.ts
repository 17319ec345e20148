/** A `page-size` attribute as the API takes it: a whole number from 1 to 100, 25 when unusable. */
export function pageLimit(pageSize: number): number {
  return Math.min(100, Math.max(1, Math.floor(pageSize) || 25));
}
