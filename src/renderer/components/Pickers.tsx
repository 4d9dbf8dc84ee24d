// The engine picker and the language setting, in the sidebar.
import type { Language } from '../../shared/model/preferences';
import { LANGUAGES } from '../../shared/model/preferences';
import { useT } from '../i18n/react';
import { useEngine, usePreferences } from '../stores/react';

export function EnginePicker() {
  const t = useT();
  const endpoints = useEngine((s) => s.endpoints);
  const selecting = useEngine((s) => s.selecting);
  const select = useEngine((s) => s.select);
  const active = endpoints.find((e) => e.active)?.id ?? '';
  return (
    <label className="picker">
      <span>{t('picker.engine')}</span>
      <select value={selecting ?? active} disabled={endpoints.length === 0 || selecting !== null} onChange={(e) => void select(e.target.value)}>
        {active === '' ? <option value="">{t('picker.noEngine')}</option> : null}
        {endpoints.map((endpoint) => (
          <option key={endpoint.id} value={endpoint.id} title={endpoint.host}>
            {endpoint.name}
          </option>
        ))}
      </select>
    </label>
  );
}

const AUTO = 'auto';

export function LanguagePicker() {
  const t = useT();
  const stored = usePreferences((s) => s.preferences?.language ?? null);
  const loaded = usePreferences((s) => s.preferences !== null);
  const setLanguage = usePreferences((s) => s.setLanguage);
  return (
    <label className="picker">
      <span>{t('picker.language')}</span>
      <select value={stored ?? AUTO} disabled={!loaded} onChange={(e) => void setLanguage(e.target.value === AUTO ? null : (e.target.value as Language))}>
        <option value={AUTO}>{t('language.auto')}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
