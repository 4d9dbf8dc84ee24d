// The engine's calls for a page: the engines Silo found, the one it follows, and the live list of
// containers with their actions.
import type { Handlers } from '../../shared/contract';
import type { EngineService } from './types';

export type EngineHandlers = Pick<Handlers, 'engines.list' | 'engines.refresh' | 'engines.select' | 'engine.snapshot' | 'containers.list' | 'containers.act'>;

export function engineHandlers(engine: EngineService): EngineHandlers {
  return {
    'engines.list': async () => engine.endpoints(),
    'engines.refresh': async () => engine.refreshEndpoints(),
    'engines.select': async ({ id }) => {
      await engine.select(id);
      return null;
    },
    'engine.snapshot': async () => engine.snapshot(),
    'containers.list': async () => engine.containers(),
    'containers.act': async ({ ids, action, removeVolumes, force }) =>
      engine.act(ids, action, { removeVolumes: removeVolumes ?? false, force: force ?? false }),
  };
}
