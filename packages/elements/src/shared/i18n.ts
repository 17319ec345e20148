/**
 * Languages, plurals and dates. Each element ships its own catalogue (English plus French, to prove that every
 * string is replaceable) so that a login page never downloads the admin strings. A host changes language at run
 * time by setting `lang` on the element, an ancestor or `<html>`; it replaces any string through `strings`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Every catalogue has English; other languages are keyed by their primary subtag (`fr` serves `fr-CA`). */
export type Catalogues<S> = { en: S } & Record<string, S>;

/** The language an element speaks: the nearest `lang` up the tree (across shadow roots), else the document's, else English. */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

/** The catalogue for `lang`, with the host's overrides on top. */
export function pickStrings<S extends object>(catalogues: Catalogues<S>, lang: string, overrides?: Partial<S>): S {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  const base = catalogues[primary] ?? catalogues.en;
  return overrides ? { ...base, ...overrides } : base;
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `plural('en', 3, { one: '# invitation sent', other: '# invitations sent' })` → "3 invitations sent". */
export function plural(lang: string, count: number, forms: PluralForms): string {
  const rule = new Intl.PluralRules(lang).select(count);
  const form = forms[rule] ?? forms.other;
  return form.replaceAll('#', new Intl.NumberFormat(lang).format(count));
}

/** A date people read in a table: "24 Nov 2026" / "24 nov. 2026". */
export function formatDate(lang: string, iso: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A moment with its time: "24 Nov 2026, 14:05". */
export function formatDateTime(lang: string, iso: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "in 3 days", "2 hours ago": the unit is the largest that fits. */
export function formatRelative(lang: string, iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds), 'second');
}

// One observer for the whole page: a change of any `lang` attribute re-renders every element that speaks.
const speakers = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

function observeLanguageChanges(): void {
  if (observer) return;
  observer = new MutationObserver(() => speakers.forEach((host) => host.requestUpdate()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Keeps `lang` current and re-renders its host when any `lang` on the page changes. */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** The host's language now. */
  get lang(): string {
    return languageOf(this.host);
  }

  hostConnected(): void {
    speakers.add(this.host);
    observeLanguageChanges();
  }

  hostDisconnected(): void {
    speakers.delete(this.host);
  }
}
