// A tiny translator for the main process's own strings (the tray, notifications): flat keys,
// `{name}` placeholders, plural forms chosen by Intl.PluralRules from a `count` parameter.
// The renderer has its own in src/renderer/i18n, which main may not import.
import { LANGUAGES, type Language } from '../../../shared/model/preferences';

export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralForms;
export type Params = Record<string, string | number>;
export type Catalogs<K extends string> = Record<Language, Record<K, Message>>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

function interpolate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    return value === undefined ? '' : String(value);
  });
}

export function translator<K extends string>(catalogs: Catalogs<K>, language: Language): Translate<K> {
  const rules = new Intl.PluralRules(language);
  return (key, params = {}) => {
    const message = catalogs[language][key] ?? catalogs.en[key];
    if (message === undefined) return key;
    if (typeof message === 'string') return interpolate(message, params);
    const count = Number(params.count ?? 0);
    return interpolate(message[rules.select(count)] ?? message.other, params);
  };
}

/** The person's choice, else the system's language when Silo speaks it, else English. */
export function pickLanguage(setting: Language | null, systemLocale: string): Language {
  if (setting) return setting;
  const base = systemLocale.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}
