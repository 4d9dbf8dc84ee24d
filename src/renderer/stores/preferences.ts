// Silo's own preferences as main stores them, and the language they resolve to.
import { createStore } from 'zustand/vanilla';
import type { Language, Preferences } from '../../shared/model/preferences';
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
}

export function createPreferencesStore(api: CallPort, hints: LanguageHints = { urlLang: null, system: [] }) {
  return createStore<PreferencesState>()((set, get) => ({
    preferences: null,
    hints,
    language: pickLanguage(null, hints.urlLang, hints.system),
    lastError: null,

    setPreferences(preferences) {
      set({ preferences, language: pickLanguage(preferences.language, get().hints.urlLang, get().hints.system) });
    },

    async setLanguage(language) {
      set({ lastError: null });
      try {
        // preferences.changed follows too; applying the answer makes the switch immediate.
        get().setPreferences(await api.call('preferences.set', { language }));
      } catch (reason) {
        set({ lastError: errorOf(reason) });
      }
    },
  }));
}

export type PreferencesStore = ReturnType<typeof createPreferencesStore>;
