// The tray menu, built by a pure function from the app state. On Linux the menu is all the tray
// offers, so everything a person needs without the window is here. It stays short whatever the
// number of containers: the running ones first, capped, then "More…".
import type { ContainerSummary } from '../../shared/model/container';
import { trayTranslator, type TrayKey } from './i18n/catalog';
import type { Translate } from './i18n/translate';
import type { TrayState } from './state';
import type { TrayMenuItem } from './types';

/** At most this many containers in each list; the rest are one "More…" away, in the window. */
export const TRAY_CONTAINER_CAP = 15;

const SEPARATOR: TrayMenuItem = { type: 'separator' };

/** Electron reads `&` as a mnemonic marker on Windows; a name is shown as it is. */
export function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

const byName = (a: ContainerSummary, b: ContainerSummary) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export function statusLine(state: TrayState, t: Translate<TrayKey>): string {
  if (!state.engine) return t('status.noEngine');
  const engine = literal(state.engine.name);
  switch (state.engine.phase) {
    case 'connected': {
      const running = state.containers.filter((c) => c.state === 'running').length;
      const total = state.containers.length;
      const current = state.isolation.current;
      const rung = state.isolation.offered.find((option) => option.mode === current)?.rung ?? 'unknown';
      const line = current
        ? t('status.connected', { engine, running, total, isolation: t('isolation.option', { mode: literal(current), rung: t(`rung.${rung}`) }) })
        : t('status.connectedNoIsolation', { engine, running, total });
      // Containers that control the engine (its socket or pipe mounted): root on the host, on every rung.
      const reach = state.containers.filter((c) => c.boundary?.reachesEngine === true || c.mountsEngineSocket).length;
      return reach > 0 ? t('status.reachEngine', { line, count: reach }) : line;
    }
    case 'connecting':
      return t('status.connecting', { engine });
    case 'reconnecting':
      return t('status.reconnecting', { engine });
    case 'unreachable':
      return t('status.unreachable', { engine });
  }
}

function containerItem(container: ContainerSummary, running: boolean, t: Translate<TrayKey>): TrayMenuItem {
  const id = container.id;
  const submenu: TrayMenuItem[] = running
    ? [
        { label: t('container.stop'), action: { type: 'container', id, action: 'stop' } },
        { label: t('container.restart'), action: { type: 'container', id, action: 'restart' } },
        { label: t('container.logs'), action: { type: 'container', id, action: 'logs' } },
      ]
    : [
        { label: t('container.start'), action: { type: 'container', id, action: 'start' } },
        { label: t('container.logs'), action: { type: 'container', id, action: 'logs' } },
      ];
  return { type: 'submenu', label: literal(container.name), submenu };
}

/** A capped list; past the cap, one item opens the window's container list. */
function capped(items: TrayMenuItem[], t: Translate<TrayKey>): TrayMenuItem[] {
  if (items.length <= TRAY_CONTAINER_CAP) return items;
  const rest = items.length - TRAY_CONTAINER_CAP;
  return [...items.slice(0, TRAY_CONTAINER_CAP), { label: t('more', { count: rest }), action: { type: 'open', view: 'containers' } }];
}

function containerSections(state: TrayState, t: Translate<TrayKey>): TrayMenuItem[] {
  const running = state.containers.filter((c) => c.state === 'running').sort(byName);
  const pinnedIds = new Set(state.pinned);
  const pinned = state.containers.filter((c) => pinnedIds.has(c.id) && c.state !== 'running').sort(byName);

  const items: TrayMenuItem[] = [{ label: t('section.running'), enabled: false }];
  if (running.length === 0) items.push({ label: t('section.noneRunning'), enabled: false });
  items.push(
    ...capped(
      running.map((c) => containerItem(c, true, t)),
      t,
    ),
  );
  if (pinned.length > 0) {
    items.push(SEPARATOR, { label: t('section.pinned'), enabled: false });
    items.push(
      ...capped(
        pinned.map((c) => containerItem(c, false, t)),
        t,
      ),
    );
  }
  return items;
}

function engineSwitch(state: TrayState, t: Translate<TrayKey>): TrayMenuItem[] {
  if (state.endpoints.length === 0) return [];
  const submenu: TrayMenuItem[] = state.endpoints.map((endpoint) => ({
    type: 'radio',
    label: literal(endpoint.name),
    checked: endpoint.active,
    action: { type: 'engine', id: endpoint.id },
  }));
  return [{ type: 'submenu', label: t('engine.menu'), submenu }];
}

function isolationSwitch(state: TrayState, t: Translate<TrayKey>): TrayMenuItem[] {
  if (state.engine?.phase !== 'connected' || state.isolation.offered.length === 0 || state.isolation.editable === false) return [];
  const submenu: TrayMenuItem[] = state.isolation.offered.map((option) => ({
    type: 'radio',
    label: t('isolation.option', { mode: literal(option.mode), rung: t(`rung.${option.rung}`) }),
    checked: option.mode === state.isolation.current,
    action: { type: 'default-isolation', mode: option.mode },
  }));
  return [{ type: 'submenu', label: t('isolation.menu'), submenu }];
}

function engineOsSwitch(state: TrayState, t: Translate<TrayKey>): TrayMenuItem[] {
  if (!state.engineOsSwitch || state.engine?.phase !== 'connected') return [];
  const target = state.engineOsSwitch;
  return [{ label: t(target === 'windows' ? 'engineOs.toWindows' : 'engineOs.toLinux'), action: { type: 'engine-os', target } }];
}

export function buildTrayMenu(state: TrayState): TrayMenuItem[] {
  const t = trayTranslator(state.language);
  const connected = state.engine?.phase === 'connected';
  const settingsGroup = [...engineSwitch(state, t), ...isolationSwitch(state, t), ...engineOsSwitch(state, t)];
  return [
    { label: statusLine(state, t), enabled: false },
    SEPARATOR,
    ...(connected ? [...containerSections(state, t), SEPARATOR] : []),
    ...(settingsGroup.length > 0 ? [...settingsGroup, SEPARATOR] : []),
    { label: t('open'), action: { type: 'open' } },
    { label: t('backends'), action: { type: 'backends' } },
    SEPARATOR,
    { label: t('quit'), action: { type: 'quit' } },
  ];
}

/** The tooltip: the status line, for a tray that shows no menu on hover. */
export function trayTooltip(state: TrayState): string {
  const t = trayTranslator(state.language);
  return t('tooltip', { status: statusLine(state, t) }).replace(/&&/g, '&');
}
