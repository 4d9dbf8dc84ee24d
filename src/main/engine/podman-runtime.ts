// Podman's Docker-compatible inspect names every container's runtime `oci`, a gVisor one too;
// libpod's own inspect on the same socket (GET /libpod/containers/{id}/json) names the real one in
// `OCIRuntime`. Every inspect that feeds a container's isolation goes through here, so a Podman
// container shows the runtime it runs under and a move compares against that.
import type { RawContainerInspect } from '../../shared/engine-api';
import type { EngineClient } from './connection/client';

/** The runtime name Podman's Docker-compatible API gives every container. */
export const PODMAN_PLACEHOLDER_RUNTIME = 'oci';

interface LibpodInspect {
  OCIRuntime?: unknown;
}

/**
 * The inspect with `HostConfig.Runtime` replaced by libpod's `OCIRuntime` when the engine gave
 * Podman's placeholder. An engine without libpod's API (a dockerd with a runtime named `oci`), or a
 * container gone meanwhile, keeps what the engine said.
 */
export async function withRealRuntime(client: EngineClient, raw: RawContainerInspect, deadlineMs: number): Promise<RawContainerInspect> {
  if (raw.HostConfig?.Runtime !== PODMAN_PLACEHOLDER_RUNTIME) return raw;
  let answer: LibpodInspect;
  try {
    answer = await client.get<LibpodInspect>(`/libpod/containers/${encodeURIComponent(raw.Id)}/json`, { signal: AbortSignal.timeout(deadlineMs) });
  } catch {
    return raw;
  }
  const runtime = typeof answer?.OCIRuntime === 'string' ? answer.OCIRuntime.trim() : '';
  return runtime === '' ? raw : { ...raw, HostConfig: { ...raw.HostConfig, Runtime: runtime } };
}
