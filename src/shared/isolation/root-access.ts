// Choices that give a container root on the host (docs/security.md, "Root-equivalent choices"):
// the engine's socket or containerd's, a folder holding one, the host's `/`, `/etc`, `/proc`,
// `/sys`, `/dev`, `/root`, `/boot`, the engine's data root, the host's or another container's
// namespaces, `--privileged`. The create form asks consent for each; the containers list marks a
// container that has one. A bind whose real target Silo could not see is a finding too (unknown is
// never safe). Pure: main resolves symlinks and passes what it found in `BindChoice.resolved`.
import type { RawContainerInspect } from '../engine-api';
import type { CreateContainerSpec } from '../model/create';
import type { RootFinding, RootFindingCode } from '../model/root-access';
import { parseVolumeSpec, type VolumeOs } from '../validate/volumes';
import { isWithin, normalizeHostPath, unixSocketPath } from './host-path';
import { bindSource, isEngineSocketSource } from './socket-mount';

export { ROOT_FINDING_CODES, type RootFinding, type RootFindingCode } from '../model/root-access';

/** What the engine and the address Silo is connected to say about the host's own paths. */
export interface HostPaths {
  /** The engine socket Silo is connected to (normalised), or null (TCP, SSH, a pipe). */
  engineSocket: string | null;
  /** containerd's sockets: the two conventions and, when the engine says, its own address. */
  containerdSockets: string[];
  /** GET /info DockerRootDir, normalised; null when the engine does not say. */
  dataRoot: string | null;
}

const CONTAINERD_CONVENTIONS = ['/run/containerd/containerd.sock', '/run/docker/containerd/containerd.sock'];
const CONTAINERD_SOCKET = /^containerd(-debug)?\.sock(\.ttrpc)?$/;

