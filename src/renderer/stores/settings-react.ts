// React access to the Settings view's stores (see settings-feed.ts).
import { useStore } from 'zustand';
import type { BackendsState } from './settings-backends';
import type { DaemonConfigState } from './settings-daemon';
import { useStores } from './react';

export const useDaemonConfig = <T>(selector: (s: DaemonConfigState) => T): T => useStore(useStores().engineSettings.daemonConfig, selector);
export const useBackends = <T>(selector: (s: BackendsState) => T): T => useStore(useStores().engineSettings.backends, selector);
