import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreferencesStore } from '../../../../src/main/preferences/store';

describe('preferences', () => {
  it('starts from defaults, saves a change, and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'silo-settings-'));
    const store = new PreferencesStore(dir);
    expect(store.get()).toEqual({ language: null, theme: 'system', density: 'comfortable' });
    const seen: unknown[] = [];
    store.on((s) => seen.push(s));
    store.update({ language: 'es' });
    expect(new PreferencesStore(dir).get()).toEqual({ language: 'es', theme: 'system', density: 'comfortable' });
    expect(seen).toEqual([{ language: 'es', theme: 'system', density: 'comfortable' }]);
  });

  it('keeps the theme and the density, each change leaving the others alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'silo-settings-'));
    const store = new PreferencesStore(dir);
    store.update({ language: 'es' });
    store.update({ theme: 'dark' });
    store.update({ density: 'compact' });
    expect(new PreferencesStore(dir).get()).toEqual({ language: 'es', theme: 'dark', density: 'compact' });
  });

  it('a theme or density it does not know falls back to its default alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'silo-settings-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'es', theme: 'sepia', density: 42 }));
    expect(new PreferencesStore(dir).get()).toEqual({ language: 'es', theme: 'system', density: 'comfortable' });
  });

  it('sets an unreadable file aside instead of deleting it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'silo-settings-'));
    writeFileSync(join(dir, 'settings.json'), '{ broken');
    const warnings: string[] = [];
    expect(new PreferencesStore(dir, (w) => warnings.push(w)).get()).toEqual({ language: null, theme: 'system', density: 'comfortable' });
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{ broken');
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
    expect(warnings[0]).toMatch(/could not be read/);
  });
});
