// The person's settings as main stores them, and the language they resolve to.
import { createStore } from 'zustand/vanilla';
import type { Language, Settings } from '../../shared/model/preferences';
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

export interface SettingsState {
  /** Null until main has sent them. */
  settings: Settings | null;
  hints: LanguageHints;
  language: Language;
  lastError: SiloError | null;

  setSettings(settings: Settings): void;
  setLanguage(language: Language | null): Promise<void>;
}

export function createSettingsStore(api: CallPort, hints: LanguageHints = { urlLang: null, system: [] }) {
  return createStore<SettingsState>()((set, get) => ({
    settings: null,
    hints,
    language: pickLanguage(null, hints.urlLang, hints.system),
    lastError: null,

    setSettings(settings) {
      set({ settings, language: pickLanguage(settings.language, get().hints.urlLang, get().hints.system) });
    },

    async setLanguage(language) {
      set({ lastError: null });
      try {
        // preferences.changed follows too; applying the answer makes the switch immediate.
        get().setSettings(await api.call('preferences.set', { language }));
      } catch (reason) {
        set({ lastError: errorOf(reason) });
      }
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
