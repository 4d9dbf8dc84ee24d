// What the desktop app and the browser host share: the engine service, the preferences, the
// isolation and backends services, and the hub
// that serves pages. Each host adds only its transport.
import { homedir } from 'node:os';
import { Dashboard } from '../dashboard/dashboard';
import { settleHangups } from '../dashboard/exec-hangup';
import { EngineManager } from '../engine/manager';
import type { EngineService } from '../engine/types';
import { IsolationService } from '../isolation/service';
import { isolationEngine } from '../isolation/engine';
import { SessionHub } from './sessions';
import { createBackends, type Backends } from '../backends/handlers';
import { nodeCommandRunner } from '../backends/command-runner';
import { nodeFileOps } from '../backends/file-ops';
import { PreferencesStore } from '../preferences/store';

export interface Core {
  engine: EngineService;
  preferences: PreferencesStore;
  hub: SessionHub;
  isolation: IsolationService;
  /** The backends services (daemon.json, Docker Desktop, contexts), for the tray too. */
  backends: Backends;
  stop(): Promise<void>;
}

export async function startCore(options: { configDir: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void }): Promise<Core> {
  const log = options.log ?? (() => undefined);
  const env = options.env ?? process.env;
  const engine = new EngineManager({ env, homeDir: homedir(), platform: process.platform });
  const preferences = new PreferencesStore(options.configDir, log);
  const isolation = new IsolationService({ engine: isolationEngine(engine), configDir: options.configDir, log });
  const dashboard = new Dashboard(engine, log);
  const backends = createBackends({ engine, env, homeDir: homedir(), platform: process.platform, runner: nodeCommandRunner, fs: nodeFileOps, log });
  const hub = new SessionHub(engine, preferences, isolation, dashboard, backends);
  await engine.start();
  return {
    engine,
    preferences,
    hub,
    isolation,
    backends,
    async stop() {
      hub.close();
      dashboard.close();
      isolation.close();
      // Closed terminals' shells are ended by an exec of their own: let those reach the engine.
      await settleHangups();
      await engine.stop();
    },
  };
}
