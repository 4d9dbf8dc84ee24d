export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How Silo looks: follow the system, or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** How much fits on a screen: comfortable rows, or compact ones. */
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

export interface Preferences {
  /** The person's choice; null follows the system (or `?lang=` in the browser host). */
  language: Language | null;
  theme: Theme;
  density: Density;
}

export const DEFAULT_PREFERENCES: Preferences = { language: null, theme: 'system', density: 'comfortable' };
