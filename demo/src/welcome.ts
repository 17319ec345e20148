/**
 * A one-time welcome, said on the next page the person sees (the product page after joining, say): kept for the
 * tab only, and gone once shown, so a reload does not say it again.
 */
const KEY = 'acme-welcome';

export function welcome(text: string): void {
  sessionStorage.setItem(KEY, text);
}

/** Shows the waiting welcome, if any, in `where` (a hidden `role="status"` banner) and forgets it. */
export function showWelcome(where: HTMLElement): void {
  const text = sessionStorage.getItem(KEY);
  if (!text) return;
  sessionStorage.removeItem(KEY);
  where.textContent = text;
  where.hidden = false;
}
