// A container's details for the dashboard: the full inspect answer, its processes and the
// changes in its writable layer.
import { toFilesystemChanges, toProcessTable, topArguments } from '../../shared/dashboard/processes';
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
  const raw = await engineCall(live, () =>
    live.client.get<RawChange[] | null>(`/containers/${encodeURIComponent(id)}/changes`, { signal: AbortSignal.timeout(60_000) }),
  );
  return toFilesystemChanges(raw);
}
