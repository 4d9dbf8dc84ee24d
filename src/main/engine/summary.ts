// Raw Engine API containers → the ContainerSummary the UI sees. Pure.
import type { RawContainerInspect, RawContainerListItem, RawPort } from '../../shared/engine-api';
import type { ContainerState, ContainerStateDetail, ContainerSummary, HealthStatus, PortMapping } from '../../shared/model/container';

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_SERVICE = 'com.docker.compose.service';

export function toState(raw: string | undefined): ContainerState {
  const state = (raw ?? '').toLowerCase() as ContainerState;
  return STATES.includes(state) ? state : 'dead';
}

/** What the list tells: no isolation and no detail yet (only inspect carries them). */
export function summaryFromList(item: RawContainerListItem): ContainerSummary {
  const labels = item.Labels ?? {};
  return {
    id: item.Id,
    name: (item.Names?.[0] ?? item.Id.slice(0, 12)).replace(/^\//, ''),
    image: item.Image,
    state: toState(item.State),
    statusText: item.Status ?? '',
    detail: null,
    createdAt: item.Created * 1000,
    ports: (item.Ports ?? []).map(listPort),
    composeProject: labels[COMPOSE_PROJECT] ?? null,
    composeService: labels[COMPOSE_SERVICE] ?? null,
    isolation: null,
    mountsEngineSocket: false,
    rootAccess: [],
    boundary: null,
    labels,
  };
}

/**
 * What inspect tells. Inspect has no status sentence: keep the list's while the state is the
 * same, otherwise say the state plainly in the engine's style (the UI words `detail` anyway).
 */
export function summaryFromInspect(
  raw: RawContainerInspect,
  previous: ContainerSummary | undefined,
  extra: Pick<ContainerSummary, 'isolation' | 'mountsEngineSocket' | 'rootAccess' | 'boundary'> & { networkCut?: boolean },
): ContainerSummary {
  const labels = raw.Config?.Labels ?? {};
  const state = toState(raw.State?.Status);
  const detail = detailFromInspect(raw);
  return {
    id: raw.Id,
    name: raw.Name.replace(/^\//, ''),
    image: previous?.image ?? raw.Config?.Image ?? raw.Image,
    state,
    statusText: previous && previous.state === state && previous.statusText ? previous.statusText : statusText(state, detail),
    detail,
    createdAt: parseTime(raw.Created) ?? previous?.createdAt ?? 0,
    // A runtime that cuts the network (runsc --network=none) serves none of its published ports.
    ports: extra.networkCut ? [] : inspectPorts(raw),
    composeProject: labels[COMPOSE_PROJECT] ?? null,
    composeService: labels[COMPOSE_SERVICE] ?? null,
    isolation: extra.isolation,
    mountsEngineSocket: extra.mountsEngineSocket,
    rootAccess: extra.rootAccess,
    boundary: extra.boundary,
    labels,
  };
}

export function detailFromInspect(raw: RawContainerInspect): ContainerStateDetail {
  const s = raw.State ?? { Status: '' };
  const startedAt = parseTime(s.StartedAt);
  const finishedAt = parseTime(s.FinishedAt);
  return {
    startedAt,
    finishedAt,
    exitCode: finishedAt !== null && typeof s.ExitCode === 'number' ? s.ExitCode : null,
    oomKilled: s.OOMKilled === true,
    health: toHealth(s.Health?.Status),
    restartCount: raw.RestartCount ?? 0,
  };
}

/** Docker's words for a state, without the elapsed time (which goes stale). */
export function statusText(state: ContainerState, detail: ContainerStateDetail): string {
  switch (state) {
    case 'running':
      return detail.health ? `Up (${detail.health === 'starting' ? 'health: starting' : detail.health})` : 'Up';
    case 'paused':
      return 'Up (Paused)';
    case 'restarting':
      return `Restarting (${detail.exitCode ?? 0})`;
    case 'exited':
      return `Exited (${detail.exitCode ?? 0})`;
    case 'created':
      return 'Created';
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
  }
}

/** Epoch ms, or null for Go's zero time and anything unreadable. */
export function parseTime(text: string | undefined): number | null {
  if (!text || text.startsWith('0001-01-01')) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

function toHealth(status: string | undefined): HealthStatus {
  return status === 'starting' || status === 'healthy' || status === 'unhealthy' ? status : null;
}

function listPort(port: RawPort): PortMapping {
  return { privatePort: port.PrivatePort, publicPort: port.PublicPort ?? null, hostIp: port.IP ?? null, protocol: port.Type };
}

function inspectPorts(raw: RawContainerInspect): PortMapping[] {
  const ports: PortMapping[] = [];
  for (const [key, bindings] of Object.entries(raw.NetworkSettings?.Ports ?? {})) {
    const [port, protocol = 'tcp'] = key.split('/');
    const privatePort = Number(port);
    if (!Number.isFinite(privatePort)) continue;
    if (!bindings || bindings.length === 0) {
      ports.push({ privatePort, publicPort: null, hostIp: null, protocol });
      continue;
    }
    for (const binding of bindings) {
      const publicPort = Number(binding.HostPort);
      ports.push({ privatePort, publicPort: Number.isFinite(publicPort) && binding.HostPort ? publicPort : null, hostIp: binding.HostIp || null, protocol });
    }
  }
  return ports;
}
