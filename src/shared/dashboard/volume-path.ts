// A path inside a volume, as the page names it: relative to the volume's root, `/`-separated,
// confined. `..`, NUL and control characters are refused (never normalised away), so nothing a
// page sends can name a path outside the volume. Pure.

/** Where a helper container mounts the volume it reads or writes. */
export const HELPER_MOUNT = '/silo-volume';

export type VolumePathProblem = 'dot-dot' | 'control' | 'too-long';

const MAX_PATH = 4096;

/** The path's parts (`a/b/c` → ['a','b','c']; '' or '/' → []), or why it is refused. */
export function volumePathParts(path: string): string[] | VolumePathProblem {
  if (path.length > MAX_PATH) return 'too-long';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control';
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return 'dot-dot';
  return parts;
}

/** The path in the helper container (`/silo-volume/a/b`). */
export function helperPath(parts: readonly string[]): string {
  return [HELPER_MOUNT, ...parts].join('/');
}

/** The name a download is saved under. */
export function downloadName(volume: string, parts: readonly string[], kind: 'file' | 'tar'): string {
  const base = parts.length > 0 ? parts[parts.length - 1]! : volume;
  return kind === 'file' ? base : `${base}.tar`;
}
