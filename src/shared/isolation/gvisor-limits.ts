// What a container would meet if it moved to gVisor (runsc), read from its inspect answer and the
// target runtime's registered flags. Sources: gVisor's g3doc FAQ and compatibility pages
// (docs/isolation.md, "gVisor limits"), and what runsc did on the project's test engine (noted per rule).
// Severity: `blocks` = the container will not start; `warns` = it starts, but something it was
// configured for will not work as before; `informs` = a difference worth knowing.
import type { RawContainerInspect, RawRuntime } from '../engine-api';
import type { EngineInfo, RuntimeInfo } from '../model/engine';
import { isEngineSocketSource } from './socket-mount';
import { bindParts } from './recreate-mounts';
import { canonicalRuntime, sameRuntime } from './runtime-aliases';

export type LimitSeverity = 'blocks' | 'warns' | 'informs';

export type GvisorLimitCode =
  | 'host-network' // NetworkMode host: runsc's own network stack refuses the host's namespace
  | 'runtime-network-none' // the runtime is registered with --network=none: only loopback inside
  | 'container-name-dns' // user-defined network or aliases: the embedded DNS (127.0.0.11) is out of reach
  | 'raw-sockets' // NET_RAW/ALL added, privileged or host network: raw sockets need runsc --net-raw
  | 'host-unix-socket' // a bind-mounted socket: connecting needs runsc --host-uds
  | 'devices-not-passed' // HostConfig.Devices: the container starts, the device is not there
  | 'gpu-needs-nvproxy' // DeviceRequests for GPUs need runsc --nvproxy
  | 'host-ipc' // IpcMode host: no shared memory with the host
  | 'host-pid' // PidMode host: only the sandbox's own processes are visible
  | 'mount-read-only' // privileged / SYS_ADMIN: `mount` works read-only, no new mounts at run time
  | 'seccomp-profile-not-applied' // a custom seccomp profile is applied only with runsc --oci-seccomp
  | 'docker-cp-cache' // files copied in with `docker cp` may not show at once
  | 'live-update-fails' // `docker update` of the running container fails (runsc 20221219 has no `update`)
  | 'tmp-in-sandbox-memory' // an empty /tmp of the image becomes a tmpfs inside the sandbox
  | 'rootfs-overlay' // runsc's default --overlay2=root:self keeps root filesystem writes inside the sandbox
  | 'partial-network-tools'; // ip, ss, netstat, ifconfig work in part

export interface GvisorLimit {
  code: GvisorLimitCode;
  severity: LimitSeverity;
  params: Record<string, string | number>;
}

/** The flags a runtime was registered with, `--name=value` or `--name value`, by name. */
export function runtimeFlags(args: readonly string[] | null | undefined): Map<string, string> {
  const flags = new Map<string, string>();
  const list = args ?? [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i] ?? '';
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(arg.trim());
    if (!m) continue;
    const next = list[i + 1];
    if (m[2] !== undefined) flags.set(m[1] ?? '', m[2]);
    else if (next !== undefined && !next.startsWith('-') && VALUE_FLAGS.has(m[1] ?? '')) {
      flags.set(m[1] ?? '', next);
      i++;
    } else flags.set(m[1] ?? '', 'true');
  }
  return flags;
}

/** runsc flags that take a value (the rest are booleans). */
const VALUE_FLAGS = new Set(['network', 'host-uds', 'platform', 'overlay2', 'file-access']);

const on = (flags: Map<string, string>, name: string): boolean => {
  const v = flags.get(name);
  return v !== undefined && v !== 'false' && v !== '0';
};

const capName = (c: string): string => c.trim().toUpperCase().replace(/^CAP_/, '');

/** Networks that are not the engine's built-in ones. */
function userNetworks(inspect: RawContainerInspect): string[] {
  const builtIn = new Set(['bridge', 'default', 'host', 'none', 'nat', '']);
  const names = new Set<string>();
  const mode = inspect.HostConfig.NetworkMode ?? '';
  if (!builtIn.has(mode) && !mode.startsWith('container:')) names.add(mode);
  for (const name of Object.keys(inspect.NetworkSettings?.Networks ?? {})) if (!builtIn.has(name)) names.add(name);
  return [...names].sort();
}

