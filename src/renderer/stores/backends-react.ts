// React access to the Settings view's stores (see backends-feed.ts).
import { useStore } from 'zustand';
import type { BackendsState } from './backends-platform';
import type { DaemonConfigState } from './backends-daemon';
import { useStores } from './react';

export const useDaemonConfig = <T>(selector: (s: DaemonConfigState) => T): T => useStore(useStores().engineSettings.daemonConfig, selector);
export const useBackends = <T>(selector: (s: BackendsState) => T): T => useStore(useStores().engineSettings.backends, selector);
