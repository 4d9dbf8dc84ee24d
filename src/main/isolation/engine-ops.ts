// The Engine API calls that choosing and changing a container's isolation needs: inspect, the
// writable layer's changes, images, create, start, stop, rename, update, commit, connect, remove,
// stats. Each call has a deadline; failures come back as SiloFailures. Removing a container here
// never removes its volumes (a re-created container uses them), except for Silo's own test probe.
import type { RawContainerInspect, RawContainerListItem, RawInfo } from '../../shared/engine-api';
import { SiloFailure } from '../../shared/errors';
import type { RawVolume } from '../../shared/dashboard/raw';
import type { RawChange } from '../../shared/isolation/writable-layer';
import type { EngineClient, RequestOptions } from '../engine/connection/client';
import { isConnectionError, mapEngineError } from '../engine/errors';
import { withRealRuntime } from '../engine/podman-runtime';

/** GET /images/{name}/json (the fields Silo reads). */
export interface RawImageInspect {
  Id: string;
  RepoTags?: string[] | null;
  Os?: string;
  OsVersion?: string;
  Size?: number;
  Created?: string;
  /** The image's own command, if it has one. */
  Config?: { Cmd?: string[] | null; Entrypoint?: string[] | null } | null;
}

/** One item of GET /images/json. */
export interface RawImageListItem {
  Id: string;
  RepoTags?: string[] | null;
  Size?: number;
  Created?: number;
}

/** GET /containers/{id}/stats?stream=false (memory only). */
export interface RawStats {
  memory_stats?: { usage?: number; stats?: Record<string, number> } | null;
}

export interface RestartPolicy {
  Name: string;
  MaximumRetryCount: number;
}

