// The page the browser host serves itself when an address no longer opens Silo: a used or unknown
// one-time code, or a tab with no secret. Plain HTML, no script, in the browser's language.
import { LANGUAGES, type Language } from '../../shared/model/preferences';
import { webTranslator } from './i18n/catalog';

export const NEW_LINK_COMMAND = 'npm run start:web -- --new-link';

/** The first language of an Accept-Language header that Silo speaks, by its q order; else English. */
export function acceptedLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { base } of ranked) if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  return 'en';
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function newAddressPage(language: Language): string {
  const t = webTranslator(language);
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${escape(t('newAddress.title'))}</title></head><body>`,
    `<h1>${escape(t('newAddress.title'))}</h1>`,
    `<p>${escape(t('newAddress.used'))}</p>`,
    `<p>${escape(t('newAddress.reload'))}</p>`,
    `<p>${escape(t('newAddress.how'))}</p>`,
    `<pre><code>${escape(NEW_LINK_COMMAND)}</code></pre>`,
    '</body></html>',
    '',
  ].join('\n');
}
