// Silo as both hosts run it, for the backend integration tests: the engine manager, the session
// hub with the backends handlers wired as core.ts wires them, one page's dispatch, and the
// events that page received.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeCommandRunner } from '../../../src/main/backends/command-runner';
import { nodeFileOps } from '../../../src/main/backends/file-ops';
import { EngineManager } from '../../../src/main/engine/manager';
import { createBackends } from '../../../src/main/backends/handlers';
import { createDispatch } from '../../../src/main/host/dispatch';
import { SessionHub } from '../../../src/main/host/sessions';
import { PreferencesStore } from '../../../src/main/preferences/store';
import { IsolationService } from '../../../src/main/isolation/service';
import { isolationEngine } from '../../../src/main/isolation/engine';
import type { CallName, CallResult, EventName, EventPayloads } from '../../../src/shared/contract';
import type { SiloError } from '../../../src/shared/errors';

export interface SiloPage {
  manager: EngineManager;
  /** A call through the real dispatch; rejects with the SiloError when the reply is one. */
  call<N extends CallName>(name: N, args: unknown): Promise<CallResult<N>>;
  /** The reply's error, for calls expected to fail. */
  failure(name: CallName, args: unknown): Promise<SiloError>;
  events: Array<{ event: EventName; payload: unknown }>;
  eventsOf<E extends EventName>(event: E): EventPayloads[E][];
  close(): Promise<void>;
}

export async function openSilo(options: { env: NodeJS.ProcessEnv; homeDir: string }): Promise<SiloPage> {
  const configDir = mkdtempSync(join(tmpdir(), 'silo-cfg-'));
  const log = () => undefined;
  const manager = new EngineManager({ env: options.env, homeDir: options.homeDir, platform: 'linux', log });
  const isolation = new IsolationService({ engine: isolationEngine(manager), configDir, log });
  const backends = createBackends({
    engine: manager,
    env: options.env,
    homeDir: options.homeDir,
    platform: 'linux',
    runner: nodeCommandRunner,
    fs: nodeFileOps,
    log,
  });
  const hub = new SessionHub(manager, new PreferencesStore(configDir), isolation, null, backends);
  const events: SiloPage['events'] = [];
  const session = hub.open((event, payload) => events.push({ event, payload }));
  const dispatch = createDispatch(session.handlers);
  await manager.start();
  await dispatch('session.start', {});
  return {
    manager,
    async call(name, args) {
      const reply = await dispatch(name, args);
      if (!reply.ok) throw Object.assign(new Error(`${name}: ${reply.error.code} ${reply.error.detail ?? ''}`), { error: reply.error });
      return reply.result as never;
    },
    async failure(name, args) {
      const reply = await dispatch(name, args);
      if (reply.ok) throw new Error(`${name} answered ${JSON.stringify(reply.result)}`);
      return reply.error;
    },
    events,
    eventsOf: <E extends EventName>(event: E) => events.filter((e) => e.event === event).map((e) => e.payload as EventPayloads[E]),
    async close() {
      session.close();
      hub.close();
      isolation.close();
      await manager.stop();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
