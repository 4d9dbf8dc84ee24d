// Silo's own preferences for a page: read them, change them (every page hears the change).
import type { Handlers } from '../../shared/contract';
import type { SettingsStore } from './store';

export type PreferencesHandlers = Pick<Handlers, 'settings.get' | 'settings.set'>;

export function preferencesHandlers(settings: SettingsStore): PreferencesHandlers {
  return {
    'settings.get': async () => settings.get(),
    'settings.set': async (change) => settings.update(change),
  };
}
