// Incidents read from the engine's container changes: the transition of one container from its
// previous summary to its next. A container seen for the first time raises nothing.
import type { ContainerSummary, ContainersPatch } from '../../shared/model/container';
import type { ContainerIncident } from './types';

/**
 * Exits by SIGINT (130), SIGKILL (137) or SIGTERM (143) are how `docker stop`, `docker kill` and
 * Ctrl-C end a container; a kill for memory is told apart by the engine's OOMKilled flag.
 */
const STOP_SIGNAL_EXITS = new Set([130, 137, 143]);

export function exitCodeOf(container: ContainerSummary): number | null {
  if (container.detail?.exitCode !== undefined && container.detail?.exitCode !== null) return container.detail.exitCode;
  const match = /^Exited \((-?\d+)\)/.exec(container.statusText);
  return match ? Number(match[1]) : null;
}

export function incidentsOf(previous: ContainerSummary, next: ContainerSummary, at: number, stopWasRequested: (id: string) => boolean): ContainerIncident[] {
  const base = { at, id: next.id, name: next.name, exitCode: null };
  const incidents: ContainerIncident[] = [];
  const wentDown = previous.state === 'running' && (next.state === 'exited' || next.state === 'dead' || next.state === 'restarting');
  const oomNow = next.detail?.oomKilled === true && previous.detail?.oomKilled !== true;
  if (oomNow || (wentDown && next.detail?.oomKilled === true)) {
    incidents.push({ ...base, kind: 'oom' });
  } else if (wentDown) {
    const exitCode = exitCodeOf(next);
    if (exitCode !== null && exitCode !== 0 && !STOP_SIGNAL_EXITS.has(exitCode) && !stopWasRequested(next.id)) {
      incidents.push({ ...base, kind: 'died', exitCode });
    }
  }
  if (next.state === 'running' && next.detail?.health === 'unhealthy' && previous.detail?.health !== 'unhealthy') {
    incidents.push({ ...base, kind: 'unhealthy' });
  }
  return incidents;
}

/** The incidents a patch brings, compared with the containers as they were before it. */
export function incidentsFromPatch(
  previous: ReadonlyMap<string, ContainerSummary>,
  patch: ContainersPatch,
  at: number,
  stopWasRequested: (id: string) => boolean = () => false,
): ContainerIncident[] {
  return patch.upsert.flatMap((next) => {
    const before = previous.get(next.id);
    return before ? incidentsOf(before, next, at, stopWasRequested) : [];
  });
}
