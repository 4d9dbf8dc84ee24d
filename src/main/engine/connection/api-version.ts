// Engine API version negotiation, as the docker CLI does it: ask GET /version without a version
// prefix, then speak the lower of the engine's version and Silo's newest.
import { SiloFailure, siloError } from '../../../shared/errors';
import { EngineClient, type ClientTarget } from './client';

/** The newest Engine API version Silo speaks. */
export const NEWEST_API = '1.47';
/** The oldest Engine API version Silo accepts (Docker 1.12, 2016). */
export const OLDEST_API = '1.24';

/** Numeric comparison of `major.minor` versions. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number(n) || 0);
  const pb = b.split('.').map((n) => Number(n) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The version to speak with an engine that answers `serverApi`; throws engine-api-too-old. */
export function chooseApiVersion(serverApi: string | undefined): string {
  if (!serverApi || !/^\d+\.\d+$/.test(serverApi)) return OLDEST_API;
  if (compareApiVersions(serverApi, OLDEST_API) < 0) {
    throw new SiloFailure(
      siloError('engine-api-too-old', {
        params: { version: serverApi, minimum: OLDEST_API },
        detail: `the engine speaks Engine API ${serverApi}; Silo needs ${OLDEST_API} or newer`,
      }),
    );
  }
  return compareApiVersions(serverApi, NEWEST_API) < 0 ? serverApi : NEWEST_API;
}

export async function negotiateApiVersion(target: ClientTarget, env: NodeJS.ProcessEnv, deadlineMs: number, cancel?: AbortSignal): Promise<string> {
  const probe = new EngineClient(target, null, env);
  try {
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
    const version = await probe.get<{ ApiVersion?: string }>('/version', { signal });
    return chooseApiVersion(version?.ApiVersion);
  } finally {
    probe.close();
  }
}
