/**
 * Languages, plurals and dates. Each element ships its own catalogue (English plus French, to prove that every
 * string is replaceable) so that a login page never downloads the admin strings. English is inline; every other
 * language is a module of its own, loaded the first time an element speaks it, and an element waits for it before
 * it renders (see `LocaleController.ready`), so nobody sees English flash by. A host changes language at run
 * time by setting `lang` on the element, an ancestor or `<html>`; it replaces any string through `strings`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** English, and each other language once loaded, keyed by its primary subtag (`fr` serves `fr-CA`). */
export type Catalogues<S> = { en: S } & Partial<Record<string, S>>;

/** Loads one language's catalogue: `() => import('./x.strings.fr.js')`, whose default export is the catalogue. */
export type CatalogueLoader<S> = () => Promise<{ default: S }>;

/** A language that some catalogue on this page can load but has not yet. */
interface Pending {
  lang: string;
  load: () => Promise<void>;
  loading?: Promise<void> | undefined;
}

/** Every not-yet-loaded language of every catalogue this page imported (each element module registers its own). */
const pending: Pending[] = [];

/**
 * English inline, other languages on demand. Registering the loaders here (rather than per element) lets an
 * element wait for its language before its first render without knowing which catalogue its `render` will read.
 */
export function catalogues<S>(en: S, loaders: Record<string, CatalogueLoader<S>>): Catalogues<S> {
  const all: Catalogues<S> = { en };
  for (const [lang, loader] of Object.entries(loaders)) {
    const entry: Pending = {
      lang,
      load: async () => {
        all[lang] = (await loader()).default;
        pending.splice(pending.indexOf(entry), 1);
      },
    };
    pending.push(entry);
  }
  return all;
}

/**
 * Settles once every catalogue this page uses has `lang` (its primary subtag); `undefined` when nothing is left
 * to load, so that English and already loaded languages render with no delay at all. A catalogue that fails to
 * load (offline) does not block: the element renders English, and the next render tries again.
 */
export function languageReady(lang: string): Promise<unknown> | undefined {
  const primary = lang.toLowerCase().split('-')[0];
  const loads = pending
    .filter((entry) => entry.lang === primary)
    .map(
      (entry) =>
        (entry.loading ??= entry.load().catch((error: unknown) => {
          entry.loading = undefined;
          console.warn(`invitekit: the "${primary}" strings could not be loaded; showing English.`, error);
        })),
    );
  return loads.length ? Promise.all(loads) : undefined;
}

/** The language an element speaks: the nearest `lang` up the tree (across shadow roots), else the document's, else English. */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
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

// Intl formatters are costly to build (tens of microseconds each, against a fraction of one to use): one per
// language and kind, kept for the page's life. A page speaks a handful of languages, so the caches stay small.
const formatters = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.RelativeTimeFormat
>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.RelativeTimeFormat>(
  key: string,
  make: () => F,
): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** The language's `Intl.NumberFormat`, made once. */
export function numberFormat(lang: string): Intl.NumberFormat {
  return cached(`number ${lang}`, () => new Intl.NumberFormat(lang));
}

/** A count in the language's digits: "1,234" / "1 234". */
export function formatNumber(lang: string, count: number): string {
  return numberFormat(lang).format(count);
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `plural('en', 3, { one: '# invitation sent', other: '# invitations sent' })` → "3 invitations sent". */
export function plural(lang: string, count: number, forms: PluralForms): string {
  const rule = cached(`plural ${lang}`, () => new Intl.PluralRules(lang)).select(count);
  const form = forms[rule] ?? forms.other;
  return form.replaceAll('#', formatNumber(lang, count));
}

/** A date people read in a table: "24 Nov 2026" / "24 nov. 2026". */
export function formatDate(lang: string, iso: string): string {
  return cached(`date ${lang}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })).format(new Date(iso));
}

/** A moment with its time: "24 Nov 2026, 14:05". */
export function formatDateTime(lang: string, iso: string): string {
  const format = cached(
    `datetime ${lang}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return format.format(new Date(iso));
}

/** "in 3 days", "2 hours ago": the unit is the largest that fits. */
export function formatRelative(lang: string, iso: string, now: number = Date.now()): string {
  const exact = (new Date(iso).getTime() - now) / 1000;
  // Rounded to the minute before the unit is chosen, so that 59 min 59.5 s reads "in 1 hour", not "in 60 minutes".
  const seconds = Math.abs(exact) >= 60 ? Math.round(exact / 60) * 60 : exact;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = cached(`relative ${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
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
  observer = new MutationObserver(() => {
    speakers.forEach((host) => {
      host.requestUpdate();
    });
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Keeps `lang` current and re-renders its host when any `lang` on the page changes. The language is looked up
 * (a walk up the tree) once per update, not once per string or row: `lang` reads the value of the update under
 * way or last made.
 */
export class LocaleController implements ReactiveController {
  private current?: string;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** The host's language, as looked up at the start of the current (or last) update. */
  get lang(): string {
    return (this.current ??= languageOf(this.host));
  }

  /** Settles when the strings of the host's language are loaded; `undefined` when they already are. */
  get ready(): Promise<unknown> | undefined {
    return languageReady(languageOf(this.host));
  }

  hostUpdate(): void {
    this.current = languageOf(this.host);
  }

  hostConnected(): void {
    speakers.add(this.host);
    observeLanguageChanges();
  }

  hostDisconnected(): void {
    speakers.delete(this.host);
  }
}
