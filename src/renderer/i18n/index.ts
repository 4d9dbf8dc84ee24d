// The renderer's translator: its catalogs (catalogs.ts) over the shared one (src/shared/i18n).
// en is the reference; es has the same keys.
import { en, es } from './catalogs';
import type { Language } from '../../shared/model/preferences';
import { matchLanguage, translateIn, type Catalogs, type Params } from '../../shared/i18n/translate';

export { interpolate, isLanguage, matchLanguage } from '../../shared/i18n/translate';
export type { Message, Params, PluralForms } from '../../shared/i18n/translate';

export type Catalog = typeof en;
export type MessageKey = keyof Catalog;
export type Translate = (key: MessageKey, params?: Params) => string;

// Assigning to Catalog makes the compiler reject a Spanish catalog that lacks an English key.
const spanish: Catalog = es;
export const CATALOGS: Catalogs<MessageKey> = { en, es: spanish };

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return translateIn(CATALOGS, language, key, params);
}

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

/**
 * The language to show: the stored setting, else `?lang=` of the page (browser host), else the
 * system's languages, else English.
 */
export function pickLanguage(stored: Language | null, urlLang: string | null, systemLanguages: readonly string[]): Language {
  return stored ?? matchLanguage([urlLang]) ?? matchLanguage(systemLanguages) ?? 'en';
}
