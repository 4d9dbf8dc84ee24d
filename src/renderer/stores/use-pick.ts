// Several fields of one slice in one hook call: `usePick(useEngine, ['endpoints', 'select'])`.
// The component re-renders only when one of those fields changes (a shallow comparison).
import { useShallow } from 'zustand/react/shallow';

export function usePick<S, K extends keyof S>(useSlice: <T>(selector: (state: S) => T) => T, keys: readonly K[]): Pick<S, K> {
  return useSlice(
    useShallow((state: S) => {
      const picked = {} as Pick<S, K>;
      for (const key of keys) picked[key] = state[key];
      return picked;
    }),
  );
}
