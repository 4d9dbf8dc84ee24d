// How Silo looks: the theme (system, light, dark) and the density, as attributes of <html> that
// the style sheets read (`data-theme="dark"`, `data-density="compact"`). "system" follows the
// system's colour scheme, live.
import { useLayoutEffect } from 'react';
import type { Density, Theme } from '../shared/model/preferences';
import { usePreferences } from './stores/react';

const DARK = '(prefers-color-scheme: dark)';

/** The theme to draw: the person's choice, or the system's when they chose "system". */
export function resolvedTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

export function applyLook(root: HTMLElement, theme: Theme, density: Density): void {
  root.dataset.theme = resolvedTheme(theme, window.matchMedia(DARK).matches);
  root.dataset.density = density;
}

/** Keeps <html>'s look in step with the preferences (and with the system for "system"). */
export function useLook(): void {
  const theme = usePreferences((s) => s.preferences?.theme ?? 'system');
  const density = usePreferences((s) => s.preferences?.density ?? 'comfortable');
  useLayoutEffect(() => {
    const root = document.documentElement;
    applyLook(root, theme, density);
    const query = window.matchMedia(DARK);
    const follow = () => applyLook(root, theme, density);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [theme, density]);
}

/** The row height of the lists at a density, in pixels (the CSS `--row-height` matches it). */
export function rowHeightOf(density: Density): number {
  return density === 'compact' ? 32 : 40;
}

export function useRowHeight(): number {
  return rowHeightOf(usePreferences((s) => s.preferences?.density ?? 'comfortable'));
}
