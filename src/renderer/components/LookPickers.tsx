// The theme and density settings, in the sidebar beside the language (Silo's own preferences).
import type { Density, Theme } from '../../shared/model/preferences';
import { DENSITIES, THEMES } from '../../shared/model/preferences';
import { useT } from '../i18n/react';
import { usePreferences } from '../stores/react';

export function ThemePicker() {
  const t = useT();
  const theme = usePreferences((s) => s.preferences?.theme ?? 'system');
  const loaded = usePreferences((s) => s.preferences !== null);
  const setTheme = usePreferences((s) => s.setTheme);
  return (
    <label className="picker">
      <span>{t('picker.theme')}</span>
      <select value={theme} disabled={!loaded} onChange={(e) => void setTheme(e.target.value as Theme)}>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DensityPicker() {
  const t = useT();
  const density = usePreferences((s) => s.preferences?.density ?? 'comfortable');
  const loaded = usePreferences((s) => s.preferences !== null);
  const setDensity = usePreferences((s) => s.setDensity);
  return (
    <label className="picker">
      <span>{t('picker.density')}</span>
      <select value={density} disabled={!loaded} onChange={(e) => void setDensity(e.target.value as Density)}>
        {DENSITIES.map((value) => (
          <option key={value} value={value}>
            {t(`density.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
