// Every weakening a new daemon.json brings (the pure rules, and the runtime binaries on disk),
// and the check that the person acknowledged exactly those: none missing, none that no longer
// applies. The safe apply (direct or elevated) refuses before anything is written otherwise.
import type { JsonValue } from '../../shared/backends/json-source';
import type { DaemonPlatform } from '../../shared/backends/daemon-model';
import { findWeakenings, type DaemonWeakening } from '../../shared/backends/weakenings';
import { runtimeFileWeakenings } from './backends-runtime-files';
import type { FileOps } from './file-ops';

export interface WeakeningTarget {
  platform: DaemonPlatform;
  commandLineFlags?: readonly string[];
}

export async function weakeningsOf(
  target: WeakeningTarget,
  next: Record<string, JsonValue>,
  old: Record<string, JsonValue> | null,
  deps: { fs: FileOps; env?: NodeJS.ProcessEnv },
): Promise<DaemonWeakening[]> {
  const pure = findWeakenings(next, old, { platform: target.platform, commandLineFlags: target.commandLineFlags ?? [] });
  const onDisk = target.platform === 'linux' ? await runtimeFileWeakenings(next, old, deps) : [];
  return [...pure, ...onDisk];
}

/** The acknowledged ids are exactly the weakenings' ids (order and repeats do not matter). */
export function acknowledgedExactly(weakenings: readonly DaemonWeakening[], acknowledged: readonly string[]): boolean {
  const wanted = new Set(weakenings.map((w) => w.id));
  const given = new Set(acknowledged);
  return wanted.size === given.size && [...wanted].every((id) => given.has(id));
}
