// Fault injection for tests: a hook runs before and after every step and undo action, and may
// throw. A thrown SimulatedCrash stands for Silo dying there: the executor stops at once, runs no
// rollback and leaves its journal behind, as a killed process would.

export interface HookPoint {
  operationId: string;
  containerName: string;
  /** A RecreateStep kind (`stop`, `create`, …) or an undo action's kind. */
  step: string;
  phase: 'step' | 'undo';
  /** Position among the container's steps (or undo actions). */
  index: number;
}

export interface FaultHooks {
  before?(point: HookPoint): void | Promise<void>;
  after?(point: HookPoint): void | Promise<void>;
}

export class SimulatedCrash extends Error {
  constructor(where = 'a fault hook') {
    super(`Silo stopped in ${where}`);
    this.name = 'SimulatedCrash';
  }
}

export const isSimulatedCrash = (error: unknown): error is SimulatedCrash => error instanceof SimulatedCrash;
