/**
 * Message catalogues: every user-visible string of the renderer and of Electron main is a key
 * in a catalogue with one text per language (src/renderer/src/i18n/messages/, src/main/i18n/).
 * A text names its parameters in braces — '在办 {count} 条' — and the type of `translate`
 * follows from the Chinese text, so a missing or misspelt parameter is a type error.
 * `catalogueProblems` is the check the tests run: every language has every key and the same
 * parameters. (A text may be empty: some Chinese measure words have no English counterpart.)
 */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The parameter names in a text: 'a {x} b {y}' → 'x' | 'y'. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageParams<S extends string> = [Placeholders<S>] extends [never] ? [] : [params: Record<Placeholders<S>, string | number>];

/** The keys whose text takes no parameters (what a prop naming "a text to show" accepts). */
export type PlainKey<C extends Catalogue> = { [K in keyof C & string]: [Placeholders<C[K]>] extends [never] ? K : never }[keyof C & string];

/** A catalogue in the reference language, written `as const` so each text is a literal type. */
export type Catalogue = Readonly<Record<string, string>>;

/** The same keys in another language (texts are checked at run time, by `catalogueProblems`). */
export type Translation<C extends Catalogue> = { readonly [K in keyof C]: string };

/** A catalogue lookup in one language; `locale` says which (for data that carries its own texts). */
export interface Translate<C extends Catalogue> {
  <K extends keyof C & string>(key: K, ...params: MessageParams<C[K]>): string;
  readonly locale: Locale;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The parameter names a text uses, sorted and without repeats. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** Fills a text's parameters; a parameter not given stays visible as `{name}` rather than vanishing. */
export function formatMessage(text: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A lookup for one language of a catalogue. */
export function translator<C extends Catalogue>(locale: Locale, messages: Translation<C>): Translate<C> {
  const texts = messages as Readonly<Record<string, string>>;
  const t = (key: string, params?: Record<string, string | number>): string => formatMessage(texts[key] ?? key, params);
  return Object.assign(t, { locale }) as Translate<C>;
}

/**
 * What is wrong with a set of catalogues, as sentences naming the language and key: a key
 * missing in one language or present only in one, or different parameters.
 */
export function catalogueProblems(catalogues: Readonly<Record<Locale, Readonly<Record<string, string>>>>): string[] {
  const problems: string[] = [];
  const keys = new Set(LOCALES.flatMap((l) => Object.keys(catalogues[l])));
  for (const key of [...keys].sort()) {
    const present = LOCALES.filter((l) => Object.hasOwn(catalogues[l], key));
    for (const l of LOCALES) if (!present.includes(l)) problems.push(`${l}: missing key "${key}"`);
    if (present.length < 2) continue;
    const reference = placeholdersOf(catalogues[present[0]][key]).join(',');
    for (const l of present.slice(1)) {
      const mine = placeholdersOf(catalogues[l][key]).join(',');
      if (mine !== reference) problems.push(`${l}: "${key}" has parameters {${mine}}, ${present[0]} has {${reference}}`);
    }
  }
  return problems;
}