export function hostPathsOf(info: { dataRoot?: string | null; containerdAddress?: string | null } | null, endpointHost: string | null): HostPaths {
  const own = info?.containerdAddress ? normalizeHostPath(info.containerdAddress.replace(/^unix:\/\//, '')) : null;
  return {
    engineSocket: unixSocketPath(endpointHost),
    containerdSockets: [...new Set([...CONTAINERD_CONVENTIONS, ...(own ? [own] : [])])],
    dataRoot: info?.dataRoot ? normalizeHostPath(info.dataRoot) : null,
  };
}

export interface BindChoice {
  source: string;
  readOnly: boolean;
  /** How the person wrote it. */
  setting: string;
  /** Main's resolution of the source: the real path, null when it could not be seen, absent when not tried. */
  resolved?: string | null;
}

export interface ContainerChoices {
  binds: BindChoice[];
  networkMode?: string | undefined;
  pidMode?: string | undefined;
  ipcMode?: string | undefined;
  privileged?: boolean | undefined;
}

/** Host folders whose mere sight is dangerous; inside them, `inside` says when a path counts. */
const SENSITIVE: ReadonlyArray<{ folder: string; code: RootFindingCode; inside: (rest: string, readOnly: boolean) => boolean }> = [
  { folder: '/etc', code: 'host-etc', inside: (_, ro) => !ro },
  { folder: '/root', code: 'host-root-home', inside: (_, ro) => !ro },
  { folder: '/boot', code: 'host-boot', inside: (_, ro) => !ro },
  { folder: '/sys', code: 'host-sys', inside: (_, ro) => !ro },
  // Anything of /proc: `/proc/1/cwd`, `/proc/kcore`, `/proc/sys/kernel/core_pattern`.
  { folder: '/proc', code: 'host-proc', inside: () => true },
  // Every device but the harmless ones: `/dev/sda` read-only still reads the whole disk.
  { folder: '/dev', code: 'host-dev', inside: (rest) => !/^\/(null|zero|full|random|urandom)$/.test(rest) },
];

function pathFindings(path: string, readOnly: boolean, host: HostPaths): RootFindingCode[] {
  const out: RootFindingCode[] = [];
  const base = path.split('/').pop() ?? '';
  const holds = (target: string | null): boolean => target !== null && (path === target || isWithin(target, path));
  if (isEngineSocketSource(path) || holds(host.engineSocket)) out.push('engine-socket');
  if (CONTAINERD_SOCKET.test(base) || host.containerdSockets.some(holds)) out.push('containerd-socket');
  if (path === '/') out.push('host-root');
  for (const s of SENSITIVE) {
    if (path === s.folder || (isWithin(path, s.folder) && s.inside(path.slice(s.folder.length), readOnly))) out.push(s.code);
  }
  const root = host.dataRoot;
  if (root !== null && (isWithin(root, path) || (isWithin(path, root) && !isVolumeData(path.slice(root.length))))) out.push('data-root');
  return out;
}

/** `/volumes/<name>/_data[/…]` below the data root: a named volume's own files, as `-v name:` gives them. */
const isVolumeData = (rest: string): boolean => /^\/volumes\/[^/]+\/_data(\/|$)/.test(rest);

function bindFindings(bind: BindChoice, host: HostPaths): RootFinding[] {
  const pipeOrDrive = /^([\\/]{2}[.?][\\/]|[A-Za-z]:)/.test(bind.source.trim());
  const written = pipeOrDrive ? null : normalizeHostPath(bind.source);
  // Windows sources (drive paths, pipes): the pipe rules; a drive's root is the host's whole disk.
  if (written === null) {
    const codes: RootFindingCode[] = [];
    if (isEngineSocketSource(bind.source)) codes.push('engine-socket');
    if (/^[A-Za-z]:[\\/]*$/.test(bind.source.trim())) codes.push('host-root');
    return codes.map((code) => ({ code, setting: bind.setting, path: null }));
  }
  const real = typeof bind.resolved === 'string' ? normalizeHostPath(bind.resolved) : null;
  const codes = new Set(pathFindings(written, bind.readOnly, host));
  if (real !== null) for (const code of pathFindings(real, bind.readOnly, host)) codes.add(code);
  if (bind.resolved === null) codes.add('unknown-source');
  const path = real !== null && real !== written ? real : null;
  return [...codes].map((code) => ({ code, setting: bind.setting, path }));
}

function modeFinding(kind: 'network' | 'pid' | 'ipc', mode: string | undefined): RootFinding | null {
  const m = (mode ?? '').trim();
  if (m === 'host') return { code: `${kind}-host`, setting: `${kind}: host`, path: null };
  if (/^container:./.test(m)) return { code: `${kind}-container`, setting: `${kind}: ${m}`, path: null };
  return null;
}

/** Every root-equivalent finding of these choices, in a stable order (binds first, as written). */
export function rootFindings(choices: ContainerChoices, host: HostPaths): RootFinding[] {
  const out: RootFinding[] = [];
  const seen = new Set<string>();
  const add = (f: RootFinding | null): void => {
    if (!f || seen.has(`${f.code} ${f.setting}`)) return;
    seen.add(`${f.code} ${f.setting}`);
    out.push(f);
  };
  for (const bind of choices.binds) bindFindings(bind, host).forEach(add);
  add(modeFinding('network', choices.networkMode));
  add(modeFinding('pid', choices.pidMode));
  add(modeFinding('ipc', choices.ipcMode));
  if (choices.privileged === true) add({ code: 'privileged', setting: 'privileged', path: null });
  return out;
}

/** The findings the person has not consented to. */
export function withoutConsent(findings: readonly RootFinding[], acknowledged: readonly string[] | undefined): RootFinding[] {
  const yes = new Set(acknowledged ?? []);
  return findings.filter((f) => !yes.has(f.code));
}

/**
 * The host path a named volume really is: the `local` driver with `o=bind` (`docker volume create
 * --opt type=none --opt o=bind --opt device=/etc`) bind-mounts `device`; null for any other volume.
 */
export function volumeBindSource(volume: { Driver?: string; Options?: Record<string, string> | null } | null): string | null {
  if (!volume || (volume.Driver ?? 'local') !== 'local') return null;
  const options = volume.Options ?? {};
  const bind = (options['o'] ?? '').split(',').some((o) => o.trim() === 'bind' || o.trim() === 'rbind');
  const device = options['device'];
  return bind && typeof device === 'string' && device.trim() !== '' ? device.trim() : null;
}

/** The create form's binds and network. */
export function choicesFromSpec(spec: Pick<CreateContainerSpec, 'volumes' | 'network'>, os?: VolumeOs): ContainerChoices {
  const binds: BindChoice[] = [];
  for (const raw of spec.volumes ?? []) {
    const r = parseVolumeSpec(raw, os);
    if (r.ok && r.spec.kind === 'bind') binds.push({ source: r.spec.source, readOnly: r.spec.readOnly, setting: raw.trim() });
  }
  return { binds, networkMode: spec.network };
}

const hostMount = (type: string | undefined): boolean => ['', 'bind', 'npipe'].includes((type ?? '').toLowerCase());

/** An existing container's binds (HostConfig.Binds, HostConfig.Mounts, Mounts) and namespaces. */
export function choicesFromInspect(inspect: Pick<RawContainerInspect, 'HostConfig' | 'Mounts'>): ContainerChoices {
  const hc = inspect.HostConfig ?? {};
  const binds: BindChoice[] = [];
  const add = (source: string | undefined, readOnly: boolean, destination: string | undefined): void => {
    if (typeof source !== 'string' || source.trim() === '') return;
    const setting = `${source}:${destination ?? ''}${readOnly ? ':ro' : ''}`;
    if (!binds.some((b) => b.source === source && b.readOnly === readOnly)) binds.push({ source, readOnly, setting });
  };
  for (const bind of Array.isArray(hc.Binds) ? hc.Binds : []) {
    if (typeof bind !== 'string') continue;
    const source = bindSource(bind);
    const rest = bind
      .trim()
      .slice(source.length + 1)
      .split(':');
    if (source.startsWith('/') || /^[A-Za-z]:|^[\\/]{2}/.test(source)) add(source, (rest[1] ?? '').split(',').includes('ro'), rest[0]);
  }
  for (const m of Array.isArray(hc.Mounts) ? hc.Mounts : []) if (m && hostMount(m.Type)) add(m.Source, m.ReadOnly === true, m.Target);
  for (const m of Array.isArray(inspect.Mounts) ? inspect.Mounts : []) if (m && hostMount(m.Type)) add(m.Source, m.RW === false, m.Destination);
  return { binds, networkMode: hc.NetworkMode, pidMode: hc.PidMode, ipcMode: hc.IpcMode, privileged: hc.Privileged };
}
