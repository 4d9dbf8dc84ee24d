// What the backends handlers run against: the engine service (endpoints, a fresh GET /info
// of any of them, rediscovery), the platform and home of this process, and the command runner and
// file operations the backends use (tests replace them).
import type { CommandRunner } from './command-runner';
import type { FileOps } from './file-ops';
import type { DesktopEnvironment } from './docker-desktop';
import type { EngineService } from '../engine/types';

export interface BackendsContext {
  engine: Pick<EngineService, 'endpoints' | 'readInfo' | 'refreshEndpoints' | 'snapshot'>;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  runner: CommandRunner;
  fs: FileOps;
  /** Docker Desktop's file locations beyond the environment (tests lay them out in a temporary folder). */
  desktop?: Partial<Pick<DesktopEnvironment, 'path' | 'linuxInstallDir' | 'linuxShareDir'>>;
  /** How long Docker Desktop's engine has to come back after a switch (default 3 minutes). */
  desktopWaitMs?: number;
  log: (line: string) => void;
}

/** A fresh GET /info is asked within this; a local engine answers in milliseconds. */
export const INFO_DEADLINE_MS = 5_000;

export function desktopEnvironment(context: BackendsContext): DesktopEnvironment {
  return { platform: context.platform, env: context.env, homeDir: context.homeDir, ...context.desktop };
}