export interface EngineOps {
  info(): Promise<RawInfo>;
  /** The container by id or name, or null when the engine has none. */
  inspect(idOrName: string): Promise<RawContainerInspect | null>;
  changes(id: string): Promise<RawChange[]>;
  inspectImage(reference: string): Promise<RawImageInspect | null>;
  /** A named volume (its driver and options), or null when the engine has none by that name. */
  inspectVolume(name: string): Promise<Pick<RawVolume, 'Driver' | 'Options'> | null>;
  listImages(): Promise<RawImageListItem[]>;
  /** All containers, or those with every `key=value` label given. */
  listContainers(labels?: string[]): Promise<RawContainerListItem[]>;
  create(name: string | null, body: object): Promise<{ id: string; warnings: string[] }>;
  start(id: string): Promise<void>;
  /** `deadlineMs`: how long to wait for the engine, which itself waits the container's stop timeout. */
  stop(id: string, deadlineMs?: number): Promise<void>;
  /** Resolves once the engine no longer has the container (an auto-remove one after its stop). */
  waitGone(id: string, deadlineMs: number): Promise<void>;
  setRestartPolicy(id: string, policy: RestartPolicy): Promise<void>;
  /** `image` is `repo:tag`; returns the new image's id. */
  commit(id: string, image: string, pause: boolean): Promise<string>;
  removeImage(reference: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  connect(network: string, body: object): Promise<void>;
  /** Never with its volumes. */
  remove(id: string, force: boolean): Promise<void>;
  /** Silo's own short-lived test container, with the anonymous volumes it made for itself. */
  removeProbe(id: string): Promise<void>;
  stats(id: string): Promise<RawStats>;
}

export interface EngineOpsOptions {
  /** A call could not reach the engine (the connection reconnects). */
  onConnectionError?: (error: unknown) => void;
}

const SHORT = 15_000;
const LONG = 10 * 60_000; // create and commit copy whole filesystems on the vfs driver
const enc = encodeURIComponent;

export function createEngineOps(client: EngineClient, options: EngineOpsOptions = {}): EngineOps {
  const fail = (error: unknown, name?: string): never => {
    if (isConnectionError(error)) options.onConnectionError?.(error);
    throw new SiloFailure(mapEngineError(error, name));
  };
  const call = async <T>(
    method: 'get' | 'post' | 'delete',
    path: string,
    ms: number,
    extra: Omit<RequestOptions, 'signal'> = {},
    name?: string,
  ): Promise<T> => {
    try {
      return await client[method]<T>(path, { ...extra, signal: AbortSignal.timeout(ms) });
    } catch (error) {
      // 304: already started or stopped.
      if ((error as { statusCode?: number }).statusCode === 304) return undefined as T;
      return fail(error, name);
    }
  };
  const orNull = async <T>(run: () => Promise<T>, code: string): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof SiloFailure && (error.error.code === code || /no such image/i.test(error.error.detail ?? ''))) return null;
      throw error;
    }
  };

  const ops: EngineOps = {
    info: () => call('get', '/info', SHORT),
    // Podman's compatible inspect hides the runtime; libpod's names it (podman-runtime.ts).
    inspect: (id) =>
      orNull(async () => withRealRuntime(client, await call<RawContainerInspect>('get', `/containers/${enc(id)}/json`, SHORT), SHORT), 'container-not-found'),
    // An unchanged layer is the JSON `null`, which the modem hands back as the raw body (a Buffer).
    changes: async (id) => {
      const answer = await call<unknown>('get', `/containers/${enc(id)}/changes`, 60_000);
      return Array.isArray(answer) ? (answer as RawChange[]) : [];
    },
    inspectImage: (ref) => orNull(() => call<RawImageInspect>('get', `/images/${enc(ref)}/json`, SHORT), 'image-not-found'),
    async inspectVolume(name) {
      try {
        return await call<RawVolume>('get', `/volumes/${enc(name)}`, SHORT);
      } catch (error) {
        // A volume the engine does not have yet is made, empty, by the create: nothing to follow.
        if (error instanceof SiloFailure && /no such volume/i.test(error.error.detail ?? '')) return null;
        throw error;
      }
    },
    listImages: () => call('get', '/images/json', 30_000),
    listContainers: (labels) =>
      call('get', '/containers/json', 30_000, {
        query: labels && labels.length > 0 ? { all: true, filters: JSON.stringify({ label: labels }) } : { all: true },
      }),
    async create(name, body) {
      const query: Record<string, string> = name ? { name } : {};
      const answer = await call<{ Id: string; Warnings?: string[] | null }>('post', '/containers/create', LONG, { query, body }, name ?? undefined);
      return { id: answer.Id, warnings: answer.Warnings ?? [] };
    },
    start: (id) => call('post', `/containers/${enc(id)}/start`, 120_000),
    // The engine waits for the container's own stop timeout before it kills.
    stop: (id, deadlineMs) => call('post', `/containers/${enc(id)}/stop`, deadlineMs ?? 180_000),
    async waitGone(id, deadlineMs) {
      const deadline = Date.now() + deadlineMs;
      while ((await ops.inspect(id)) !== null) {
        if (Date.now() > deadline)
          throw new SiloFailure({ code: 'engine-timeout', params: { id: id.slice(0, 12) }, detail: 'the container was not removed in time' });
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    setRestartPolicy: (id, policy) => call('post', `/containers/${enc(id)}/update`, SHORT, { body: { RestartPolicy: policy } }),
    async commit(id, image, pause) {
      const colon = image.lastIndexOf(':');
      const repo = colon > image.lastIndexOf('/') ? image.slice(0, colon) : image;
      const tag = colon > image.lastIndexOf('/') ? image.slice(colon + 1) : 'latest';
      const answer = await call<{ Id: string }>('post', '/commit', LONG, { query: { container: id, repo, tag, pause } });
      return answer.Id;
    },
    removeImage: (ref) => call('delete', `/images/${enc(ref)}`, 60_000, { query: { noprune: false } }),
    rename: (id, name) => call('post', `/containers/${enc(id)}/rename`, SHORT, { query: { name } }, name),
    connect: (network, body) => call('post', `/networks/${enc(network)}/connect`, 30_000, { body }),
    remove: (id, force) => call('delete', `/containers/${enc(id)}`, 60_000, { query: { v: false, force } }),
    removeProbe: (id) => call('delete', `/containers/${enc(id)}`, 60_000, { query: { v: true, force: true } }),
    stats: (id) => call('get', `/containers/${enc(id)}/stats`, 30_000, { query: { stream: false, 'one-shot': true } }),
  };
  return ops;
}
