// A cap on the calls of one page that are still running: past it, a valid call is answered `busy`
// at once, without doing its work, so a page that sends without waiting for answers cannot make
// Silo hold an unbounded number of them (each an engine request, with its reply). Acknowledgements
// and closes of streams are never refused: they are cheap and they relieve the page. A renderer
// has a handful of calls running at a time; 64 keeps a flooding page's host under 120 MiB
// (test/integration/reliability/backpressure.test.ts), where 256 took it to 150.
import type { CallName } from '../../shared/contract';

export const MAX_IN_FLIGHT = 64;

const ALWAYS = new Set<CallName>(['stream.ack', 'stream.close']);

/** What createDispatch asks before running a handler, and tells once it has answered. */
export interface CallGate {
  enter(call: CallName): boolean;
  leave(call: CallName): void;
  /** Calls running now. */
  readonly running: number;
  readonly limit: number;
}

export function inFlightGate(limit = MAX_IN_FLIGHT): CallGate {
  let running = 0;
  return {
    enter(call) {
      if (ALWAYS.has(call)) return true;
      if (running >= limit) return false;
      running++;
      return true;
    },
    leave(call) {
      if (!ALWAYS.has(call)) running--;
    },
    get running() {
      return running;
    },
    limit,
  };
}
