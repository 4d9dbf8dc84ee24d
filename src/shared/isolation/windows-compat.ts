// Can an image run on a Windows host, under process or under Hyper-V isolation? The engine's own
// rule (hcsshim `osversion.CheckHostAndContainerCompat`, vendored in moby) and Microsoft's
// version-compatibility notes, as docs/isolation.md ("Version compatibility") states them. Verdicts are codes with
// parameters; the renderer words them. A version that cannot be read gives `ok: null`, never a guess.
import type { RawInfo } from '../engine-api';
import type { EngineKind } from '../model/engine';
import type { WindowsIsolation } from '../model/isolation';
import { detectEngineKind } from './engine-info';

/** LTSC builds with the stable container ABI, ascending (hcsshim `compatLTSCReleases`). */
export const LTSC_BUILDS: readonly number[] = [
  20348, // Windows Server 2022
  26100, // Windows Server 2025
];

/** Windows 10/11 clients run process isolation from this build on (moby PR #38000). */
export const CLIENT_PROCESS_ISOLATION_MIN_BUILD = 17763;

export interface WindowsVersion {
  /** Null when the source names only the build (`OS Build 20348.707`). */
  major: number | null;
  minor: number | null;
  build: number;
  /** The update revision (UBR), when the source gives it. */
  revision: number | null;
}

export type WindowsCompatReason =
  | 'same-build' // the image's build is the host's
  | 'within-ltsc-window' // process isolation: between the previous LTSC and the host build
  | 'older-image-in-vm' // Hyper-V: an older image on a newer host
  | 'image-build-mismatch' // process isolation cannot run this build here; see minBuild/maxBuild
  | 'image-newer-than-host' // no isolation runs a newer image on an older host
  | 'os-version-mismatch' // major.minor differ (10.0)
  | 'process-isolation-unsupported' // a Windows 10/11 client older than 17763
  | 'unknown-image-version'
  | 'unknown-host-version';

export interface WindowsCompatParams {
  imageBuild: number | null;
  hostBuild: number | null;
  /** `10.0.17763.1817`, as read; null when unreadable. */
  imageVersion: string | null;
  hostVersion: string | null;
  /** The image builds process isolation runs on this host: minBuild to maxBuild. */
  minBuild: number | null;
  maxBuild: number | null;
  /** Another mode that runs this image here, to suggest; null when none does. */
  alternative: WindowsIsolation | null;
}

export interface WindowsCompatVerdict {
  mode: WindowsIsolation;
  /** True: it runs. False: the engine will refuse it. Null: a version could not be read. */
  ok: boolean | null;
  reason: WindowsCompatReason;
  params: WindowsCompatParams;
}

export interface WindowsCompat {
  image: WindowsVersion | null;
  host: WindowsVersion | null;
  process: WindowsCompatVerdict;
  hyperv: WindowsCompatVerdict;
}

const int = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

/** `10.0.20348.2762` or `10.0.20348` (the `OsVersion` of GET /images/{id}/json). */
export function parseImageOsVersion(value: string | null | undefined): WindowsVersion | null {
  const m = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{4,6})(?:\.(\d{1,6}))?\s*$/.exec(value ?? '');
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), build: Number(m[3]), revision: int(m[4]) };
}

/**
 * The host version from GET /info: `KernelVersion` `10.0 20348 (20348.1.amd64fre…)` gives
 * major.minor.build; `OperatingSystem` `… (OS Build 20348.707)` gives the build and its revision.
 */
export function parseHostVersion(raw: Pick<RawInfo, 'KernelVersion' | 'OSVersion' | 'OperatingSystem'>): WindowsVersion | null {
  let version: WindowsVersion | null = null;
  for (const field of [raw.KernelVersion, raw.OSVersion]) {
    const m = /^\s*(\d{1,3})\.(\d{1,3})[ .](\d{4,6})(?:\.(\d{1,6}))?\b/.exec(typeof field === 'string' ? field : '');
    if (m) {
      version = { major: Number(m[1]), minor: Number(m[2]), build: Number(m[3]), revision: int(m[4]) };
      break;
    }
  }
  const os = /OS Build (\d{4,6})(?:\.(\d{1,6}))?/i.exec(typeof raw.OperatingSystem === 'string' ? raw.OperatingSystem : '');
  if (os) {
    const build = Number(os[1]);
    if (version === null) return { major: null, minor: null, build, revision: int(os[2]) };
    // The kernel string's `.1` is not the update revision; the OS build's is.
    if (version.build === build) return { ...version, revision: int(os[2]) };
  }
  return version;
}

