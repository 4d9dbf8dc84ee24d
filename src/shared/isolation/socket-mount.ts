// Does a container mount the engine's socket or pipe? Then it controls the engine
// (docs/security.md, "The engine socket"). A mount can hide in HostConfig.Binds or HostConfig.Mounts
// (CVE-2026-6406 checked only Binds): check both, and the inspect's own Mounts list.
import type { RawContainerInspect } from '../engine-api';

/** Named pipes of Windows engines: dockerd's, Docker Desktop's, Podman machine's. */
const ENGINE_PIPE = /^(docker_engine(_\w+)?|dockerdesktop\w*engine|podman-machine-[\w-]+)$/i;

/** Socket files of engines: `docker.sock`, Docker Desktop's `docker.raw.sock`/`docker.proxy.sock`, Podman's. */
const ENGINE_SOCKET = /^(docker(\.[\w-]+)?\.sock|podman\.sock)$/i;

/** Host folders that hold the engine socket: mounting them mounts the socket. */
const SOCKET_FOLDERS = new Set(['/', '/run', '/var/run', '/run/podman', '/var/run/podman']);

/** Whether one mount source (a host path or pipe) is, or holds, the engine socket or pipe. */
export function isEngineSocketSource(source: string | null | undefined): boolean {
  if (typeof source !== 'string') return false;
  const s = source.trim().replace(/\\/g, '/');
  if (s === '') return false;
  const pipe = /^\/\/[.?]\/pipe\/(.+?)\/?$/i.exec(s);
  if (pipe) return ENGINE_PIPE.test(pipe[1] ?? '');
  // As the engine mounts it: `/var/./run` is /var/run, `/x/docker.sock/.` is the socket.
  const path = cleanPath(s);
  if (SOCKET_FOLDERS.has(path)) return true;
  const base = path.split('/').pop() ?? '';
  return ENGINE_SOCKET.test(base);
}

/** A path with `.` and `..` resolved and slashes collapsed, the way Go's filepath.Clean reads it. */
function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  return absolute ? `/${parts.join('/')}` : parts.join('/') || '.';
}

/** The source of a bind string `src:dst[:opts]`, including Windows drive letters and pipes. */
export function bindSource(bind: string): string {
  const b = bind.trim();
  // `C:\dir:C:\dir` or `c:/dir:/dir`: the drive's colon is not a separator.
  const start = /^[A-Za-z]:[\\/]/.test(b) ? 2 : 0;
  const colon = b.indexOf(':', start);
  return colon < 0 ? b : b.slice(0, colon);
}

/** Bind-like mounts only: a named volume's Source is a volume name, not a host path. */
function isHostMount(type: string | undefined): boolean {
  const t = (type ?? '').toLowerCase();
  return t === '' || t === 'bind' || t === 'npipe';
}

export function mountsEngineSocket(inspect: Pick<RawContainerInspect, 'HostConfig' | 'Mounts'>): boolean {
  const hc = inspect.HostConfig;
  const binds = Array.isArray(hc?.Binds) ? hc.Binds : [];
  for (const bind of binds) {
    if (typeof bind === 'string' && isEngineSocketSource(bindSource(bind))) return true;
  }
  const mounts = Array.isArray(hc?.Mounts) ? hc.Mounts : [];
  for (const m of mounts) {
    if (m && isHostMount(m.Type) && isEngineSocketSource(m.Source)) return true;
  }
  const points = Array.isArray(inspect.Mounts) ? inspect.Mounts : [];
  for (const m of points) {
    if (m && isHostMount(m.Type) && isEngineSocketSource(m.Source)) return true;
  }
  return false;
}
