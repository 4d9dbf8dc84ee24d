// Mounts of a re-created container. Every volume the old container had (named, anonymous, or from
// an image VOLUME) is attached to the new one by its name, so none is replaced by a new empty one:
// Portainer re-created from Config/HostConfig alone and lost anonymous volumes' data
// (portainer#4739). Duplicate destinations are found before the engine refuses them (#8828).
import type { RawContainerInspect, RawMountSpec } from '../engine-api';

export interface BindParts {
  source: string;
  destination: string;
  options: string;
}

/** `src:dst[:opts]`, with Windows drive letters (`C:\d`) and pipes (`\\.\pipe\x`) kept whole. */
export function bindParts(bind: string, windows = /\\/.test(bind)): BindParts {
  const parts: string[] = [];
  let rest = bind.trim();
  const piece = windows ? /^([A-Za-z]:[\\/][^:]*|\\\\[.?]\\pipe\\[^:]*|[^:]*)(?::|$)/ : /^([^:]*)(?::|$)/;
  while (rest !== '' && parts.length < 3) {
    const m = piece.exec(rest);
    if (!m || m[0] === '') break;
    parts.push(m[1] ?? '');
    rest = rest.slice(m[0].length);
  }
  if (parts.length === 1) return { source: '', destination: parts[0] ?? '', options: '' };
  return { source: parts[0] ?? '', destination: parts[1] ?? '', options: parts[2] ?? '' };
}

/** A destination as the engine compares them: no trailing separator; on Windows, case-insensitive. */
export function destinationKey(path: string, windows: boolean): string {
  let p = path.trim();
  if (windows) p = p.replace(/\//g, '\\').toLowerCase();
  p = p.replace(/([\\/])[\\/]+/g, '$1');
  return p.length > 1 ? p.replace(/[\\/]+$/, '') || p : p;
}

/** A Windows container: its Platform says so, or it has an isolation mode (Linux leaves it empty). */
export const isWindowsInspect = (inspect: Pick<RawContainerInspect, 'Platform' | 'HostConfig'>): boolean =>
  (inspect.Platform ?? '').toLowerCase() === 'windows' || /^(process|hyperv)$/i.test(inspect.HostConfig.Isolation ?? '');

/** A volume name the engine generated: 64 hex characters. */
export const isAnonymousVolumeName = (name: string): boolean => /^[0-9a-f]{64}$/.test(name);

export interface VolumeAttachment {
  name: string;
  destination: string;
  readOnly: boolean;
  /** The engine named it (an image VOLUME, `-v /path`, or `--mount type=volume` without a source). */
  anonymous: boolean;
  /** Added as an explicit mount in the new container (it was not attached by name before). */
  reattached: boolean;
}

export interface MountPlan {
  binds: string[] | null;
  mounts: RawMountSpec[] | null;
  volumes: VolumeAttachment[];
  /** Destinations claimed twice across Binds, Mounts and Tmpfs: the engine would refuse them. */
  duplicates: string[];
}

/** Binds and Mounts for the new container: the old ones, plus every volume attached by name. */
export function planMounts(inspect: RawContainerInspect): MountPlan {
  const windows = isWindowsInspect(inspect);
  const key = (p: string): string => destinationKey(p, windows);
  const binds = [...(inspect.HostConfig.Binds ?? [])];
  const mounts: RawMountSpec[] = (inspect.HostConfig.Mounts ?? []).map((m) => ({ ...m }));

  // Who attaches what by name, by destination.
  const named = new Map<string, string>();
  const claims = new Map<string, number>();
  const claim = (dest: string): void => {
    claims.set(key(dest), (claims.get(key(dest)) ?? 0) + 1);
  };
  for (const b of binds) {
    const p = bindParts(b, windows);
    claim(p.destination);
    if (p.source !== '') named.set(key(p.destination), p.source);
  }
  for (const m of mounts) {
    claim(m.Target ?? '');
    if (m.Source) named.set(key(m.Target ?? ''), m.Source);
  }
  for (const dest of Object.keys(inspect.HostConfig.Tmpfs ?? {})) claim(dest);

  const volumes: VolumeAttachment[] = [];
  for (const point of inspect.Mounts ?? []) {
    if ((point.Type ?? '').toLowerCase() !== 'volume' || !point.Name || !point.Destination) continue;
    const dest = key(point.Destination);
    const attachment: VolumeAttachment = {
      name: point.Name,
      destination: point.Destination,
      readOnly: point.RW === false,
      anonymous: isAnonymousVolumeName(point.Name),
      reattached: false,
    };
    if (named.get(dest) !== point.Name) {
      // A `--mount type=volume` without a source gets the name; anything else gets a new mount.
      const sourceless = mounts.find((m) => (m.Type ?? '').toLowerCase() === 'volume' && !m.Source && key(m.Target ?? '') === dest);
      if (sourceless) {
        sourceless.Source = point.Name;
        sourceless.VolumeOptions = { ...(sourceless.VolumeOptions ?? {}), NoCopy: true };
      } else {
        // NoCopy: an emptied volume stays empty instead of being filled from the image again.
        const mount: RawMountSpec = { Type: 'volume', Source: point.Name, Target: point.Destination, VolumeOptions: { NoCopy: true } };
        if (attachment.readOnly) mount.ReadOnly = true;
        mounts.push(mount);
        claim(point.Destination);
      }
      named.set(dest, point.Name);
      attachment.reattached = true;
    }
    volumes.push(attachment);
  }

  const duplicates = [...claims.entries()].filter(([, n]) => n > 1).map(([d]) => d);
  return {
    binds: inspect.HostConfig.Binds ? binds : (inspect.HostConfig.Binds ?? null),
    mounts: mounts.length === 0 ? (inspect.HostConfig.Mounts ?? null) : mounts,
    volumes,
    duplicates,
  };
}
