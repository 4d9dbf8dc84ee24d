// Small React hooks with no domain knowledge.
import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs` (a local tick: it never asks the engine). */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(handle);
  }, [intervalMs]);
  return now;
}
