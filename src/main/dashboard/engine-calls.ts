// Small helpers the dashboard's engine modules share: the live session or a clear error, calls
// with a deadline whose connection failures reconnect, and an NDJSON response read to the end.
import type { IncomingMessage } from 'node:http';
import { SiloFailure, siloError } from '../../shared/errors';
import type { RawContainerInspect } from '../../shared/engine-api';
import { dashboardFailure } from './errors';
import { isConnectionError } from '../engine/errors';
import type { LiveEngine, LiveEngineSource } from '../engine/live';
import { NdjsonParser } from '../util/ndjson';

export const CALL_DEADLINE_MS = 10_000;
/** Removing, pruning, loading: the engine may take long and that is fine. */
export const SLOW_DEADLINE_MS = 10 * 60_000;

export function requireLive(source: LiveEngineSource): LiveEngine {
  const live = source.live();
  if (!live) throw new SiloFailure(siloError('no-engine'));
  return live;
}

/** Run one engine call; a failure to reach the engine also reconnects. */
export async function engineCall<T>(live: LiveEngine, call: () => Promise<T>, params: Record<string, string> = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isConnectionError(error)) live.lost(error);
    throw dashboardFailure(error, params);
  }
}

export function inspectContainer(live: LiveEngine, id: string): Promise<RawContainerInspect> {
  return engineCall(live, () =>
    live.client.get<RawContainerInspect>(`/containers/${encodeURIComponent(id)}/json`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) }),
  );
}

/** Every JSON line of a response, once it has ended (load, import, prune answers). */
export function readNdjson(response: IncomingMessage): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const parser = new NdjsonParser();
    const values: unknown[] = [];
    response.on('data', (chunk: Buffer) => values.push(...parser.push(chunk).values));
    response.on('end', () => resolve([...values, ...parser.end().values]));
    response.on('error', reject);
    response.on('aborted', () => reject(Object.assign(new Error('the engine cut the answer'), { code: 'ECONNRESET' })));
  });
}
