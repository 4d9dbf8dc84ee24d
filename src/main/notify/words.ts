// A notice in the person's language: a title and a body.
import type { Language } from '../../shared/model/preferences';
import { translator, type Catalogs } from '../../shared/i18n/translate';
import en from './i18n/en.json';
import es from './i18n/es.json';
import type { Notice } from './types';

export type NotifyKey = keyof typeof en;
const spanish: typeof en = es;
export const NOTIFY_CATALOGS: Catalogs<NotifyKey> = { en, es: spanish };

/** How many names a summary's body lists before "and N more". */
const NAMES_SHOWN = 3;

export interface Wording {
  title: string;
  body: string;
}

export function wordNotice(notice: Notice, language: Language): Wording {
  const t = translator(NOTIFY_CATALOGS, language);
  if (!notice.summary) {
    const incident = notice.incidents[0]!;
    const params = { name: incident.name, exitCode: incident.exitCode ?? '?' };
    switch (incident.kind) {
      case 'died':
        return { title: t('died.title', params), body: t('died.body', params) };
      case 'oom':
        return { title: t('oom.title', params), body: t('oom.body', params) };
      case 'unhealthy':
        return { title: t('unhealthy.title', params), body: t('unhealthy.body', params) };
    }
  }
  const names = [...new Set(notice.incidents.map((i) => i.name))];
  const count = new Set(notice.incidents.map((i) => i.id)).size;
  const listed = names.slice(0, NAMES_SHOWN).join(', ');
  const rest = names.length - NAMES_SHOWN;
  return {
    title: t(`summary.${notice.kind}`, { count }),
    body: rest > 0 ? t('summary.namesAndMore', { names: listed, count: rest }) : t('summary.names', { names: listed }),
  };
}

export function wordCloseToTray(language: Language): Wording {
  const t = translator(NOTIFY_CATALOGS, language);
  return { title: t('closeToTray.title'), body: t('closeToTray.body') };
}