/** Aliases a person gave, without the short id the engine adds on its own. */
function personAliases(inspect: RawContainerInspect): string[] {
  const shortId = inspect.Id.slice(0, 12);
  const out = new Set<string>();
  for (const ep of Object.values(inspect.NetworkSettings?.Networks ?? {})) {
    for (const a of ep?.Aliases ?? []) if (a !== shortId && a !== inspect.Id) out.add(a);
  }
  return [...out].sort();
}

/** Host paths bind-mounted into the container (Binds and bind-type Mounts). */
function bindSources(inspect: RawContainerInspect): string[] {
  const sources: string[] = [];
  for (const b of inspect.HostConfig.Binds ?? []) {
    const parts = bindParts(b);
    if (parts.source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(parts.source) || parts.source.startsWith('\\\\')) sources.push(parts.source);
  }
  for (const m of inspect.HostConfig.Mounts ?? []) if ((m.Type ?? '').toLowerCase() === 'bind' && m.Source) sources.push(m.Source);
  return sources;
}

/**
 * The runtime was registered with --network=none and the container asked for a network: it has
 * none inside the sandbox, so the ports the engine publishes for it serve nothing.
 */
export function runtimeCutsNetwork(hostConfig: { NetworkMode?: string }, runtime: Pick<RuntimeInfo, 'args'> | null | undefined): boolean {
  if (!runtime) return false;
  const mode = (hostConfig.NetworkMode ?? '').toLowerCase();
  return mode !== 'none' && runtimeFlags(runtime.args).get('network') === 'none';
}

/**
 * The gVisor limits a container would hit under `runtime` (its registered flags relax some).
 * Ordered: blocks first, then warns, then informs.
 */
