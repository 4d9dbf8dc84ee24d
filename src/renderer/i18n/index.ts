// A tiny translator: flat dotted keys, `{name}` interpolation, plural forms chosen by
// Intl.PluralRules from a `count` parameter. en is the reference; es has the same keys (catalogs.ts).
import { en, es } from './catalogs';
import type { Language } from '../../shared/model/preferences';
import { LANGUAGES } from '../../shared/model/preferences';

/** A message is a sentence, or its plural forms keyed by Intl.PluralRules categories. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralForms;

export type Catalog = typeof en;
export type MessageKey = keyof Catalog;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

// Assigning to Catalog makes the compiler reject a Spanish catalog that lacks an English key.
const spanish: Catalog = es;
export const CATALOGS: Record<Language, Record<string, Message>> = { en, es: spanish };

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

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const message = CATALOGS[language][key] ?? CATALOGS.en[key];
  if (message === undefined) return key;
  if (typeof message === 'string') return interpolate(message, params);
  const count = typeof params?.count === 'number' ? params.count : Number(params?.count ?? 0);
  const form = message[pluralCategory(language, count)] ?? message.other;
  return interpolate(form, params);
}

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language in a list of BCP 47 tags (`es-419` → `es`), or null. */
export function matchLanguage(tags: readonly (string | null | undefined)[]): Language | null {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/**
 * The language to show: the stored setting, else `?lang=` of the page (browser host), else the
 * system's languages, else English.
 */
export function pickLanguage(stored: Language | null, urlLang: string | null, systemLanguages: readonly string[]): Language {
  return stored ?? matchLanguage([urlLang]) ?? matchLanguage(systemLanguages) ?? 'en';
}
