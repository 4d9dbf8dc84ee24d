// How many containers' boundaries are weakened, can reach the engine, are privileged, and by what
// (the Engine view's sum). Pure; a container not inspected yet is not counted.
import type { BoundaryCode } from '../../../shared/model/boundary';
import type { ContainerSummary } from '../../../shared/model/container';

export interface BoundaryCounts {
  weakened: number;
  engine: number;
  privileged: number;
  /** Weakened containers by the kind of their findings of medium or worse, most first. */
  byCode: Array<{ code: BoundaryCode; count: number }>;
}

export function countBoundaries(
  containers: Iterable<Pick<ContainerSummary, 'boundary' | 'mountsEngineSocket'>>,
  group: (code: BoundaryCode) => string,
): BoundaryCounts {
  let weakened = 0;
  let engine = 0;
  let privileged = 0;
  const by = new Map<string, { code: BoundaryCode; count: number }>();
  for (const c of containers) {
    const b = c.boundary;
    if (b?.reachesEngine || c.mountsEngineSocket) engine += 1;
    if (!b) continue;
    if (b.privileged) privileged += 1;
    if (b.verdict !== 'weakened') continue;
    weakened += 1;
    const seen = new Set<string>();
    for (const f of b.findings) {
      if (f.effect !== 'weakens' || f.severity === 'low' || f.severity === null) continue;
      const key = group(f.code);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = by.get(key) ?? { code: f.code, count: 0 };
      entry.count += 1;
      by.set(key, entry);
    }
  }
  return { weakened, engine, privileged, byCode: [...by.values()].sort((a, b) => b.count - a.count) };
}
