// The tray's strings in every language Silo speaks; es.json must have every key of en.json.
import en from './en.json';
import es from './es.json';
import { translator, type Catalogs, type Translate } from './translate';
import type { Language } from '../../../shared/model/preferences';

export type TrayKey = keyof typeof en;
const spanish: typeof en = es;
export const TRAY_CATALOGS: Catalogs<TrayKey> = { en, es: spanish };

export function trayTranslator(language: Language): Translate<TrayKey> {
  return translator(TRAY_CATALOGS, language);
}