/** Which image builds process isolation runs on a host of this build (hcsshim's rule). */
export function processIsolationWindow(hostBuild: number): { minBuild: number; maxBuild: number } {
  const first = LTSC_BUILDS[0] ?? hostBuild;
  if (hostBuild < first) return { minBuild: hostBuild, maxBuild: hostBuild };
  // The latest LTSC strictly older than the host; the first LTSC itself runs only its own build.
  let minBuild = first;
  for (const ltsc of LTSC_BUILDS) if (hostBuild > ltsc) minBuild = ltsc;
  return { minBuild, maxBuild: hostBuild };
}

export function formatWindowsVersion(v: WindowsVersion | null): string | null {
  if (v === null) return null;
  const head = v.major === null || v.minor === null ? `${v.build}` : `${v.major}.${v.minor}.${v.build}`;
  return v.revision === null ? head : `${head}.${v.revision}`;
}

export interface WindowsImageInput {
  Os?: string;
  OsVersion?: string;
}

/**
 * Whether an image (its `OsVersion`, or GET /images/{id}/json) runs on a host (GET /info, or its
 * parsed version) under each isolation mode. `kind` matters only for a Windows 10/11 client.
 */
export function checkWindowsCompat(
  image: WindowsImageInput | string | null | undefined,
  host: RawInfo | WindowsVersion | null | undefined,
  kind?: EngineKind,
): WindowsCompat {
  const imageVersion = parseImageOsVersion(typeof image === 'string' ? image : image?.OsVersion);
  const isParsed = host !== null && host !== undefined && typeof (host as WindowsVersion).build === 'number';
  const hostVersion = isParsed ? (host as WindowsVersion) : host ? parseHostVersion(host as RawInfo) : null;
  const hostKind = kind ?? (host && !isParsed ? detectEngineKind(host as RawInfo) : 'unknown');

  const base: WindowsCompatParams = {
    imageBuild: imageVersion?.build ?? null,
    hostBuild: hostVersion?.build ?? null,
    imageVersion: formatWindowsVersion(imageVersion),
    hostVersion: formatWindowsVersion(hostVersion),
    minBuild: null,
    maxBuild: null,
    alternative: null,
  };
  const verdict = (
    mode: WindowsIsolation,
    ok: boolean | null,
    reason: WindowsCompatReason,
    extra: Partial<WindowsCompatParams> = {},
  ): WindowsCompatVerdict => ({
    mode,
    ok,
    reason,
    params: { ...base, ...extra },
  });

  if (imageVersion === null || hostVersion === null) {
    const reason = imageVersion === null ? 'unknown-image-version' : 'unknown-host-version';
    return { image: imageVersion, host: hostVersion, process: verdict('process', null, reason), hyperv: verdict('hyperv', null, reason) };
  }

  const sameFamily =
    hostVersion.major === null || hostVersion.minor === null || imageVersion.major === null
      ? true // a host read from `OS Build` alone: the builds decide
      : hostVersion.major === imageVersion.major && hostVersion.minor === imageVersion.minor;
  const imageBuild = imageVersion.build;
  const hostBuild = hostVersion.build;
  const window = processIsolationWindow(hostBuild);

  let hyperv: WindowsCompatVerdict;
  if (!sameFamily) hyperv = verdict('hyperv', false, 'os-version-mismatch');
  else if (imageBuild > hostBuild) hyperv = verdict('hyperv', false, 'image-newer-than-host');
  else hyperv = verdict('hyperv', true, imageBuild === hostBuild ? 'same-build' : 'older-image-in-vm');

  const alternative: WindowsIsolation | null = hyperv.ok ? 'hyperv' : null;
  let process: WindowsCompatVerdict;
  if (!sameFamily) process = verdict('process', false, 'os-version-mismatch', { alternative });
  else if (hostKind === 'windows-client' && hostBuild < CLIENT_PROCESS_ISOLATION_MIN_BUILD)
    process = verdict('process', false, 'process-isolation-unsupported', { alternative, minBuild: CLIENT_PROCESS_ISOLATION_MIN_BUILD });
  else if (imageBuild > hostBuild) process = verdict('process', false, 'image-newer-than-host', { ...window, alternative });
  else if (imageBuild < window.minBuild) process = verdict('process', false, 'image-build-mismatch', { ...window, alternative });
  else process = verdict('process', true, imageBuild === hostBuild ? 'same-build' : 'within-ltsc-window', window);

  return { image: imageVersion, host: hostVersion, process, hyperv };
}
