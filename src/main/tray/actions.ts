// What each tray action descriptor does: one call on the engine or on the app.
import type { ContainerAction } from '../../shared/model/container';
import type { Place } from '../../shared/place';
import type { EngineService } from '../engine/types';
import type { TrayAction } from './types';

export interface TrayAppActions {
  /** Shows the window; at `place` when one is given (the page is asked with `place.open`). */
  openWindow(place?: Place): void;
  quit(): void;
  /** Changes the engine's default isolation, through the backends' safe apply. */
  setDefaultIsolation(mode: string): Promise<void> | void;
  /** Docker Desktop's switch between Linux and Windows containers, once acknowledged. */
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
      if (action.action === 'logs') return app.openWindow({ view: 'containers', container: action.id, tab: 'logs' });
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
    case 'backends':
      return app.openWindow({ view: 'backends' });
    case 'quit':
      return app.quit();
  }
}
