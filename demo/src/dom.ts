/** The page's `type` element for `selector`; a page without it is a broken page, so that throws with the selector. */
export function required<E extends Element>(
  selector: string,
  type: abstract new () => E,
  root: ParentNode = document,
): E {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`The page has no ${type.name} for ${selector}`);
  return found;
}

/** The element for `tag`, typed by the tag, which the page must have. */
export function requiredTag<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
  const found = document.querySelector(tag);
  if (!found) throw new Error(`The page has no <${tag}>`);
  return found;
}