export function gvisorLimits(inspect: RawContainerInspect, runtime?: Pick<RuntimeInfo, 'args'> | RawRuntime | null): GvisorLimit[] {
  const args = runtime ? ('args' in runtime ? runtime.args : runtime.runtimeArgs) : [];
  const flags = runtimeFlags(args);
  const hc = inspect.HostConfig;
  const out: GvisorLimit[] = [];
  const add = (code: GvisorLimitCode, severity: LimitSeverity, params: Record<string, string | number> = {}): void => {
    out.push({ code, severity, params });
  };

  const mode = (hc.NetworkMode ?? '').toLowerCase();
  const runtimeNet = flags.get('network') ?? 'sandbox';
  const hostNet = mode === 'host';
  const noNet = mode === 'none';
  // Observed on the test engine: "cannot run with network enabled in root network namespace".
  if (hostNet && runtimeNet === 'sandbox') add('host-network', 'blocks');
  if (!noNet && runtimeNet === 'none') add('runtime-network-none', 'warns', { networkMode: hc.NetworkMode ?? '' });

  const networks = userNetworks(inspect);
  const aliases = personAliases(inspect);
  if ((networks.length > 0 || aliases.length > 0) && runtimeNet !== 'host' && runtimeNet !== 'none') {
    add('container-name-dns', 'warns', { networks: networks.join(', '), aliases: aliases.join(', ') });
  }

  const caps = (hc.CapAdd ?? []).map(capName);
  const rawCap = caps.find((c) => c === 'NET_RAW' || c === 'ALL');
  if ((rawCap || hc.Privileged === true || hostNet) && !on(flags, 'net-raw')) {
    add('raw-sockets', 'warns', { reason: rawCap ? `cap-${rawCap.toLowerCase()}` : hc.Privileged ? 'privileged' : 'host-network' });
  }

  const hostUds = flags.get('host-uds') ?? 'none';
  const sockets = bindSources(inspect).filter((s) => isEngineSocketSource(s) || /\.sock$/i.test(s));
  if (sockets.length > 0 && hostUds !== 'open' && hostUds !== 'all') add('host-unix-socket', 'warns', { sources: sockets.join(', ') });

  // Observed on the test engine: `--device /dev/null:/dev/mynull` starts, /dev/mynull is absent.
  const devices = (hc.Devices ?? []).map((d) => d.PathInContainer || d.PathOnHost || '').filter((d) => d !== '');
  if (devices.length > 0) add('devices-not-passed', 'warns', { devices: devices.join(', ') });
  const gpu = (hc.DeviceRequests ?? []).some((r) => (r.Capabilities ?? []).some((set) => set.includes('gpu')) || r.Driver === 'nvidia');
  if (gpu && !on(flags, 'nvproxy')) add('gpu-needs-nvproxy', 'warns');

  if ((hc.IpcMode ?? '').toLowerCase() === 'host') add('host-ipc', 'warns');
  // Observed on the test engine: `--pid host` under runsc lists only the sandbox's processes.
  if ((hc.PidMode ?? '').toLowerCase() === 'host') add('host-pid', 'warns');

  if (hc.Privileged === true || caps.includes('SYS_ADMIN') || caps.includes('ALL')) {
    add('mount-read-only', 'warns', { reason: hc.Privileged ? 'privileged' : 'cap-sys_admin' });
  }

  const seccomp = (hc.SecurityOpt ?? []).find((o) => /^seccomp[=:]/i.test(o));
  const profile = seccomp ? seccomp.slice('seccomp'.length + 1) : '';
  if (profile !== '' && profile !== 'unconfined' && !on(flags, 'oci-seccomp')) add('seccomp-profile-not-applied', 'informs');

  add('docker-cp-cache', 'informs');
  // Observed on the test engine: POST /containers/{id}/update of a running runsc container → 500.
  add('live-update-fails', 'informs');
  // Observed on the test engine: /tmp is `tmpfs` in the sandbox, and files there are not in `docker diff`.
  if (!Object.keys(hc.Tmpfs ?? {}).includes('/tmp')) add('tmp-in-sandbox-memory', 'informs');
  // gVisor's filesystem guide: with the default overlay, `docker diff` and commit do not see root
  // filesystem writes; `--overlay2=none` propagates them to the host.
  if (flags.get('overlay2') !== 'none') add('rootfs-overlay', 'informs');
  if (!noNet && runtimeNet !== 'none') add('partial-network-tools', 'informs');

  const rank: Record<LimitSeverity, number> = { blocks: 0, warns: 1, informs: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export interface MoveTarget extends RuntimeInfo {
  /** On the same rung as the container's current runtime: a move there changes little. */
  sameRung: boolean;
}

/**
 * The runtimes (Linux) or isolation modes (Windows) the engine really offers for a move, without
 * the container's current one nor another name of it. `current` is HostConfig.Runtime or HostConfig.Isolation; empty or
 * `default` means the engine's default.
 */
export function moveTargets(
  engine: Pick<EngineInfo, 'osType' | 'runtimes' | 'defaultRuntime' | 'defaultIsolation'>,
  current: string | null | undefined,
): MoveTarget[] {
  const windows = engine.osType === 'windows';
  let name = (current ?? '').trim();
  if (name === '' || name.toLowerCase() === 'default') name = (windows ? engine.defaultIsolation : engine.defaultRuntime) ?? '';
  // Another name of the current runtime is no move; an alias is offered under its runtime's name.
  const same = (a: string): boolean => (windows ? a.toLowerCase() === name.toLowerCase() : sameRuntime(a, name, engine.runtimes));
  const currentRung = engine.runtimes.find((r) => same(r.name))?.rung ?? 'unknown';
  return engine.runtimes
    .filter((r) => !same(r.name) && (windows || canonicalRuntime(r.name, engine.runtimes) === r.name))
    .map((r) => ({ ...r, sameRung: r.rung !== 'unknown' && r.rung === currentRung }));
}
