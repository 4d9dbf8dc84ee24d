import { describe, expect, it } from 'vitest';
import { buildTrayMenu, literal, trayTooltip, TRAY_CONTAINER_CAP } from '../../../../src/main/tray/menu';
import { trayStateFrom, type TrayState } from '../../../../src/main/tray/state';
import { iconStateFor, type TrayAction, type TrayMenuItem } from '../../../../src/main/tray/types';
import type { ConnectionPhase } from '../../../../src/shared/model/engine';
import type { ContainerSummary } from '../../../../src/shared/model/container';
import type { Boundary } from '../../../../src/shared/model/boundary';
import { container, containers, endpoint, snapshot } from './fixtures';

function state(phase: ConnectionPhase, list: ContainerSummary[], extra: Partial<TrayState> = {}): TrayState {
  return {
    ...trayStateFrom({
      language: 'en',
      snapshot: snapshot(phase),
      containers: list,
      endpoints: [endpoint('default', true), endpoint('rootless', false)],
      pinned: [],
    }),
    ...extra,
  };
}

const labels = (items: TrayMenuItem[]) => items.map((item) => (item.type === 'separator' ? '---' : item.label));
const find = (items: TrayMenuItem[], label: string) => items.find((item) => item.label === label);
const actions = (items: TrayMenuItem[]): TrayAction[] => items.flatMap((item) => [...(item.action ? [item.action] : []), ...actions(item.submenu ?? [])]);
/** The items between the "Running" heading and the next separator. */
function runningSection(items: TrayMenuItem[], heading = 'Running'): TrayMenuItem[] {
  const start = items.findIndex((item) => item.label === heading);
  const end = items.findIndex((item, i) => i > start && item.type === 'separator');
  return items.slice(start + 1, end);
}

const PHASES: ConnectionPhase[] = ['connected', 'connecting', 'reconnecting', 'unreachable'];
const SIZES = [0, 3, 500];

