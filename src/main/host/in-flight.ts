// A cap on the calls of one page that are still running: past it, a call is answered `busy` at
// once, without doing its work, so a page that sends without waiting for answers cannot make Silo
// hold an unbounded number of them (and their replies). Acknowledgements and closes of streams are
// never refused: they are cheap and they relieve the page.
import { siloError } from '../../shared/errors';
import type { Dispatch } from './dispatch';

export const MAX_IN_FLIGHT = 256;

const ALWAYS = new Set<unknown>(['stream.ack', 'stream.close']);

export interface LimitedDispatch extends Dispatch {
  /** Calls running now. */
  readonly inFlight: () => number;
}

export function limitInFlight(dispatch: Dispatch, max = MAX_IN_FLIGHT): LimitedDispatch {
  let running = 0;
  const limited: Dispatch = async (call, args) => {
    if (running >= max && !ALWAYS.has(call)) return { ok: false, error: siloError('busy', { params: { limit: max } }) };
    running++;
    try {
      return await dispatch(call, args);
    } finally {
      running--;
    }
  };
  return Object.assign(limited, { inFlight: () => running });
}
