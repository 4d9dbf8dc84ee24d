// Which entries of GET /containers/{id}/changes are the person's, and which the engine made itself.
// The engine creates mount points in the writable layer when the image lacks them (seen on the test
// engine: `A /data`, `A /anon`, `A /sbin/docker-init` for --init, `A /run` for a tmpfs): those are
// not data, and asking "keep your changes?" about them would be noise.
import type { RawContainerInspect } from '../engine-api';
import { bindParts, isWindowsInspect } from './recreate-mounts';

/** One entry of GET /containers/{id}/changes. Kind: 0 modified, 1 added, 2 deleted. */
export interface RawChange {
  Path: string;
  Kind: number;
}

/** Files the engine writes or mounts into every Linux container. */
const ENGINE_FILES = [
  '/etc/hosts',
  '/etc/hostname',
  '/etc/resolv.conf',
  '/.dockerenv',
  '/proc',
  '/sys',
  '/dev',
  '/dev/shm',
  '/dev/pts',
  '/dev/mqueue',
  '/dev/console',
];

const clean = (p: string): string => {
  const s = p.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  return s.length > 1 ? s.replace(/\/+$/, '') : s;
};

/** Where the engine puts something into this container's filesystem. */
export function engineMountPoints(inspect: RawContainerInspect): string[] {
  const windows = isWindowsInspect(inspect);
  const points = new Set<string>(windows ? [] : ENGINE_FILES);
  for (const m of inspect.Mounts ?? []) if (m.Destination) points.add(clean(m.Destination));
  for (const b of inspect.HostConfig.Binds ?? []) points.add(clean(bindParts(b, windows).destination));
  for (const m of inspect.HostConfig.Mounts ?? []) if (m.Target) points.add(clean(m.Target));
  for (const t of Object.keys(inspect.HostConfig.Tmpfs ?? {})) points.add(clean(t));
  if (inspect.HostConfig['Init'] === true) points.add('/sbin/docker-init');
  for (const d of inspect.HostConfig.Devices ?? []) if (d.PathInContainer) points.add(clean(d.PathInContainer));
  if (inspect.Config.WorkingDir) points.add(clean(inspect.Config.WorkingDir));
  return [...points].sort();
}

/**
 * The changes a person (or their program) made: everything except the mount points the engine
 * created, and the folders it created or touched to hold them. A deletion is always the person's.
 */
export function personChanges(changes: readonly RawChange[] | null | undefined, inspect: RawContainerInspect): RawChange[] {
  const points = engineMountPoints(inspect);
  const windows = isWindowsInspect(inspect);
  const norm = (p: string): string => (windows ? clean(p).toLowerCase() : clean(p));
  const exact = new Set(points.map(norm));
  const holders = new Set<string>();
  for (const p of points) {
    const parts = norm(p).split('/');
    for (let i = 1; i < parts.length; i++) holders.add(parts.slice(0, i).join('/') || '/');
  }
  return (changes ?? []).filter((c) => {
    const p = norm(c.Path);
    if (c.Kind === 2) return true;
    return !(exact.has(p) || holders.has(p));
  });
}
