// Reading `GET /info` (docs/isolation.md, "Engine kinds"): what kind of engine, its hardening, its
// runtimes or Windows isolation modes. Missing or null fields never throw (old engines, Podman).
import type { RawInfo } from '../engine-api';
import type { EngineInfo, EngineKind, Hardening, RuntimeInfo } from '../model/engine';
import type { WindowsIsolation } from '../model/isolation';
import { classifyRuntime, classifyWindowsIsolation, parseWindowsIsolation } from './ladder';
import { markAliases } from './runtime-aliases';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** `windows`, `linux`, or another lowercased OSType; `unknown` when the engine does not say. */
export function osTypeOf(raw: RawInfo): string {
  const os = str(raw.OSType).trim().toLowerCase();
  return os === '' ? 'unknown' : os;
}

export function detectEngineKind(raw: RawInfo): EngineKind {
  const os = osTypeOf(raw);
  const system = str(raw.OperatingSystem).trim();
  const kernel = str(raw.KernelVersion).trim().toLowerCase();
  if (os === 'windows') return /windows server/i.test(system) ? 'windows-server' : 'windows-client';
  if (os !== 'linux') return 'unknown';
  // Podman answers the Docker API too; only its /info names the Buildah it carries.
  if (str(raw.BuildahVersion).trim() !== '') return 'podman';
  const desktop = system.toLowerCase() === 'docker desktop';
  const wsl2 = kernel.endsWith('-microsoft-standard-wsl2');
  if (wsl2 && desktop) return 'docker-desktop-wsl2';
  if (kernel.endsWith('-linuxkit')) return 'linuxkit-vm';
  if (desktop) return 'linuxkit-vm';
  return 'native-linux';
}

/** One SecurityOptions entry as key/value pairs; old engines wrote a bare `seccomp`. */
function parseSecurityOption(entry: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of entry.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (part.trim() !== '') out.set('name', part.trim().toLowerCase());
    } else {
      const key = part.slice(0, eq).trim().toLowerCase();
      const value = part.slice(eq + 1).trim();
      out.set(key, key === 'name' ? value.toLowerCase() : value);
    }
  }
  return out;
}

export function parseHardening(raw: RawInfo): Hardening {
  const h: Hardening = {
    rootless: false,
    userns: false,
    seccompProfile: null,
    apparmor: false,
    selinux: false,
    cgroupns: false,
    noNewPrivileges: false,
    cgroupVersion: null,
  };
  const options = Array.isArray(raw.SecurityOptions) ? raw.SecurityOptions : [];
  for (const entry of options) {
    if (typeof entry !== 'string') continue;
    const opt = parseSecurityOption(entry);
    switch (opt.get('name')) {
      case 'seccomp': {
        const profile = opt.get('profile');
        // A bare `seccomp` (engines before 1.13) meant the default profile.
        h.seccompProfile = profile === undefined || profile === '' ? 'default' : profile;
        break;
      }
      case 'apparmor':
        h.apparmor = true;
        break;
      case 'selinux':
        h.selinux = true;
        break;
      case 'userns':
        h.userns = true;
        break;
      case 'rootless':
        h.rootless = true;
        break;
      case 'cgroupns':
        h.cgroupns = true;
        break;
      case 'no-new-privileges':
        h.noNewPrivileges = true;
        break;
      default:
        break;
    }
  }
  const cg = str(raw.CgroupVersion).trim();
  h.cgroupVersion = cg === '' ? null : cg;
  return h;
}

/** The Windows host build (e.g. 20348) from KernelVersion, OSVersion or OperatingSystem. */
export function windowsHostBuild(raw: RawInfo): number | null {
  if (osTypeOf(raw) !== 'windows') return null;
  // `10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)` or `10.0.20348.707`
  for (const field of [raw.KernelVersion, raw.OSVersion]) {
    const m = /^\s*\d+\.\d+[ .](\d{4,6})\b/.exec(str(field));
    if (m) return Number(m[1]);
  }
  // `Microsoft Windows Server Version 21H2 (OS Build 20348.707)`
  const os = /OS Build (\d{4,6})\b/i.exec(str(raw.OperatingSystem));
  return os ? Number(os[1]) : null;
}

