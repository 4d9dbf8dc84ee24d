// Small React hooks with no domain knowledge.
import { useEffect, useState } from 'react';

/**
 * The current time, read again after `delayFor(now)` ms: a local tick that never asks the
 * engine. The delay may change between renders (every second while something is young).
 */
export function useNow(delayFor: (now: number) => number): number {
  const [now, setNow] = useState(() => Date.now());
  const delayMs = delayFor(now);
  useEffect(() => {
    const handle = setTimeout(() => setNow(Date.now()), delayMs);
    return () => clearTimeout(handle);
  }, [now, delayMs]);
  return now;
}
