// A fixture engine: a real HTTP server on a real unix socket that answers like a Docker engine of
// one recorded kind (test/fixtures/README.md), for the code paths no Linux machine can exercise
// for real (Windows engines, Docker Desktop). Any client (the docker CLI, dockerode) can talk to
// it: `docker -H unix://<socketPath> ps -a`.
//
// It answers GET (and HEAD) for /_ping, /version, /info, /containers/json,
// /containers/{id}/json, /images/json, /images/{name}/json, /networks, /networks/{id or name}
// (where the fixtures hold networks) and /events, with or without the
// `/vX.Y` prefix, and 404 `{"message":"page not found"}` for anything else. It changes nothing on
// its own: a test changes its containers with `upsertContainer` / `removeContainer` and pushes
// events with `pushEvent`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'node:net';
import type { RawContainerInspect, RawContainerListItem, RawEvent, RawInfo } from '../../src/shared/engine-api';

/** Engines with a recorded `GET /info` under test/fixtures/engine-info. */
export type FixtureEngineName = 'windows-server-2022' | 'docker-desktop-wsl2' | 'linux-gvisor-centos7';

export const FIXTURE_ENGINES: readonly FixtureEngineName[] = ['windows-server-2022', 'docker-desktop-wsl2', 'linux-gvisor-centos7'];

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface FixtureEngineOptions {
  /** The API version the engine speaks; by default the one its ServerVersion implies. */
  apiVersion?: string;
  /** Fields laid over the recorded `GET /info`, e.g. to make a Windows client out of the server. */
  info?: Partial<RawInfo> & Record<string, unknown>;
  /** Start with no containers and no images, whatever the fixtures hold. */
  empty?: boolean;
}

/** A container list item as the fixture stores it (with sizes; served only when `size=1`). */
export type FixtureListItem = RawContainerListItem & { SizeRw?: number; SizeRootFs?: number; [key: string]: unknown };
export type FixtureInspect = RawContainerInspect & { [key: string]: unknown };

export interface FixtureRequest {
  method: string;
  /** The path as sent, without the query (`/v1.42/containers/json`). */
  path: string;
  query: Record<string, string>;
}

