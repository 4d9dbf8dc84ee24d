export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Settings {
  /** The person's choice; null follows the system (or `?lang=` in the browser host). */
  language: Language | null;
}

export const DEFAULT_SETTINGS: Settings = { language: null };
