// Silo's own preferences for a page: read them, change them (every page hears the change).
import type { Handlers } from '../../shared/contract';
import type { PreferencesStore } from './store';

export type PreferencesHandlers = Pick<Handlers, 'preferences.get' | 'preferences.set'>;

export function preferencesHandlers(preferences: PreferencesStore): PreferencesHandlers {
  return {
    'preferences.get': async () => preferences.get(),
    'preferences.set': async (change) => preferences.update(change),
  };
}
