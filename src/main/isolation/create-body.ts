// The create form as the body of POST /containers/create, the way the docker CLI builds it:
// anonymous volumes in Config.Volumes, binds and named volumes in HostConfig.Binds, each port of
// a range exposed and published. Pure; the spec has passed validateCreateSpec.
import type { CreateContainerSpec } from '../../shared/model/create';
import { labelsToRecord } from '../../shared/validate/env';
import { parsePortSpec } from '../../shared/validate/ports';
import { parseCpus, parseMemory } from '../../shared/validate/resources';
import { parseVolumeSpec, type VolumeOs } from '../../shared/validate/volumes';

export interface CreateRequestBody {
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, object>;
  Volumes?: Record<string, object>;
  HostConfig: {
    Binds?: string[];
    PortBindings?: Record<string, Array<{ HostIp: string; HostPort: string }>>;
    NetworkMode?: string;
    RestartPolicy?: { Name: string; MaximumRetryCount: number };
    Memory?: number;
    NanoCpus?: number;
    Runtime?: string;
    Isolation?: string;
  };
}

function ports(specs: readonly string[]): Pick<CreateRequestBody, 'ExposedPorts'> & { bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> } {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const raw of specs) {
    const r = parsePortSpec(raw);
    if (!r.ok) continue;
    const s = r.spec;
    for (let port = s.containerStart; port <= s.containerEnd; port++) {
      const key = `${port}/${s.protocol}`;
      exposed[key] = {};
      let hostPort = '';
      if (s.hostStart !== null && s.hostEnd !== null) {
        // Two ranges pair port by port; one container port may take any port of a host range.
        if (s.containerEnd > s.containerStart) hostPort = String(s.hostStart + (port - s.containerStart));
        else hostPort = s.hostEnd > s.hostStart ? `${s.hostStart}-${s.hostEnd}` : String(s.hostStart);
      }
      (bindings[key] ??= []).push({ HostIp: s.hostIp, HostPort: hostPort });
    }
  }
  return { ExposedPorts: exposed, bindings };
}

export function buildCreateBody(spec: CreateContainerSpec, os: VolumeOs): CreateRequestBody {
  const hostConfig: CreateRequestBody['HostConfig'] = {};
  const body: CreateRequestBody = { Image: spec.image, HostConfig: hostConfig };
  if (spec.command && spec.command.length > 0) body.Cmd = [...spec.command];
  if (spec.entrypoint && spec.entrypoint.length > 0) body.Entrypoint = [...spec.entrypoint];
  if (spec.env && spec.env.length > 0) body.Env = [...spec.env];
  if (spec.labels && spec.labels.length > 0) body.Labels = labelsToRecord(spec.labels);

  const published = ports(spec.ports ?? []);
  if (Object.keys(published.ExposedPorts ?? {}).length > 0) {
    body.ExposedPorts = published.ExposedPorts;
    hostConfig.PortBindings = published.bindings;
  }
  const binds: string[] = [];
  const anonymous: Record<string, object> = {};
  for (const raw of spec.volumes ?? []) {
    const r = parseVolumeSpec(raw, os);
    if (!r.ok) continue;
    if (r.spec.kind === 'anonymous') anonymous[r.spec.destination] = {};
    else binds.push(raw.trim());
  }
  if (binds.length > 0) hostConfig.Binds = binds;
  if (Object.keys(anonymous).length > 0) body.Volumes = anonymous;

  if (spec.network) hostConfig.NetworkMode = spec.network;
  if (spec.restart)
    hostConfig.RestartPolicy = { Name: spec.restart.policy, MaximumRetryCount: spec.restart.policy === 'on-failure' ? (spec.restart.maxRetries ?? 0) : 0 };
  const memory = spec.memory ? parseMemory(spec.memory) : null;
  if (memory !== null) hostConfig.Memory = memory;
  const cpus = spec.cpus ? parseCpus(spec.cpus) : null;
  if (cpus !== null) hostConfig.NanoCpus = cpus;
  const isolation = (spec.isolation ?? '').trim();
  if (isolation !== '' && isolation.toLowerCase() !== 'default') {
    if (os === 'windows') hostConfig.Isolation = isolation.toLowerCase();
    else hostConfig.Runtime = isolation;
  }
  return body;
}
