// The one translator of Silo, for the renderer and for main's own strings (tray, notifications):
// flat keys, `{name}` placeholders, plural forms chosen by Intl.PluralRules from a `count`
// parameter, the English catalog when a language lacks a key, the key itself when both do.
// Pure: it knows no catalog of its own; each side passes in its catalogs.
import { LANGUAGES, type Language } from '../model/preferences';

/** A message is a sentence, or its plural forms keyed by Intl.PluralRules categories. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralForms;
export type Params = Record<string, string | number>;
export type Catalogs<K extends string> = Record<Language, Partial<Record<K, Message>>>;
export type Translate<K extends string = string> = (key: K, params?: Params) => string;

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/** Replaces `{name}` with params.name; a placeholder without a value is left out. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    return value === undefined ? '' : String(value);
  });
}

/** One message of `catalogs` in `language`, with its placeholders filled. */
export function translateIn<K extends string>(catalogs: Catalogs<K>, language: Language, key: K, params?: Params): string {
  const message = catalogs[language][key] ?? catalogs.en[key];
  if (message === undefined) return key;
  if (typeof message === 'string') return interpolate(message, params);
  const count = typeof params?.count === 'number' ? params.count : Number(params?.count ?? 0);
  return interpolate(message[pluralCategory(language, count)] ?? message.other, params);
}

export function translator<K extends string>(catalogs: Catalogs<K>, language: Language): Translate<K> {
  return (key, params) => translateIn(catalogs, language, key, params);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language in a list of BCP 47 tags (`es-419` → `es`, `es_ES` → `es`), or null. */
export function matchLanguage(tags: readonly (string | null | undefined)[]): Language | null {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return null;
}
