// The command palette's entries and its matching: every view, every container by name, and the
// main actions (a new container, theme, density, language). Pure: the palette runs `run`.
import type { ContainerSummary } from '../../../shared/model/container';
import { DENSITIES, LANGUAGES, THEMES, type Density, type Language, type Theme } from '../../../shared/model/preferences';
import type { Translate } from '../../i18n';
import type { View } from '../../stores/ui';
import { NAV } from '../../nav';

export type Command =
  | { kind: 'view'; view: View }
  | { kind: 'container'; id: string }
  | { kind: 'create' }
  | { kind: 'theme'; theme: Theme }
  | { kind: 'density'; density: Density }
  | { kind: 'language'; language: Language };

export interface Entry {
  key: string;
  /** What the entry says, and what the typed words are matched against. */
  label: string;
  /** Quieter words after it: the kind (View, Container, Action) and, for a container, its image. */
  detail: string;
  command: Command;
}

export function paletteEntries(t: Translate, containers: readonly ContainerSummary[], canCreate: boolean): Entry[] {
  const entries: Entry[] = NAV.map((item) => ({
    key: `view:${item.view}`,
    label: t(item.label),
    detail: t('palette.kind.view'),
    command: { kind: 'view', view: item.view },
  }));
  const action = (key: string, label: string, command: Command): Entry => ({ key, label, detail: t('palette.kind.action'), command });
  if (canCreate) entries.push(action('create', t('create.open'), { kind: 'create' }));
  for (const theme of THEMES) entries.push(action(`theme:${theme}`, t('palette.theme', { theme: t(`theme.${theme}`) }), { kind: 'theme', theme }));
  for (const density of DENSITIES)
    entries.push(action(`density:${density}`, t('palette.density', { density: t(`density.${density}`) }), { kind: 'density', density }));
  for (const language of LANGUAGES)
    entries.push(action(`language:${language}`, t('palette.language', { language: t(`language.${language}`) }), { kind: 'language', language }));
  const sorted = [...containers].sort((a, b) => a.name.localeCompare(b.name));
  for (const c of sorted)
    entries.push({ key: `container:${c.id}`, label: c.name, detail: `${t('palette.kind.container')} · ${c.image}`, command: { kind: 'container', id: c.id } });
  return entries;
}

/** Lower case without accents: "Configuración" matches "configuracion". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The entries every typed word is found in (label or detail), those whose label starts with the
 * words first; the order is otherwise kept. Nothing typed: all of them.
 */
export function matchEntries(entries: readonly Entry[], query: string): Entry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const head = words.join(' ');
  const starts: Entry[] = [];
  const rest: Entry[] = [];
  for (const entry of entries) {
    const label = fold(entry.label);
    const all = `${label} ${fold(entry.detail)}`;
    if (!words.every((w) => all.includes(w))) continue;
    (label.startsWith(head) ? starts : rest).push(entry);
  }
  return [...starts, ...rest];
}
