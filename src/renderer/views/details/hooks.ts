// The details slice from React, and whether the page itself is visible (a minimized window or a
// background browser tab asks the engine for nothing).
import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { DetailsState } from '../../stores/details';
import { useStores } from '../../stores/react';

export const useDetails = <T>(selector: (s: DetailsState) => T): T => useStore(useStores().details, selector);

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState !== 'hidden');
}
