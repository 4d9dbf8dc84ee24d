// `useT()`: the translator for the language in the preferences store. A language whose catalog is
// still loading is shown in the one already loaded, and the view re-renders once it arrives.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { usePreferences } from '../stores/react';
import type { Translate } from './index';
import { catalogsVersion, loadLanguage, onCatalogs, translator } from './index';

export function useT(): Translate {
  const language = usePreferences((s) => s.language);
  const version = useSyncExternalStore(onCatalogs, catalogsVersion);
  useEffect(() => {
    loadLanguage(language).catch(() => undefined);
  }, [language]);
  // `version` stands for the catalogs: a new translator once a language has arrived.
  return useMemo(() => translator(language), [language, version]);
}

export function useLanguage() {
  return usePreferences((s) => s.language);
}
