// Names dockerd reserves for runc: `io.containerd.runc.v2` (the shim's runtime type) and
// `io.containerd.runtime.v1.linux` (the old shim) run the same runc binary, so they are one
// runtime with other names. Lists fold them under runc ("also known as …"), and a move between
// two names of one runtime is no move at all.
import type { RuntimeInfo } from '../model/engine';

export const RUNC_ALIASES: readonly string[] = ['io.containerd.runc.v2', 'io.containerd.runtime.v1.linux'];

type Named = Pick<RuntimeInfo, 'name'>;

/** The name a runtime is shown under: runc for its reserved aliases when the engine lists runc. */
export function canonicalRuntime(name: string, listed: readonly Named[]): string {
  if (RUNC_ALIASES.includes(name) && listed.some((r) => r.name === 'runc')) return 'runc';
  return name;
}

/** Two runtime names that run the same thing (equal, or one an alias of the other). */
export function sameRuntime(a: string, b: string, listed: readonly Named[]): boolean {
  return a === b || canonicalRuntime(a, listed) === canonicalRuntime(b, listed);
}

/** Each runtime marked with the one it is another name of (`aliasOf`), for `toEngineInfo`. */
export function markAliases(runtimes: RuntimeInfo[]): RuntimeInfo[] {
  return runtimes.map((r) => {
    const canonical = canonicalRuntime(r.name, runtimes);
    return canonical === r.name ? r : { ...r, aliasOf: canonical };
  });
}

export interface ShownRuntime extends RuntimeInfo {
  /** Its other names, in the engine's order. */
  aliases: string[];
}

/**
 * The runtimes as a person sees them: one entry per runtime, its other names folded in, the
 * default when any of its names is the default. Sorted by name so a reload never reorders it.
 */
export function shownRuntimes(runtimes: readonly RuntimeInfo[]): ShownRuntime[] {
  const out = new Map<string, ShownRuntime>();
  for (const r of runtimes) if (canonicalRuntime(r.name, runtimes) === r.name) out.set(r.name, { ...r, aliases: [] });
  for (const r of runtimes) {
    const canonical = canonicalRuntime(r.name, runtimes);
    const into = canonical === r.name ? undefined : out.get(canonical);
    if (!into) continue;
    into.aliases.push(r.name);
    if (r.isDefault) into.isDefault = true;
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
