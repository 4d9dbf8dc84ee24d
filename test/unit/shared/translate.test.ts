import { describe, expect, it } from 'vitest';
import { interpolate, matchLanguage, translator } from '../../../src/shared/i18n/translate';
import { translate } from '../../../src/renderer/i18n';
import { trayTranslator } from '../../../src/main/tray/i18n/catalog';
import { NOTIFY_CATALOGS } from '../../../src/main/notify/words';

describe('the one translator', () => {
  const catalogs = {
    en: { n: { one: '{count} item', other: '{count} items' }, hello: 'Hello {name}', only: 'english' },
    es: { n: { one: '{count} cosa', other: '{count} cosas' }, hello: 'Hola {name}' },
  } as const;

  it('fills placeholders, chooses plural forms, falls back to English then to the key', () => {
    const t = translator<'n' | 'hello' | 'only' | 'missing'>(catalogs, 'es');
    expect(t('hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(t('n', { count: 1 })).toBe('1 cosa');
    expect(t('n', { count: 3 })).toBe('3 cosas');
    expect(t('only')).toBe('english');
    expect(t('missing')).toBe('missing');
    expect(interpolate('{a}-{b}', { a: 1 })).toBe('1-');
  });

  it('matches BCP 47 tags to the languages Silo speaks', () => {
    expect(matchLanguage(['fr-FR', 'es_MX'])).toBe('es');
    expect(matchLanguage([null, 'de'])).toBeNull();
  });

  it('serves the renderer, the tray and notifications alike', () => {
    expect(translate('es', 'common.cancel')).toBe('Cancelar');
    expect(trayTranslator('es')('change.cancel')).not.toBe('change.cancel');
    const notify = translator(NOTIFY_CATALOGS, 'en');
    expect(notify('died.title', { name: 'web', exitCode: 1 })).toContain('web');
  });
});
