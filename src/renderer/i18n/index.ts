// The renderer's translator: its catalogs (en.ts, es.ts) over the shared one (src/shared/i18n).
// en is the reference; es has the same keys. A language's catalog is loaded when it is first
// shown (`loadLanguage`), so the first screen carries one language, not both.
import type { en } from './en';
import type { Language } from '../../shared/model/preferences';
import { LANGUAGES } from '../../shared/model/preferences';
import { matchLanguage, translateIn, type Catalogs, type Params } from '../../shared/i18n/translate';

export { interpolate, isLanguage, matchLanguage } from '../../shared/i18n/translate';
export type { Message, Params, PluralForms } from '../../shared/i18n/translate';

export type Catalog = typeof en;
export type MessageKey = keyof Catalog;
export type Translate = (key: MessageKey, params?: Params) => string;

const CATALOGS: Catalogs<MessageKey> = { en: {}, es: {} };
const loaded = new Set<Language>();
const pending = new Map<Language, Promise<void>>();
const listeners = new Set<() => void>();
let version = 0;

/** Makes `language`'s catalog available (tests and tools register one they imported). */
export function registerCatalog(language: Language, catalog: Catalog): void {
  CATALOGS[language] = catalog;
  loaded.add(language);
  version += 1;
  for (const listener of listeners) listener();
}

/** Loads `language`'s catalog once; resolves when it can be shown. */
export function loadLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return Promise.resolve();
  let load = pending.get(language);
  if (!load) {
    const source = language === 'es' ? import('./es') : import('./en');
    load = source.then((module) => registerCatalog(language, module.default));
    // A failed load (a chunk the host could not serve) may be tried again.
    load.catch(() => pending.delete(language));
    pending.set(language, load);
  }
  return load;
}

export function isLoaded(language: Language): boolean {
  return loaded.has(language);
}

/** A change of the loaded catalogs, for React (`useT` re-renders once a language arrives). */
export function onCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function catalogsVersion(): number {
  return version;
}

/** Whether `key` is a message (the catalogs share their keys; any loaded one answers). */
export function isMessageKey(key: string): key is MessageKey {
  for (const language of loaded) if (Object.prototype.hasOwnProperty.call(CATALOGS[language], key)) return true;
  return false;
}

/** The language to translate into: `language` once loaded, else one that is (while it loads). */
function shown(language: Language): Language {
  if (loaded.has(language)) return language;
  return LANGUAGES.find((other) => loaded.has(other)) ?? language;
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return translateIn(CATALOGS, shown(language), key, params);
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