/**
 * The daemon's default isolation on Windows: `Isolation` of `GET /info`; `""` or `default` mean the
 * platform default, `process` on Windows Server and `hyperv` on Windows 10/11 (moby
 * setDefaultIsolation). An unrecognised value gives null: not guessed.
 */
export function windowsDefaultIsolation(raw: RawInfo, kind: EngineKind = detectEngineKind(raw)): WindowsIsolation | null {
  const v = str(raw.Isolation).trim().toLowerCase();
  if (v === '' || v === 'default') {
    if (kind === 'windows-server') return 'process';
    if (kind === 'windows-client') return 'hyperv';
    return null;
  }
  return parseWindowsIsolation(v);
}

const WINDOWS_MODES: readonly WindowsIsolation[] = ['process', 'hyperv'];

/**
 * Whether a create through the API can choose this runtime. Podman 4.3's API (its Docker-compatible
 * `HostConfig.Runtime` and libpod's own create alike) makes every container under the default
 * runtime of its containers.conf, whatever is asked: only that one can be chosen there.
 */
export function runtimeChoosable(engine: Pick<EngineInfo, 'defaultRuntime'> & Partial<Pick<EngineInfo, 'kind'>>, runtime: string): boolean {
  return engine.kind !== 'podman' || runtime === engine.defaultRuntime;
}

export function toEngineInfo(raw: RawInfo): EngineInfo {
  const osType = osTypeOf(raw);
  const kind = detectEngineKind(raw);
  const windows = osType === 'windows';

  let defaultIsolation: WindowsIsolation | null = null;
  let defaultRuntime: string | null = null;
  let runtimes: RuntimeInfo[];

  if (windows) {
    defaultIsolation = windowsDefaultIsolation(raw, kind);
    runtimes = WINDOWS_MODES.map((mode) => ({
      name: mode,
      path: null,
      runtimeType: null,
      args: [],
      rung: classifyWindowsIsolation(mode),
      isDefault: mode === defaultIsolation,
    }));
  } else {
    const def = str(raw.DefaultRuntime).trim();
    defaultRuntime = def === '' ? null : def;
    const listed = raw.Runtimes && typeof raw.Runtimes === 'object' ? Object.entries(raw.Runtimes) : [];
    runtimes = listed.map(([name, rt]) => {
      const r = rt && typeof rt === 'object' ? rt : {};
      const path = str(r.path).trim();
      const runtimeType = str(r.runtimeType).trim();
      return {
        name,
        path: path === '' ? null : path,
        runtimeType: runtimeType === '' ? null : runtimeType,
        args: Array.isArray(r.runtimeArgs) ? r.runtimeArgs.filter((a): a is string => typeof a === 'string') : [],
        rung: classifyRuntime(name, r),
        isDefault: name === defaultRuntime,
      };
    });
    // An engine may name a default runtime it does not list (Runtimes null): still show it.
    if (defaultRuntime !== null && !runtimes.some((r) => r.name === defaultRuntime)) {
      runtimes.push({
        name: defaultRuntime,
        path: null,
        runtimeType: null,
        args: [],
        rung: classifyRuntime(defaultRuntime),
        isDefault: true,
      });
    }
    runtimes = markAliases(runtimes);
  }

  return {
    osType,
    kind,
    name: str(raw.Name),
    serverVersion: str(raw.ServerVersion),
    operatingSystem: str(raw.OperatingSystem),
    kernelVersion: str(raw.KernelVersion),
    architecture: str(raw.Architecture),
    hostBuild: windowsHostBuild(raw),
    defaultIsolation,
    defaultRuntime,
    runtimes,
    hardening: parseHardening(raw),
    dataRoot: str(raw.DockerRootDir).trim() || null,
    containerdAddress: (raw.Containerd && typeof raw.Containerd === 'object' ? str(raw.Containerd.Address).trim() : '') || null,
    containers: {
      total: num(raw.Containers),
      running: num(raw.ContainersRunning),
      paused: num(raw.ContainersPaused),
      stopped: num(raw.ContainersStopped),
    },
    images: num(raw.Images),
    warnings: Array.isArray(raw.Warnings) ? raw.Warnings.filter((w): w is string => typeof w === 'string') : [],
  };
}
