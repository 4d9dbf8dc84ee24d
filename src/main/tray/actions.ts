// What each tray action descriptor does: one call on the engine or on the app.
import type { ContainerAction } from '../../shared/model/container';
import type { EngineService } from '../engine/types';
import type { TrayAction } from './types';

export type WindowTarget = { view: 'containers' } | { view: 'settings' } | { view: 'logs'; id: string };

export interface TrayAppActions {
  openWindow(target?: WindowTarget): void;
  quit(): void;
  /** Changes the engine's default isolation (the safe apply lives with the engine backends). */
  setDefaultIsolation(mode: string): Promise<void> | void;
  /** Docker Desktop's switch between Linux and Windows containers. */
  switchEngineOs(target: 'windows' | 'linux'): Promise<void> | void;
}

export type TrayEngine = Pick<EngineService, 'snapshot' | 'containers' | 'endpoints' | 'on' | 'act' | 'select'>;

export async function runTrayAction(
  action: TrayAction,
  engine: TrayEngine,
  app: TrayAppActions,
  onAct: (ids: string[], action: ContainerAction) => void = () => undefined,
): Promise<void> {
  switch (action.type) {
    case 'container':
      if (action.action === 'logs') return app.openWindow({ view: 'logs', id: action.id });
      onAct([action.id], action.action);
      await engine.act([action.id], action.action, {});
      return;
    case 'engine':
      return engine.select(action.id);
    case 'default-isolation':
      return app.setDefaultIsolation(action.mode);
    case 'engine-os':
      return app.switchEngineOs(action.target);
    case 'open':
      return app.openWindow(action.view ? { view: action.view } : undefined);
    case 'settings':
      return app.openWindow({ view: 'settings' });
    case 'quit':
      return app.quit();
  }
}