export interface FixtureEngine {
  readonly name: FixtureEngineName;
  readonly socketPath: string;
  /** `unix://<socketPath>`, for `docker -H` or `DOCKER_HOST`. */
  readonly host: string;
  readonly apiVersion: string;
  readonly minApiVersion: string;
  /** The `GET /info` answer served (recorded fixture plus overrides). */
  readonly info: RawInfo & Record<string, unknown>;
  /** Every request received, oldest first. */
  readonly requests: FixtureRequest[];
  /** The containers now served, newest first. */
  containers(): Array<{ summary: FixtureListItem; inspect: FixtureInspect }>;
  /** Adds or replaces a container (by Id). */
  upsertContainer(summary: FixtureListItem, inspect: FixtureInspect): void;
  /** Removes a container by id, unique id prefix or name; false when there was none. */
  removeContainer(idOrName: string): boolean;
  /**
   * Writes one event to every open `/events` stream whose filters let it through. Missing fields
   * are filled as the engine would (time, timeNano, scope, and for container events the legacy
   * `status`/`id`/`from` of API < 1.52). Returns the number of streams written to.
   */
  pushEvent(event: RawEvent & Record<string, unknown>): number;
  /** Open `/events` streams. */
  eventStreamCount(): number;
  /** Resolves once at least `count` `/events` streams are open. */
  waitForEventStreams(count?: number, timeoutMs?: number): Promise<void>;
  /** Ends every open `/events` stream cleanly, as a daemon shutting down does. */
  endEventStreams(): void;
  /** Cuts every open `/events` stream without ending it (a crashed daemon). */
  destroyEventStreams(): void;
  /** Stops listening, cuts every connection, removes the socket file. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Versions

/** Engine API version by engine release (moby's docs/api version history). */
const API_BY_RELEASE: Record<string, string> = {
  '17.03': '1.26',
  '17.06': '1.30',
  '17.09': '1.32',
  '17.12': '1.35',
  '18.03': '1.37',
  '18.06': '1.38',
  '18.09': '1.39',
  '19.03': '1.40',
  '20.10': '1.41',
  '23.0': '1.42',
  '24.0': '1.43',
  '25.0': '1.44',
  '26.0': '1.45',
  '26.1': '1.45',
  '27.0': '1.46',
  '27.1': '1.46',
  '28.0': '1.48',
};

/** The API version an engine release speaks; 1.41 when the release is not known. */
export function apiVersionFor(serverVersion: string | undefined): string {
  const m = /^(\d+)\.(\d+)/.exec(serverVersion ?? '');
  if (!m) return '1.41';
  const major = Number(m[1]);
  const key = major >= 23 ? `${major}.${Number(m[2])}` : `${m[1]}.${m[2]}`;
  return API_BY_RELEASE[key] ?? '1.41';
}

/** The oldest API version an engine accepts: 1.12 on Linux and 1.24 on Windows before 25.0, 1.24 after. */
function minApiVersionFor(serverVersion: string | undefined, osType: string): string {
  const major = Number(/^(\d+)/.exec(serverVersion ?? '')?.[1] ?? '0');
  if (major >= 25) return '1.24';
  return osType === 'windows' ? '1.24' : '1.12';
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Go's GOARCH for the Architecture `GET /info` reports. */
function goArch(arch: string | undefined): string {
  switch (arch) {
    case 'x86_64':
      return 'amd64';
    case 'aarch64':
      return 'arm64';
    default:
      return arch ?? '';
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures on disk

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function readJsonDir<T>(dir: string): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson<T>(join(dir, f)));
}

interface ImageInspect {
  Id: string;
  RepoTags?: string[] | null;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Filters (`filters` query: `{"key":["v"]}` or the older `{"key":{"v":true}}`)

type Filters = Map<string, string[]>;

class BadRequest extends Error {}

function parseFilters(raw: string | undefined): Filters {
  const out: Filters = new Map();
  if (raw === undefined || raw === '') return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BadRequest(`invalid filter: ${raw}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadRequest(`invalid filter: ${raw}`);
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (Array.isArray(value)) out.set(key, value.map(String));
    else if (value !== null && typeof value === 'object')
      out.set(
        key,
        Object.keys(value as Record<string, unknown>).filter((k) => (value as Record<string, unknown>)[k]),
      );
    else throw new BadRequest(`invalid filter '${key}'`);
  }
  return out;
}

function checkFilterKeys(filters: Filters, implemented: readonly string[], valid: readonly string[]): void {
  for (const key of filters.keys()) {
    if (implemented.includes(key)) continue;
    if (valid.includes(key)) throw new BadRequest(`the fixture engine does not implement the filter '${key}'`);
    throw new BadRequest(`invalid filter '${key}'`);
  }
}

function labelMatches(labels: Record<string, string> | null | undefined, wanted: string[]): boolean {
  return wanted.every((w) => {
    const eq = w.indexOf('=');
    const key = eq < 0 ? w : w.slice(0, eq);
    if (!labels || !(key in labels)) return false;
    return eq < 0 || labels[key] === w.slice(eq + 1);
  });
}

const CONTAINER_FILTERS_VALID = [
  'ancestor',
  'before',
  'expose',
  'exited',
  'health',
  'id',
  'isolation',
  'is-task',
  'label',
  'name',
  'network',
  'publish',
  'since',
  'status',
  'volume',
];
const CONTAINER_FILTERS_DONE = ['id', 'name', 'status', 'label'];
const EVENT_FILTERS_VALID = [
  'config',
  'container',
  'daemon',
  'event',
  'image',
  'label',
  'network',
  'node',
  'plugin',
  'scope',
  'secret',
  'service',
  'type',
  'volume',
];
const EVENT_FILTERS_DONE = ['type', 'event', 'container', 'image', 'label'];

// ---------------------------------------------------------------------------------------------

interface EventStream {
  res: ServerResponse;
  filters: Filters;
}

export async function startFixtureEngine(name: FixtureEngineName, socketPath: string, options: FixtureEngineOptions = {}): Promise<FixtureEngine> {
  const info = { ...readJson<RawInfo & Record<string, unknown>>(join(FIXTURES_DIR, 'engine-info', `${name}.json`)), ...options.info };
  const osType = String(info.OSType ?? 'linux').toLowerCase();
  const serverVersion = String(info.ServerVersion ?? '');
  const apiVersion = options.apiVersion ?? apiVersionFor(serverVersion);
  const minApiVersion = minApiVersionFor(serverVersion, osType);
  const dir = join(FIXTURES_DIR, name);

  const byId = new Map<string, { summary: FixtureListItem; inspect: FixtureInspect }>();
  const images: Array<Record<string, unknown>> = [];
  const imageInspects: ImageInspect[] = [];
  const networks: Array<Record<string, unknown>> = [];
  const networkInspects: Array<Record<string, unknown>> = [];
  if (!options.empty) {
    const list = existsSync(join(dir, 'containers.json')) ? readJson<FixtureListItem[]>(join(dir, 'containers.json')) : [];
    const inspects = new Map(readJsonDir<FixtureInspect>(join(dir, 'containers')).map((i) => [i.Id, i]));
    for (const summary of list) {
      const inspect = inspects.get(summary.Id);
      if (!inspect) throw new Error(`fixture ${name}: container ${summary.Id} has no inspect answer`);
      byId.set(summary.Id, { summary, inspect });
    }
    if (existsSync(join(dir, 'images.json'))) images.push(...readJson<Array<Record<string, unknown>>>(join(dir, 'images.json')));
    imageInspects.push(...readJsonDir<ImageInspect>(join(dir, 'images')));
    if (existsSync(join(dir, 'networks.json'))) networks.push(...readJson<Array<Record<string, unknown>>>(join(dir, 'networks.json')));
    networkInspects.push(...readJsonDir<Record<string, unknown>>(join(dir, 'networks')));
  }

  const requests: FixtureRequest[] = [];
  const streams = new Set<EventStream>();
  const sockets = new Set<Socket>();
  const streamWaiters: Array<{ count: number; resolve: () => void }> = [];

  const commonHeaders = (): Record<string, string> => ({
    'Api-Version': apiVersion,
    'Docker-Experimental': String(info.ExperimentalBuild === true),
    Ostype: osType,
    Server: `Docker/${serverVersion} (${osType})`,
  });

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers = commonHeaders()): void => {
    const text = `${JSON.stringify(body)}\n`;
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  const notFound = (res: ServerResponse): void => sendJson(res, 404, { message: 'page not found' }, {});

  const sortedContainers = () => [...byId.values()].sort((a, b) => b.summary.Created - a.summary.Created);

  const findContainer = (ref: string): { summary: FixtureListItem; inspect: FixtureInspect } | 'ambiguous' | null => {
    const exact = byId.get(ref);
    if (exact) return exact;
    const wanted = ref.startsWith('/') ? ref : `/${ref}`;
    for (const c of byId.values()) if (c.summary.Names.includes(wanted)) return c;
    if (ref.length === 0 || !/^[0-9a-f]+$/.test(ref)) return null;
    const matches = [...byId.values()].filter((c) => c.summary.Id.startsWith(ref));
    if (matches.length > 1) return 'ambiguous';
    return matches[0] ?? null;
  };

  const findImage = (ref: string): ImageInspect | null => {
    const withTag = ref.includes(':') && !ref.startsWith('sha256:') ? ref : `${ref}:latest`;
    return (
      imageInspects.find((i) => i.Id === ref || i.Id === `sha256:${ref}`) ??
      imageInspects.find((i) => (i.RepoTags ?? []).includes(ref) || (i.RepoTags ?? []).includes(withTag)) ??
      imageInspects.find((i) => /^[0-9a-f]{4,}$/.test(ref) && i.Id.startsWith(`sha256:${ref}`)) ??
      null
    );
  };

  const withSizes = <T extends Record<string, unknown>>(obj: T, sizes: { SizeRw?: number; SizeRootFs?: number }, size: boolean): T => {
    const out: Record<string, unknown> = { ...obj };
    delete out.SizeRw;
    delete out.SizeRootFs;
    // The engine omits a size of 0 (`omitempty`).
    if (size && sizes.SizeRw) out.SizeRw = sizes.SizeRw;
    if (size && sizes.SizeRootFs) out.SizeRootFs = sizes.SizeRootFs;
    return out as T;
  };

  const listContainers = (query: Record<string, string>): FixtureListItem[] => {
    const size = truthy(query.size);
    const limit = Number(query.limit ?? '-1');
    // A limit lists stopped containers too, as `all` does (moby daemon/list.go).
    const all = truthy(query.all) || limit > 0;
    const filters = parseFilters(query.filters);
    checkFilterKeys(filters, CONTAINER_FILTERS_DONE, CONTAINER_FILTERS_VALID);
    const status = filters.get('status');
    let out = sortedContainers()
      .map((c) => c.summary)
      // Without `all` only running containers (paused and restarting ones run too).
      .filter((s) => all || status !== undefined || s.State === 'running' || s.State === 'restarting' || s.State === 'paused')
      .filter((s) => !status || status.includes(s.State))
      .filter((s) => !filters.get('id') || filters.get('id')!.some((id) => s.Id.startsWith(id)))
      .filter((s) => !filters.get('name') || filters.get('name')!.some((n) => s.Names.some((x) => safeRegExp(n).test(x))))
      .filter((s) => !filters.get('label') || labelMatches(s.Labels, filters.get('label')!));
    if (limit > 0) out = out.slice(0, limit);
    return out.map((s) => withSizes(s, s, size));
  };

  const version = () => {
    const details = {
      ApiVersion: apiVersion,
      Arch: goArch(info.Architecture),
      BuildTime: '',
      Experimental: String(info.ExperimentalBuild === true),
      GitCommit: '',
      GoVersion: '',
      KernelVersion: info.KernelVersion ?? '',
      MinAPIVersion: minApiVersion,
      Os: osType,
    };
    return {
      Platform: { Name: '' },
      Components: [{ Name: 'Engine', Version: serverVersion, Details: details }],
      Version: serverVersion,
      ApiVersion: apiVersion,
      MinAPIVersion: minApiVersion,
      GitCommit: '',
      GoVersion: '',
      Os: osType,
      Arch: goArch(info.Architecture),
      KernelVersion: info.KernelVersion ?? '',
      Experimental: info.ExperimentalBuild === true,
      BuildTime: '',
    };
  };

  const eventPasses = (ev: Record<string, unknown>, filters: Filters): boolean => {
    const type = String(ev.Type ?? '');
    const action = String(ev.Action ?? '');
    const actor = (ev.Actor ?? {}) as { ID?: string; Attributes?: Record<string, string> };
    const attrs = actor.Attributes ?? {};
    const t = filters.get('type');
    if (t && !t.includes(type)) return false;
    const e = filters.get('event');
    // `exec_start: sh` is matched by `exec_start` too.
    if (e && !e.some((x) => action === x || action.startsWith(`${x}:`))) return false;
    const c = filters.get('container');
    if (c && !(type === 'container' && c.some((x) => actor.ID === x || (actor.ID ?? '').startsWith(x) || attrs.name === x))) return false;
    const img = filters.get('image');
    if (img && !img.some((x) => attrs.image === x || (type === 'image' && actor.ID === x))) return false;
    const l = filters.get('label');
    if (l && !labelMatches(attrs, l)) return false;
    return true;
  };

  const openEvents = (req: IncomingMessage, res: ServerResponse, query: Record<string, string>): void => {
    const filters = parseFilters(query.filters);
    checkFilterKeys(filters, EVENT_FILTERS_DONE, EVENT_FILTERS_VALID);
    res.writeHead(200, { ...commonHeaders(), 'Content-Type': 'application/json' });
    res.flushHeaders();
    const stream: EventStream = { res, filters };
    // `until` in the past or now: the engine replays nothing here and ends the stream.
    const until = query.until === undefined ? NaN : Number(query.until);
    if (!Number.isNaN(until)) {
      const ms = until * 1000 - Date.now();
      if (ms <= 0) {
        res.end();
        return;
      }
      const timer = setTimeout(() => res.end(), ms);
      res.on('close', () => clearTimeout(timer));
    }
    streams.add(stream);
    res.on('close', () => streams.delete(stream));
    req.on('close', () => streams.delete(stream));
    for (const w of [...streamWaiters]) {
      if (streams.size >= w.count) {
        streamWaiters.splice(streamWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const query = Object.fromEntries(url.searchParams.entries());
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, query });

    let path = url.pathname;
    const versioned = /^\/v(\d+\.\d+)(\/.*)$/.exec(path);
    if (versioned) {
      const v = versioned[1]!;
      path = versioned[2]!;
      if (compareVersions(v, apiVersion) > 0) {
        sendJson(res, 400, { message: `client version ${v} is too new. Maximum supported API version is ${apiVersion}` });
        return;
      }
      if (compareVersions(v, minApiVersion) < 0) {
        sendJson(res, 400, {
          message: `client version ${v} is too old. Minimum supported API version is ${minApiVersion}, please upgrade your client to a newer version`,
        });
        return;
      }
    }

    if (path === '/_ping' && (method === 'GET' || method === 'HEAD')) {
      const body = method === 'HEAD' ? '' : 'OK';
      res.writeHead(200, {
        ...commonHeaders(),
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        Pragma: 'no-cache',
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    if (method !== 'GET') {
      notFound(res);
      return;
    }

    try {
      if (path === '/version') return sendJson(res, 200, version());
      if (path === '/info') return sendJson(res, 200, { ...info, ...counts() });
      if (path === '/containers/json') return sendJson(res, 200, listContainers(query));
      if (path === '/images/json') return sendJson(res, 200, images);
      if (path === '/events') return openEvents(req, res, query);
      if (path === '/networks') return sendJson(res, 200, networks);
      const n = /^\/networks\/([^/]+)$/.exec(path);
      if (n) {
        const ref = decodeURIComponent(n[1]!);
        const found =
          networkInspects.find((x) => x.Id === ref || x.Name === ref) ??
          networkInspects.find((x) => /^[0-9a-f]{4,}$/.test(ref) && String(x.Id).startsWith(ref));
        if (!found) return sendJson(res, 404, { message: `network ${ref} not found` });
        return sendJson(res, 200, found);
      }
      const c = /^\/containers\/([^/]+)\/json$/.exec(path);
      if (c) {
        const ref = decodeURIComponent(c[1]!);
        const found = findContainer(ref);
        if (found === 'ambiguous') return sendJson(res, 400, { message: `Multiple IDs found with provided prefix: ${ref}` });
        if (!found) return sendJson(res, 404, { message: `No such container: ${ref}` });
        return sendJson(res, 200, withSizes(found.inspect, found.summary, truthy(query.size)));
      }
      const i = /^\/images\/(.+)\/json$/.exec(path);
      if (i) {
        const ref = decodeURIComponent(i[1]!);
        const found = findImage(ref);
        if (!found) return sendJson(res, 404, { message: `No such image: ${ref}` });
        return sendJson(res, 200, found);
      }
      notFound(res);
    } catch (err) {
      if (err instanceof BadRequest) sendJson(res, 400, { message: err.message });
      else sendJson(res, 500, { message: String(err) });
    }
  };

  const counts = () => {
    const states = [...byId.values()].map((c) => c.summary.State);
    const running = states.filter((s) => s === 'running' || s === 'restarting').length;
    const paused = states.filter((s) => s === 'paused').length;
    return {
      Containers: states.length,
      ContainersRunning: running,
      ContainersPaused: paused,
      ContainersStopped: states.length - running - paused,
      Images: images.length,
    };
  };

  const server: Server = createServer(handle);
  server.requestTimeout = 0;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    name,
    socketPath,
    host: `unix://${socketPath}`,
    apiVersion,
    minApiVersion,
    info,
    requests,
    containers: () => sortedContainers(),
    upsertContainer(summary, inspect) {
      if (summary.Id !== inspect.Id) throw new Error('upsertContainer: summary and inspect have different Ids');
      byId.set(summary.Id, { summary, inspect });
    },
    removeContainer(idOrName) {
      const found = findContainer(idOrName);
      if (!found || found === 'ambiguous') return false;
      return byId.delete(found.summary.Id);
    },
    pushEvent(event) {
      const nowNs = BigInt(Date.now()) * 1_000_000n;
      let ev: Record<string, unknown> = { ...event };
      const actor = (ev.Actor ?? {}) as { ID?: string; Attributes?: Record<string, string> };
      if (ev.Type === 'container' && compareVersions(apiVersion, '1.52') < 0) {
        // API < 1.52 repeats the action, id and image in the old fields, first in the object.
        const legacy: Record<string, unknown> = {};
        const status = ev.status ?? ev.Action;
        const id = ev.id ?? actor.ID;
        const from = ev.from ?? actor.Attributes?.image;
        if (status !== undefined) legacy.status = status;
        if (id !== undefined) legacy.id = id;
        if (from !== undefined) legacy.from = from;
        ev = { ...legacy, ...ev };
      }
      ev.scope ??= 'local';
      ev.time ??= Number(nowNs / 1_000_000_000n);
      ev.timeNano ??= Number(nowNs);
      const line = `${JSON.stringify(ev)}\n`;
      let n = 0;
      for (const s of streams) {
        if (!eventPasses(ev, s.filters)) continue;
        s.res.write(line);
        n++;
      }
      return n;
    },
    eventStreamCount: () => streams.size,
    waitForEventStreams(count = 1, timeoutMs = 10_000) {
      if (streams.size >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          streamWaiters.splice(streamWaiters.indexOf(waiter), 1);
          reject(new Error(`fixture engine ${name}: ${streams.size} of ${count} event streams open after ${timeoutMs} ms`));
        }, timeoutMs);
        streamWaiters.push(waiter);
      });
    },
    endEventStreams() {
      for (const s of [...streams]) s.res.end();
      streams.clear();
    },
    destroyEventStreams() {
      for (const s of [...streams]) s.res.socket?.destroy();
      streams.clear();
    },
    async close() {
      for (const s of [...streams]) s.res.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await closed;
      rmSync(socketPath, { force: true });
    },
  };
}

function safeRegExp(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw new BadRequest(`invalid filter: bad name pattern ${source}`);
  }
}

/** moby's httputils.BoolValue. */
function truthy(v: string | undefined): boolean {
  const s = (v ?? '').trim().toLowerCase();
  return !(s === '' || s === '0' || s === 'no' || s === 'false' || s === 'none');
}
