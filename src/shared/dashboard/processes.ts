// `docker top` and `docker diff` answers as the Processes and Changes views read them. Pure.
import type { FilesystemChange, FilesystemChangeKind, ProcessTable } from '../model/processes';
import type { RawChange, RawTop } from './raw';

/**
 * The process table. A Linux engine runs `ps` (titles such as UID PID PPID … CMD); a Windows
 * engine answers its own four columns (Name, PID, CPU, Private Working Set) and refuses ps
 * arguments, so the caller sends none there.
 */
export function toProcessTable(raw: RawTop | null): ProcessTable {
  const titles = raw?.Titles ?? [];
  const pid = titles.findIndex((t) => t.trim().toUpperCase() === 'PID');
  return { titles, processes: raw?.Processes ?? [], pidColumn: pid >= 0 ? pid : null };
}

/** `ps` arguments to ask for, by the engine's OS: none on Windows (it refuses any). */
export function topArguments(osType: string): string | null {
  return osType.toLowerCase() === 'windows' ? null : '-ef';
}

const KINDS: Record<number, FilesystemChangeKind> = { 0: 'modified', 1: 'added', 2: 'deleted' };

export function toFilesystemChanges(raw: readonly RawChange[] | null): FilesystemChange[] {
  return (raw ?? []).map((c) => ({ path: c.Path, kind: KINDS[c.Kind] ?? 'modified' })).sort((a, b) => a.path.localeCompare(b.path));
}
