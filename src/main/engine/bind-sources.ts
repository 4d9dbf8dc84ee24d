// Where a bind's source really leads, the way the engine will follow it: the engine (runc, as root)
// follows every symlink of the path, so a link named `/tmp/innocent` to the engine's socket mounts
// the socket. Silo follows them too (fs.realpath) where it sees the same host, a local engine over a
// unix socket: the real path of the source, or of its nearest existing folder when the
// rest does not exist yet (the engine creates the missing folders, and they hold no links). What
// Silo cannot see (a remote engine, a folder it may not read, a loop) is null: unknown, never safe.
// Synchronous: one call per bind, once in a container's life (the list) or per create; local paths
// answer in microseconds and the list builds a row from the result at once.
import { realpathSync } from 'node:fs';
import { posix } from 'node:path';
import type { ContainerChoices } from '../../shared/isolation/root-access';

/**
 * Whether Silo sees the Linux paths the engine mounts from: over a unix socket on this machine.
 * Over a pipe the engine is on Windows (its Linux paths, if any, are inside a VM Silo cannot see);
 * over TCP or SSH it is another machine.
 */
export function seesEngineHost(endpointHost: string | null | undefined): boolean {
  return typeof endpointHost === 'string' && endpointHost.startsWith('unix://') && process.platform !== 'win32';
}

/** The real path of `source`, or null when it cannot be seen. */
export function realPathOf(source: string, real: (path: string) => string = realpathSync.native): string | null {
  let path = posix.normalize(source);
  let rest = '';
  for (let depth = 0; depth < 4096; depth++) {
    try {
      const found = real(path);
      return rest === '' ? found : posix.join(found, rest);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path === '/') return null;
      rest = rest === '' ? posix.basename(path) : posix.join(posix.basename(path), rest);
      path = posix.dirname(path);
    }
  }
  return null;
}

const isLinuxPath = (source: string): boolean => source.startsWith('/') && !/^[\\/]{2}[.?][\\/]pipe[\\/]/i.test(source);

/** Every Linux bind's `resolved`; Windows drives and pipes keep their own rules. */
export function resolveBindSources(choices: ContainerChoices, endpointHost: string | null | undefined): ContainerChoices {
  const sees = seesEngineHost(endpointHost);
  const binds = choices.binds.map((bind) => (isLinuxPath(bind.source) ? { ...bind, resolved: sees ? realPathOf(bind.source) : null } : bind));
  return { ...choices, binds };
}