describe('the tray menu', () => {
  for (const phase of PHASES) {
    for (const size of SIZES) {
      it(`is complete and short when the engine is ${phase}, with ${size} containers`, () => {
        const list = containers(size);
        const menu = buildTrayMenu(state(phase, list));
        const running = list.filter((c) => c.state === 'running').length;

        // The status line first, never clickable.
        expect(menu[0]).toMatchObject({ enabled: false });
        if (phase === 'connected') expect(menu[0]?.label).toBe(`default: ${running} of ${size} running · runc (shared kernel)`);
        else expect(menu[0]?.label).toBe(`default: ${phase === 'unreachable' ? 'unreachable' : `${phase}…`}`);

        // Open Silo, Engine settings and Quit always close the menu; the engine switch is always there.
        expect(labels(menu).slice(-4)).toEqual(['Open Silo', 'Engine settings…', '---', 'Quit Silo']);
        expect(find(menu, 'Engine')?.submenu?.map((item) => [item.label, item.checked])).toEqual([
          ['default', true],
          ['rootless', false],
        ]);

        // A menu that stays short, whatever the number of containers.
        expect(menu.length).toBeLessThanOrEqual(TRAY_CONTAINER_CAP + 12);

        if (phase !== 'connected') {
          // Nothing to act on while the engine does not answer.
          expect(actions(menu).filter((a) => a.type === 'container' || a.type === 'default-isolation')).toEqual([]);
          return;
        }
        const section = runningSection(menu);
        if (running === 0) {
          expect(labels(section)).toEqual(['No container is running']);
        } else {
          const shown = Math.min(running, TRAY_CONTAINER_CAP);
          const names = list
            .filter((c) => c.state === 'running')
            .map((c) => c.name)
            .sort()
            .slice(0, shown);
          expect(labels(section).slice(0, shown)).toEqual(names);
          for (const item of section.slice(0, shown)) expect(labels(item.submenu ?? [])).toEqual(['Stop', 'Restart', 'Open logs']);
          if (running > TRAY_CONTAINER_CAP) {
            expect(section[shown]).toEqual({ label: `More… (${running - TRAY_CONTAINER_CAP} more)`, action: { type: 'open', view: 'containers' } });
            expect(section).toHaveLength(shown + 1);
          } else {
            expect(section).toHaveLength(shown);
          }
        }
      });
    }
  }

  it('lists the running containers first, each acting on its own id', () => {
    const list = [container(1, 'exited'), container(2, 'running', { name: 'web' }), container(3, 'running', { name: 'db' })];
    const menu = buildTrayMenu(state('connected', list));
    const section = runningSection(menu);
    expect(labels(section)).toEqual(['db', 'web']);
    expect(section[1]?.submenu?.map((item) => item.action)).toEqual([
      { type: 'container', id: list[1]!.id, action: 'stop' },
      { type: 'container', id: list[1]!.id, action: 'restart' },
      { type: 'container', id: list[1]!.id, action: 'logs' },
    ]);
  });

  it('follows a container that stops: it leaves the running list', () => {
    const web = container(2, 'running', { name: 'web' });
    const before = runningSection(buildTrayMenu(state('connected', [web])));
    const after = runningSection(buildTrayMenu(state('connected', [{ ...web, state: 'exited' }])));
    expect(labels(before)).toEqual(['web']);
    expect(labels(after)).toEqual(['No container is running']);
  });

  it('offers Start for pinned containers that are not running, and skips pins of removed containers', () => {
    const list = [container(1, 'exited', { name: 'db' }), container(2, 'running', { name: 'web' })];
    const menu = buildTrayMenu(state('connected', list, { pinned: [list[0]!.id, list[1]!.id, 'f'.repeat(64)] }));
    const at = menu.findIndex((item) => item.label === 'Pinned');
    expect(menu[at]?.enabled).toBe(false);
    expect(menu[at + 1]?.label).toBe('db');
    expect(menu[at + 1]?.submenu?.map((item) => item.action)).toEqual([
      { type: 'container', id: list[0]!.id, action: 'start' },
      { type: 'container', id: list[0]!.id, action: 'logs' },
    ]);
    expect(menu[at + 2]?.type).toBe('separator');
  });

  it('switches the default isolation among the runtimes offered, the current one checked', () => {
    const menu = buildTrayMenu(state('connected', []));
    expect(find(menu, 'Default isolation')?.submenu).toEqual([
      { type: 'radio', label: 'runc (shared kernel)', checked: true, action: { type: 'default-isolation', mode: 'runc' } },
      { type: 'radio', label: 'runsc (user-space kernel)', checked: false, action: { type: 'default-isolation', mode: 'runsc' } },
    ]);
  });

  it('offers no default-isolation switch on Podman (its default lives in containers.conf), and still says the current one', () => {
    const podman = snapshot('connected');
    podman.info = { ...podman.info!, kind: 'podman' };
    const menu = buildTrayMenu(trayStateFrom({ language: 'en', snapshot: podman, containers: [], endpoints: [endpoint('default', true)], pinned: [] }));
    expect(find(menu, 'Default isolation')).toBeUndefined();
    expect(actions(menu).filter((a) => a.type === 'default-isolation')).toEqual([]);
    expect(trayTooltip(trayStateFrom({ language: 'en', snapshot: podman, containers: [], endpoints: [], pinned: [] }))).toContain('runc');
  });

  it('switches the engine among the endpoints found', () => {
    const menu = buildTrayMenu(state('connected', []));
    expect(find(menu, 'Engine')?.submenu?.[1]?.action).toEqual({ type: 'engine', id: 'unix:///run/rootless.sock' });
  });

  it('offers the Windows/Linux containers switch only where Docker Desktop can make it', () => {
    expect(find(buildTrayMenu(state('connected', [])), 'Switch to Windows containers')).toBeUndefined();
    expect(find(buildTrayMenu(state('connected', [], { engineOsSwitch: 'windows' })), 'Switch to Windows containers')?.action).toEqual({
      type: 'engine-os',
      target: 'windows',
    });
    expect(find(buildTrayMenu(state('connected', [], { engineOsSwitch: 'linux' })), 'Switch to Linux containers')?.action).toEqual({
      type: 'engine-os',
      target: 'linux',
    });
    expect(find(buildTrayMenu(state('unreachable', [], { engineOsSwitch: 'linux' })), 'Switch to Linux containers')).toBeUndefined();
  });

  it('says when no engine was found, and still offers Open, Engine settings and Quit', () => {
    const menu = buildTrayMenu({ ...state('unreachable', []), engine: null, endpoints: [] });
    expect(labels(menu)).toEqual(['No engine found', '---', 'Open Silo', 'Engine settings…', '---', 'Quit Silo']);
  });

  it('speaks Spanish', () => {
    const menu = buildTrayMenu(state('connected', [container(1, 'running', { name: 'web' })], { language: 'es' }));
    expect(menu[0]?.label).toBe('default: 1 de 1 en marcha · runc (kernel compartido)');
    expect(labels(menu)).toContain('Abrir Silo');
    expect(labels(runningSection(menu, 'En marcha')[0]?.submenu ?? [])).toEqual(['Detener', 'Reiniciar', 'Abrir registros']);
  });

  it('shows names literally, not as mnemonics', () => {
    expect(literal('R&D')).toBe('R&&D');
    const menu = buildTrayMenu(state('connected', [], { engine: { name: 'R&D', phase: 'connected' } }));
    expect(menu[0]?.label).toMatch(/^R&&D:/);
    expect(trayTooltip(state('connected', [], { engine: { name: 'R&D', phase: 'connected' } }))).toMatch(/^Silo · R&D:/);
  });

  it('carries plain data only, no closures', () => {
    const menu = buildTrayMenu(state('connected', containers(30), { pinned: [containers(30)[1]!.id] }));
    expect(JSON.parse(JSON.stringify(menu))).toEqual(menu);
  });

  it('picks one icon per engine state', () => {
    expect(iconStateFor('connected')).toBe('connected');
    expect(iconStateFor('connecting')).toBe('reconnecting');
    expect(iconStateFor('reconnecting')).toBe('reconnecting');
    expect(iconStateFor('unreachable')).toBe('unreachable');
    expect(iconStateFor(null)).toBe('unreachable');
  });
});

describe('the status line and the engine', () => {
  it('counts the containers that can reach the engine, in English and Spanish', () => {
    const reach: Boundary = { rung: 'shared-kernel', verdict: 'weakened', worst: 'critical', reachesEngine: true, privileged: false, findings: [] };
    const list = [container(1, 'running', { boundary: reach }), container(2, 'exited', { mountsEngineSocket: true }), container(3, 'running')];
    expect(buildTrayMenu(state('connected', list))[0]?.label).toBe('default: 2 of 3 running · runc (shared kernel) · 2 can reach the engine');
    expect(buildTrayMenu({ ...state('connected', list), language: 'es' })[0]?.label).toMatch(/· 2 pueden llegar al motor$/);
    expect(buildTrayMenu(state('connected', [container(3, 'running')]))[0]?.label).toBe('default: 1 of 1 running · runc (shared kernel)');
  });
});
