// A container's details for the dashboard: the full inspect answer, its processes and the
// changes in its writable layer.
import { toFilesystemChanges, toProcessTable, topArguments } from '../../shared/dashboard/processes';
import { SiloFailure, siloError } from '../../shared/errors';
import type { RawChange, RawTop } from '../../shared/dashboard/raw';
import type { FilesystemChange, ProcessTable } from '../../shared/model/processes';
import { CALL_DEADLINE_MS, engineCall } from './engine-calls';
import type { LiveEngine } from '../engine/live';

export function inspectRaw(live: LiveEngine, id: string): Promise<Record<string, unknown>> {
  return engineCall(live, () =>
    live.client.get<Record<string, unknown>>(`/containers/${encodeURIComponent(id)}/json`, {
      query: { size: false },
      signal: AbortSignal.timeout(CALL_DEADLINE_MS),
    }),
  );
}

export async function topProcesses(live: LiveEngine, id: string): Promise<ProcessTable> {
  const args = topArguments(live.info?.osType ?? 'linux');
  const raw = await engineCall(live, () =>
    live.client.get<RawTop>(`/containers/${encodeURIComponent(id)}/top`, {
      query: args ? { ps_args: args } : {},
      signal: AbortSignal.timeout(CALL_DEADLINE_MS),
    }),
  );
  return toProcessTable(raw);
}

export async function filesystemChanges(live: LiveEngine, id: string): Promise<FilesystemChange[]> {
  const raw = await engineCall(live, () => live.client.get<unknown>(`/containers/${encodeURIComponent(id)}/changes`, { signal: AbortSignal.timeout(60_000) }));
  // `null` is the engine's word for "nothing changed"; anything else that is not a list is named.
  if (raw !== null && !Array.isArray(raw)) {
    throw new SiloFailure(siloError('internal', { detail: `the engine's answer to GET /containers/${id.slice(0, 12)}/changes is not a list` }));
  }
  return toFilesystemChanges(raw as RawChange[] | null);
}
