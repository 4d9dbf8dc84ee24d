export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Preferences {
  /** The person's choice; null follows the system (or `?lang=` in the browser host). */
  language: Language | null;
}

export const DEFAULT_PREFERENCES: Preferences = { language: null };
