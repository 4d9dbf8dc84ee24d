// Does a container mount the engine's socket or pipe? Then it controls the engine
// (docs/security.md, "The engine socket"). A mount can hide in HostConfig.Binds or HostConfig.Mounts
// (CVE-2026-6406 checked only Binds): check both, and the inspect's own Mounts list.
import type { RawContainerInspect } from '../engine-api';
import { cleanPath, normalizeHostPath } from './host-path';

/** Named pipes of Windows engines: dockerd's, Docker Desktop's, Podman machine's. */
const ENGINE_PIPE = /^(docker_engine(_\w+)?|dockerdesktop\w*engine|podman-machine-[\w-]+)$/i;

/** Socket files of engines: `docker.sock`, Docker Desktop's `docker.raw.sock`/`docker.proxy.sock`, Podman's. */
const ENGINE_SOCKET = /^(docker(\.[\w-]+)?\.sock|podman\.sock)$/i;

/** Host folders that hold the engine socket (normalised: `/var/run` is `/run`): mounting them mounts the socket. */
const SOCKET_FOLDERS = new Set(['/', '/run', '/run/podman']);
/** A rootless engine's `/run/user/<uid>`, Docker Desktop's `~/.docker/run`. */
const SOCKET_FOLDER = /^\/run\/user\/\d+(\/podman)?$|\/\.docker\/run$/;

/** Whether one mount source (a host path or pipe) is, or holds, the engine socket or pipe. */
export function isEngineSocketSource(source: string | null | undefined): boolean {
  if (typeof source !== 'string') return false;
  const s = source.trim().replace(/\\/g, '/');
  if (s === '') return false;
  const pipe = /^\/\/[.?]\/pipe\/(.+?)\/?$/i.exec(s);
  if (pipe) return ENGINE_PIPE.test(pipe[1] ?? '');
  // As the engine mounts it: `/var/./run` is /run, `/x/docker.sock/.` is the socket, `/proc/self/root/run` is /run.
  const path = normalizeHostPath(s) ?? cleanPath(s);
  if (SOCKET_FOLDERS.has(path) || SOCKET_FOLDER.test(path)) return true;
  const base = path.split('/').pop() ?? '';
  return ENGINE_SOCKET.test(base);
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
