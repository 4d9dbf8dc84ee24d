// The theme and density settings, in the sidebar beside the language (Silo's own preferences).
import type { Density, Theme } from '../../shared/model/preferences';
import { DENSITIES, THEMES } from '../../shared/model/preferences';
import { useT } from '../i18n/react';
import { usePreferences } from '../stores/react';
import { ChoiceField } from './ChoiceField';

export function ThemePicker() {
  return <LookPicker which="theme" />;
}

export function DensityPicker() {
  return <LookPicker which="density" />;
}

function LookPicker({ which }: { which: 'theme' | 'density' }) {
  const t = useT();
  const value = usePreferences((s) => s.preferences?.[which] ?? (which === 'theme' ? 'system' : 'comfortable'));
  const loaded = usePreferences((s) => s.preferences !== null);
  const setTheme = usePreferences((s) => s.setTheme);
  const setDensity = usePreferences((s) => s.setDensity);
  const choices = which === 'theme' ? THEMES.map((v) => ({ value: v, text: t(`theme.${v}`) })) : DENSITIES.map((v) => ({ value: v, text: t(`density.${v}`) }));
  const onChange = (v: string): void => void (which === 'theme' ? setTheme(v as Theme) : setDensity(v as Density));
  return <ChoiceField className="picker" label={t(`picker.${which}`)} value={value} choices={choices} disabled={!loaded} onChange={onChange} />;
}
