// Host paths as the engine reads a bind's source, so that every spelling of one place compares
// equal: `//`, `/./`, `..` and a trailing `/` collapsed (Go's filepath.Clean), the `/proc/self/root`
// and `/proc/<pid>/root` links taken back to `/`, and `/var/run` read as `/run` (one folder on every
// distribution Docker supports). Symlinks are not followed here: main resolves them where it can
// see the host (src/main/engine/bind-sources.ts), then compares with these rules.

/** `.` and `..` resolved and slashes collapsed; a relative path stays relative. */
export function cleanPath(path: string): string {
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

/** `/proc/self/root`, `/proc/thread-self/root`, `/proc/<pid>/root`, `/proc/<pid>/task/<tid>/root`. */
const PROC_ROOT = /^\/proc\/(?:self|thread-self|\d+)(?:\/task\/\d+)?\/root(?=\/|$)/;

/** A Linux host path in one spelling; null for a path that is not absolute. */
export function normalizeHostPath(raw: string): string | null {
  const text = raw.trim();
  if (!text.startsWith('/')) return null;
  let path = cleanPath(text);
  // Each strip can reveal another (`/proc/self/root/proc/1/root/etc`): repeat until none is left.
  for (;;) {
    const m = PROC_ROOT.exec(path);
    if (!m) break;
    path = cleanPath(`/${path.slice(m[0].length)}`);
  }
  if (path === '/var/run' || path.startsWith('/var/run/')) path = `/run${path.slice('/var/run'.length)}`;
  return path;
}

/** Whether `path` is `folder` or lies inside it (both normalised). */
export function isWithin(path: string, folder: string): boolean {
  if (folder === '/') return path.startsWith('/');
  return path === folder || path.startsWith(`${folder}/`);
}

/** The path of a `unix://` engine address, normalised; null for TCP, SSH, pipes. */
export function unixSocketPath(host: string | null | undefined): string | null {
  if (typeof host !== 'string') return null;
  const m = /^unix:\/\/(\/.*)$/.exec(host.trim());
  return m ? normalizeHostPath(m[1] ?? '') : null;
}
