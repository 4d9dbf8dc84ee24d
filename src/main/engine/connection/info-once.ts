// One GET /info of an engine over a client of its own, for engines Silo is not connected to (or
// is waiting for): negotiate the API version, ask, close. Within one deadline for both.
import type { RawInfo } from '../../../shared/engine-api';
import { SiloFailure, siloError } from '../../../shared/errors';
import { negotiateApiVersion } from './api-version';
import { EngineClient, type ClientTarget } from './client';
import { mapEngineError } from '../errors';

export async function readInfoOnce(target: ClientTarget, env: NodeJS.ProcessEnv, deadlineMs: number, via?: EngineClient): Promise<RawInfo> {
  const signal = AbortSignal.timeout(deadlineMs);
  try {
    if (via) return await via.get<RawInfo>('/info', { signal });
    const client = new EngineClient(target, await negotiateApiVersion(target, env, deadlineMs, signal), env);
    try {
      return await client.get<RawInfo>('/info', { signal });
    } finally {
      client.close();
    }
  } catch (error) {
    if (error instanceof SiloFailure) throw error;
    throw new SiloFailure(signal.aborted ? siloError('engine-timeout', { detail: `GET /info took longer than ${deadlineMs} ms` }) : mapEngineError(error));
  }
}
