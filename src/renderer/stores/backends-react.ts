// React access to the Engine settings view's stores (see backends-feed.ts).
import { useStore } from 'zustand';
import type { PlatformState } from './backends-platform';
import type { DaemonState } from './backends-daemon';
import { useStores } from './react';

export const useDaemon = <T>(selector: (s: DaemonState) => T): T => useStore(useStores().backends.daemon, selector);
export const usePlatform = <T>(selector: (s: PlatformState) => T): T => useStore(useStores().backends.platform, selector);
