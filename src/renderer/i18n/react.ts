// `useT()`: the translator for the language in the settings store.
import { useMemo } from 'react';
import { useSettings } from '../stores/react';
import type { Translate } from './index';
import { translator } from './index';

export function useT(): Translate {
  const language = useSettings((s) => s.language);
  return useMemo(() => translator(language), [language]);
}

export function useLanguage() {
  return useSettings((s) => s.language);
}
