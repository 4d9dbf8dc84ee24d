// The browser host's own strings (the page it serves itself, before the renderer can run), in
// every language Silo speaks; es.json must have every key of en.json.
import en from './en.json';
import es from './es.json';
import { translator, type Catalogs, type Translate } from '../../tray/i18n/translate';
import type { Language } from '../../../shared/model/preferences';

export type WebKey = keyof typeof en;
const spanish: typeof en = es;
export const WEB_CATALOGS: Catalogs<WebKey> = { en, es: spanish };

export function webTranslator(language: Language): Translate<WebKey> {
  return translator(WEB_CATALOGS, language);
}
