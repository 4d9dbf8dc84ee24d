// Applying a ContainersPatch: reset, then upserts by id, then removals, in that order. A row
// whose content did not change keeps its object, so memoized rows do not render again.
import type { ContainerSummary, ContainersPatch } from '../../shared/model/container';

/** Structural equality for plain JSON data (what a patch carries). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const key of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The map after the patch. Returns the same map when nothing changed, so subscribers that
 * compare by identity stay quiet.
 */
export function applyContainersPatch(current: ReadonlyMap<string, ContainerSummary>, patch: ContainersPatch): ReadonlyMap<string, ContainerSummary> {
  // After a reset the previous rows are only a source of objects to reuse.
  const next = new Map(patch.reset ? [] : current);
  for (const incoming of patch.upsert) {
    const old = next.get(incoming.id) ?? (patch.reset ? current.get(incoming.id) : undefined);
    next.set(incoming.id, old && sameData(old, incoming) ? old : incoming);
  }
  for (const id of patch.remove) next.delete(id);
  return sameEntries(current, next) ? current : next;
}

function sameEntries(a: ReadonlyMap<string, ContainerSummary>, b: ReadonlyMap<string, ContainerSummary>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, row] of b) if (a.get(id) !== row) return false;
  return true;
}
