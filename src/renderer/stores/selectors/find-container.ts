// A container named in an address (`#/containers/<ref>/…`): its full id, its name, or a prefix of
// its id that only it has, as the engine itself accepts them.
import type { ContainerSummary } from '../../../shared/model/container';

export function findContainer(byId: ReadonlyMap<string, ContainerSummary>, ref: string): ContainerSummary | undefined {
  const exact = byId.get(ref);
  if (exact) return exact;
  let byPrefix: ContainerSummary | undefined;
  let prefixes = 0;
  for (const container of byId.values()) {
    if (container.name === ref) return container;
    if (container.id.startsWith(ref)) {
      byPrefix = container;
      prefixes += 1;
    }
  }
  return prefixes === 1 ? byPrefix : undefined;
}
