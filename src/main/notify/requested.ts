// Stops the person asked for through Silo (Stop, Restart, Kill, Remove), remembered for a minute
// so that the exit they cause is not reported as unexpected.
import type { ContainerAction } from '../../shared/model/container';

const STOPPING: ReadonlySet<ContainerAction> = new Set(['stop', 'restart', 'kill', 'remove']);
export const REQUESTED_STOP_MS = 60_000;

export class RequestedStops {
  private readonly until = new Map<string, number>();

  record(ids: readonly string[], action: ContainerAction, at: number): void {
    if (!STOPPING.has(action)) return;
    for (const id of ids) this.until.set(id, at + REQUESTED_STOP_MS);
  }

  has(id: string, at: number): boolean {
    for (const [known, until] of this.until) if (until <= at) this.until.delete(known);
    // Silo may be asked by a short id (12 hexadecimal characters); the engine reports the full one.
    for (const known of this.until.keys()) if (id.startsWith(known)) return true;
    return false;
  }
}
