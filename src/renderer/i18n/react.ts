// `useT()`: the translator for the language in the preferences store.
import { useMemo } from 'react';
import { usePreferences } from '../stores/react';
import type { Translate } from './index';
import { translator } from './index';

export function useT(): Translate {
  const language = usePreferences((s) => s.language);
  return useMemo(() => translator(language), [language]);
}

export function useLanguage() {
  return usePreferences((s) => s.language);
}
