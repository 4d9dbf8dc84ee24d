// React access to the stores: a context holds the instances (tests render with their own).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Stores } from './index';
import type { ContainersState } from './containers';
import type { EngineState } from './engine';
import type { IsolationState } from './isolation';
import type { PreferencesState } from './preferences';
import type { UiState } from './ui';

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresContext is missing');
  return stores;
}

function useSlice<S, T>(pick: (stores: Stores) => StoreApi<S>, selector: (state: S) => T): T {
  return useStore(pick(useStores()), selector);
}

export const useContainers = <T>(selector: (s: ContainersState) => T): T => useSlice((s) => s.containers, selector);
export const useEngine = <T>(selector: (s: EngineState) => T): T => useSlice((s) => s.engine, selector);
export const usePreferences = <T>(selector: (s: PreferencesState) => T): T => useSlice((s) => s.preferences, selector);
export const useIsolation = <T>(selector: (s: IsolationState) => T): T => useSlice((s) => s.isolation, selector);
export const useUi = <T>(selector: (s: UiState) => T): T => useSlice((s) => s.ui, selector);
