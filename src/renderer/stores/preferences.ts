// Silo's own preferences as main stores them, and the language they resolve to.
import { createStore } from 'zustand/vanilla';
import type { Density, Language, Preferences, Theme } from '../../shared/model/preferences';
import type { SiloError } from '../../shared/errors';
import { errorOf } from '../api';
import { pickLanguage } from '../i18n';
import type { CallPort } from './api-port';

export interface LanguageHints {
  /** `?lang=` of the page (browser host), if any. */
  urlLang: string | null;
  /** navigator.languages. */
  system: readonly string[];
}

export interface PreferencesState {
  /** Null until main has sent them. */
  preferences: Preferences | null;
  hints: LanguageHints;
  language: Language;
  lastError: SiloError | null;

  setPreferences(preferences: Preferences): void;
  setLanguage(language: Language | null): Promise<void>;
  setTheme(theme: Theme): Promise<void>;
  setDensity(density: Density): Promise<void>;
}

export function createPreferencesStore(api: CallPort, hints: LanguageHints = { urlLang: null, system: [] }) {
  const store = createStore<PreferencesState>()((set, get) => ({
    preferences: null,
    hints,
    language: pickLanguage(null, hints.urlLang, hints.system),
    lastError: null,

    setPreferences(preferences) {
      set({ preferences, language: pickLanguage(preferences.language, get().hints.urlLang, get().hints.system) });
    },

    setLanguage: (language) => change({ language }),
    setTheme: (theme) => change({ theme }),
    setDensity: (density) => change({ density }),
  }));

  async function change(patch: Partial<Preferences>): Promise<void> {
    store.setState({ lastError: null });
    try {
      // preferences.changed follows too; applying the answer makes the switch immediate.
      store.getState().setPreferences(await api.call('preferences.set', patch));
    } catch (reason) {
      store.setState({ lastError: errorOf(reason) });
    }
  }
  return store;
}

export type PreferencesStore = ReturnType<typeof createPreferencesStore>;
