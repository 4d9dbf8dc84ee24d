// Silo's own preferences for a page: read them, change them (every page hears the change).
import type { Handlers } from '../../shared/contract';
import type { SettingsStore } from './store';

export type PreferencesHandlers = Pick<Handlers, 'preferences.get' | 'preferences.set'>;

export function preferencesHandlers(settings: SettingsStore): PreferencesHandlers {
  return {
    'preferences.get': async () => settings.get(),
    'preferences.set': async (change) => settings.update(change),
  };
}
