// Several engines for the Engine settings view: the docker contexts (remote engines a person adds are
// stored as contexts, so the docker CLI sees them too), one engine's default isolation on
// request, and adding or removing a remote engine (then discovery runs again).
import { toEngineInfo } from '../../shared/isolation';
import type { ContextResult, EngineContext, EngineDefaults, RemoteEngineInput } from '../../shared/model/backends';
import { addRemoteEngine, dockerConfigDir, listEngineContexts, removeSiloContext } from './contexts-store';
import { toSiloError } from '../../shared/errors';
import { INFO_DEADLINE_MS, type BackendsContext } from './context';

/** Sources under which an endpoint is a docker context of that name. */
const FROM_CONTEXT = new Set(['context', 'current-context', 'docker-context']);

export class EngineContextsService {
  constructor(private readonly context: BackendsContext) {}

  contexts(): Promise<EngineContext[]> {
    return listEngineContexts(this.options());
  }

  /** One GET /info: the engine's default isolation and its rung; the error when it does not answer. */
  async describe(id: string): Promise<EngineDefaults> {
    try {
      const info = toEngineInfo(await this.context.engine.readInfo(id, INFO_DEADLINE_MS));
      const mode = info.osType === 'windows' ? info.defaultIsolation : info.defaultRuntime;
      return {
        id,
        osType: info.osType,
        defaultRuntime: info.defaultRuntime,
        defaultIsolation: info.defaultIsolation,
        rung: info.runtimes.find((r) => r.name === mode)?.rung ?? null,
        error: null,
      };
    } catch (error) {
      return { id, osType: null, defaultRuntime: null, defaultIsolation: null, rung: null, error: toSiloError(error) };
    }
  }

  async addRemote(input: RemoteEngineInput): Promise<ContextResult> {
    const result = await addRemoteEngine(input, this.options());
    if (result.status === 'done') await this.context.engine.refreshEndpoints();
    return result;
  }

  async removeRemote(name: string): Promise<ContextResult> {
    const active = this.context.engine.endpoints().find((e) => e.active);
    // Silo's own engine is not pulled from under it: switch first.
    if (active && active.name === name && FROM_CONTEXT.has(active.source)) return { status: 'refused', error: { code: 'context-in-use', params: { name } } };
    const result = await removeSiloContext(name, this.options());
    if (result.status === 'done') await this.context.engine.refreshEndpoints();
    return result;
  }

  private options() {
    return { configDir: dockerConfigDir(this.context.env, this.context.homeDir), fs: this.context.fs };
  }
}
