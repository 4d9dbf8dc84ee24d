// The sending state of a form: one send at a time (a second submit while one is on its way is
// ignored), the error of the last one in plain data, and `done` called only when it succeeded.
import { useCallback, useRef, useState } from 'react';
import type { SiloError } from '../../shared/errors';
import { errorOf } from '../api';

export interface Submit {
  sending: boolean;
  error: SiloError | null;
  setError: (error: SiloError | null) => void;
  /** Runs `task` unless one is running; resolves to true when it succeeded. */
  run: (task: () => Promise<unknown>, done?: () => void) => Promise<boolean>;
}

export function useSubmit(): Submit {
  const busy = useRef(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SiloError | null>(null);

  const run = useCallback(async (task: () => Promise<unknown>, done?: () => void): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setSending(true);
    setError(null);
    try {
      await task();
    } catch (reason) {
      busy.current = false;
      setError(errorOf(reason));
      setSending(false);
      return false;
    }
    busy.current = false;
    setSending(false);
    done?.();
    return true;
  }, []);

  return { sending, error, setError, run };
}
