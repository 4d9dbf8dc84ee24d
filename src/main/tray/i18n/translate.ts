// Main's own strings (the tray, notifications) use the shared translator (src/shared/i18n).
import type { Language } from '../../../shared/model/preferences';
import { matchLanguage } from '../../../shared/i18n/translate';

export { translator } from '../../../shared/i18n/translate';
export type { Catalogs, Message, Params, PluralForms, Translate } from '../../../shared/i18n/translate';

/** The person's choice, else the system's language when Silo speaks it, else English. */
export function pickLanguage(setting: Language | null, systemLocale: string): Language {
  return setting ?? matchLanguage([systemLocale]) ?? 'en';
}
