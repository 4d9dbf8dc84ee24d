// The isolation calls for a page: targets, advice, measured cost, moves, recoveries, and the
// create form (a new container is created with the isolation chosen for it).
import type { Handlers } from '../../shared/contract';
import type { IsolationService } from './service';

export type IsolationHandlers = Pick<
  Handlers,
  'isolation.targets' | 'isolation.advise' | 'isolation.measureCost' | 'isolation.move' | 'isolation.moveProject' | 'isolation.recoveries' | 'containers.create'
>;

export function isolationHandlers(isolation: IsolationService): IsolationHandlers {
  return {
    'isolation.targets': async ({ id }) => isolation.targets(id),
    'isolation.advise': async ({ id, target, writableLayer }) => isolation.advise(id, target, writableLayer),
    'isolation.measureCost': async (args) => isolation.measureCost(args),
    // Answered once the new containers run; the settle time goes on behind (service.ts).
    'isolation.move': async (args) => isolation.moveAnswered(args),
    'isolation.moveProject': async (args) => isolation.moveAnswered(args),
    'isolation.recoveries': async () => isolation.recovered(),
    'containers.create': async (spec) => isolation.createContainer(spec),
  };
}
