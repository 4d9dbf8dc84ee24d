// An in-memory double of EngineOps, only for the executor's ordering and rollback: containers by
// id and name, running or not, renames, creates from a body, removals. It logs every call, and a
// call can be made to fail.
import type { RawContainerInspect, RawEndpointSettings, RawInfo } from '../../../../src/shared/engine-api';
import { SiloFailure, siloError } from '../../../../src/shared/errors';
import type { EngineOps, RawImageInspect } from '../../../../src/main/isolation/engine-ops';
import { clone, loadInspect, loadJson } from '../../shared/recreate/load';

type Method = keyof EngineOps;

export class FakeEngine {
  readonly containers = new Map<string, RawContainerInspect>();
  readonly images = new Set<string>(['silo-test/busybox:latest']);
  readonly calls: string[] = [];
  private readonly failures: Array<{ method: Method; when: (args: unknown[]) => boolean; error: SiloFailure }> = [];
  private counter = 0;
  /** Runtimes whose containers exit at once after start (a broken runtime that still "starts"). */
  readonly crashingRuntimes = new Set<string>();
  /** Set: every create makes its container under this runtime, whatever it asks (as Podman's API does). */
  onlyRuntime: string | null = null;
  readonly info: RawInfo = loadJson<RawInfo>('recreate/engine-info.json');
  /** GET /containers/{id}/changes of every container. */
  layer: Array<{ Path: string; Kind: number }> = [];

  add(fixture: string, patch: (c: RawContainerInspect) => void = () => undefined): RawContainerInspect {
    const c = loadInspect(fixture);
    patch(c);
    this.containers.set(c.Id, c);
    return c;
  }

  fail(
    method: Method,
    when: (args: unknown[]) => boolean = () => true,
    error = new SiloFailure(siloError('engine-error', { detail: `${method} failed` })),
  ): void {
    this.failures.push({ method, when, error });
  }

  find(idOrName: string): RawContainerInspect | undefined {
    const byId = this.containers.get(idOrName);
    if (byId) return byId;
    return [...this.containers.values()].find((c) => c.Name === `/${idOrName}`) ?? [...this.containers.values()].find((c) => c.Id.startsWith(idOrName));
  }

  /** The names in use, sorted. */
  names(): string[] {
    return [...this.containers.values()].map((c) => c.Name.slice(1)).sort();
  }

  ops(label: (id: string) => string = (id) => id.slice(0, 6)): EngineOps {
    const must = (id: string): RawContainerInspect => {
      const c = this.find(id);
      if (!c) throw new SiloFailure(siloError('container-not-found', { detail: `No such container: ${id}` }));
      return c;
    };
    const guard = (method: Method, args: unknown[], text: string): void => {
      this.calls.push(text);
      const f = this.failures.find((x) => x.method === method && x.when(args));
      if (f) throw f.error;
    };
    const nameFree = (name: string): void => {
      if (this.find(name)?.Name === `/${name}`)
        throw new SiloFailure(siloError('name-conflict', { params: { name }, detail: `Conflict. The container name "/${name}" is already in use` }));
    };
    const ops: EngineOps = {
      info: async () => clone(this.info),
      inspect: async (id) => {
        const c = this.find(id);
        return c ? clone(c) : null;
      },
      changes: async () => clone(this.layer),
      inspectImage: async (ref): Promise<RawImageInspect | null> =>
        this.images.has(ref) || ref.startsWith('sha256:')
          ? { Id: 'sha256:facc3276c35a2340ddb70ccf2a33ea3835f6b0266753850e19d65adbea887471', Os: 'linux' }
          : null,
      listImages: async () => [],
      listContainers: async (labels) => {
        const [key, value] = (labels?.[0] ?? '=').split('=');
        return [...this.containers.values()]
          .filter((c) => !key || c.Config.Labels?.[key] === value)
          .map((c) => ({ Id: c.Id, Names: [c.Name], Image: c.Config.Image ?? '', Created: 0, State: c.State.Status, Status: '' }));
      },
      create: async (name, body) => {
        guard('create', [name, body], `create ${name}`);
        if (name) nameFree(name);
        const b = body as {
          HostConfig: RawContainerInspect['HostConfig'];
          NetworkingConfig?: { EndpointsConfig: Record<string, RawEndpointSettings> };
        } & RawContainerInspect['Config'];
        const { HostConfig, NetworkingConfig, ...config } = b;
        const id = (++this.counter).toString(16).padStart(64, 'b');
        this.containers.set(id, {
          Id: id,
          Name: `/${name}`,
          Created: new Date().toISOString(),
          Image: String(config.Image),
          RestartCount: 0,
          State: { Status: 'created', Running: false },
          Config: clone(config),
          HostConfig: { ...clone(HostConfig), ...(this.onlyRuntime !== null ? { Runtime: this.onlyRuntime } : {}) },
          NetworkSettings: { Networks: clone(NetworkingConfig?.EndpointsConfig ?? {}) },
        });
        return { id, warnings: [] };
      },
      start: async (id) => {
        guard('start', [id], `start ${label(id)}`);
        const c = must(id);
        if (this.crashingRuntimes.has(c.HostConfig.Runtime ?? '')) {
          c.State = { Status: 'exited', Running: false, ExitCode: 127 };
          return;
        }
        c.State = { Status: 'running', Running: true, StartedAt: new Date().toISOString(), ...(c.Config.Healthcheck ? { Health: { Status: 'healthy' } } : {}) };
      },
      stop: async (id) => {
        guard('stop', [id], `stop ${label(id)}`);
        const c = must(id);
        c.State = { Status: 'exited', Running: false, ExitCode: 0 };
        if (c.HostConfig.AutoRemove) this.containers.delete(c.Id);
      },
      waitGone: async (id) => {
        if (this.find(id)) throw new SiloFailure(siloError('engine-timeout'));
      },
      setRestartPolicy: async (id, policy) => {
        guard('setRestartPolicy', [id, policy], `restart-policy ${label(id)} ${policy.Name}`);
        must(id).HostConfig.RestartPolicy = { ...policy };
      },
      commit: async (id, image) => {
        guard('commit', [id, image], `commit ${label(id)} ${image}`);
        this.images.add(image);
        return `sha256:${'c'.repeat(64)}`;
      },
      removeImage: async (ref) => {
        guard('removeImage', [ref], `remove-image ${ref}`);
        this.images.delete(ref);
      },
      rename: async (id, name) => {
        guard('rename', [id, name], `rename ${label(id)} ${name}`);
        const c = must(id);
        nameFree(name);
        c.Name = `/${name}`;
      },
      connect: async (network, body) => {
        guard('connect', [network, body], `connect ${network}`);
        const c = must((body as { Container: string }).Container);
        c.NetworkSettings = { Networks: { ...(c.NetworkSettings?.Networks ?? {}), [network]: {} } };
      },
      remove: async (id, force) => {
        guard('remove', [id, force], `remove ${label(id)}${force ? ' force' : ''}`);
        const c = must(id);
        if (c.State.Running && !force) throw new SiloFailure(siloError('must-stop-container'));
        this.containers.delete(c.Id);
      },
      inspectVolume: async () => null,
      removeProbe: async (id) => {
        this.containers.delete(must(id).Id);
      },
      stats: async () => ({ memory_stats: { usage: 1000, stats: { total_inactive_file: 100 } } }),
    };
    return ops;
  }
}
