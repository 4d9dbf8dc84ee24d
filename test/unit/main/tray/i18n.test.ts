import { describe, expect, it } from 'vitest';
import en from '../../../../src/main/tray/i18n/en.json';
import es from '../../../../src/main/tray/i18n/es.json';
import { pickLanguage, translator } from '../../../../src/main/tray/i18n/translate';

describe("the tray's strings", () => {
  it('exist in every language, with the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: unknown) =>
      JSON.stringify(text)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    for (const key of Object.keys(en) as Array<keyof typeof en>) expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
  });

  it('follow the setting, else the system language, else English', () => {
    expect(pickLanguage('es', 'en-US')).toBe('es');
    expect(pickLanguage(null, 'es-MX')).toBe('es');
    expect(pickLanguage(null, 'es_ES')).toBe('es');
    expect(pickLanguage(null, 'fr-FR')).toBe('en');
    expect(pickLanguage(null, '')).toBe('en');
  });

  it('choose plural forms and fall back to English, then to the key', () => {
    const t = translator<'n' | 'only'>(
      { en: { n: { one: '{count} item', other: '{count} items' }, only: 'english' }, es: { n: { one: '{count} cosa', other: '{count} cosas' } } as never },
      'es',
    );
    expect(t('n', { count: 1 })).toBe('1 cosa');
    expect(t('n', { count: 12 })).toBe('12 cosas');
    expect(t('only')).toBe('english');
  });
});
