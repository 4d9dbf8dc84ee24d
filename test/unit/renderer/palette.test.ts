import { describe, expect, it } from 'vitest';
import { callSchemas } from '../../../src/shared/contract';
import { translator } from '../../../src/renderer/i18n';
import { fold, matchEntries, paletteEntries } from '../../../src/renderer/views/palette/model';
import { resolvedTheme, rowHeightOf } from '../../../src/renderer/look';
import type { ContainerSummary } from '../../../src/shared/model/container';

const container = (id: string, name: string, image = 'nginx:1.27') => ({ id, name, image }) as ContainerSummary;

describe('the command palette', () => {
  const en = translator('en');
  const entries = paletteEntries(en, [container('b1', 'web'), container('a1', 'api', 'postgres:16')], true);

  it('lists every view, the actions and every container by name', () => {
    const labels = entries.map((e) => e.label);
    expect(labels.slice(0, 6)).toEqual(['Containers', 'Images', 'Volumes', 'Networks', 'Engine', 'Engine settings']);
    expect(labels).toEqual(expect.arrayContaining(['New container', 'Theme: Dark', 'Density: Compact', 'Language: Español', 'api', 'web']));
    expect(entries.find((e) => e.label === 'web')?.command).toEqual({ kind: 'container', id: 'b1' });
    expect(paletteEntries(en, [], false).some((e) => e.command.kind === 'create')).toBe(false);
  });

  it('matches every typed word, ignoring case and accents, label starts first', () => {
    expect(fold('Configuración')).toBe('configuracion');
    expect(matchEntries(entries, 'theme da').map((e) => e.label)).toEqual(['Theme: Dark']);
    expect(matchEntries(entries, 'postgres').map((e) => e.label)).toEqual(['api']);
    expect(matchEntries(entries, 'engine').map((e) => e.label)).toEqual(['Engine', 'Engine settings']);
    expect(matchEntries(entries, '')).toHaveLength(entries.length);
    expect(matchEntries(entries, 'zzz')).toEqual([]);
    const es = paletteEntries(translator('es'), [], true);
    expect(matchEntries(es, 'imagenes').map((e) => e.label)).toEqual(['Imágenes']);
  });
});

describe('the look preferences', () => {
  it('resolve "system" from the system, and the contract takes only known values', () => {
    expect(resolvedTheme('system', true)).toBe('dark');
    expect(resolvedTheme('system', false)).toBe('light');
    expect(resolvedTheme('light', true)).toBe('light');
    expect(rowHeightOf('compact')).toBeLessThan(rowHeightOf('comfortable'));
    const set = callSchemas['preferences.set'];
    expect(set.safeParse({ theme: 'dark', density: 'compact' }).success).toBe(true);
    expect(set.safeParse({ theme: 'sepia' }).success).toBe(false);
    expect(set.safeParse({ density: 'tiny' }).success).toBe(false);
  });
});
