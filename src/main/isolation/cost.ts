// What a rung costs here, measured: a short-lived test container from a local image, with no
// network and no mounts, created and started under the runtime (or Windows mode) asked for, and
// under a reference; the time from create to running, the memory in use a moment later (one
// stats sample, as the docker CLI computes it), then removed with the volumes it made itself.
import { SiloFailure, siloError, type SiloError } from '../../shared/errors';
import type { CostReport, CostSample } from '../../shared/model/cost';
import type { EngineInfo } from '../../shared/model/engine';
import { mapEngineError } from '../engine/errors';
import type { EngineOps, RawStats } from '../engine/recreate-ops';

export interface CostArgs {
  runtime: string;
  image?: string;
  reference?: string;
}

export const PROBE_LABEL = 'org.silo.probe';

/** The docker CLI's figure: usage without inactive page cache (cgroup v1 `total_inactive_file`, v2 `inactive_file`). */
export function memoryInUse(stats: RawStats): number | null {
  const m = stats.memory_stats;
  if (!m || typeof m.usage !== 'number') return null;
  const cache = m.stats?.['total_inactive_file'] ?? m.stats?.['inactive_file'];
  return typeof cache === 'number' && cache < m.usage ? m.usage - cache : m.usage;
}

const toError = (error: unknown): SiloError => (error instanceof SiloFailure ? error.error : mapEngineError(error));
const since = (t: number): number => Math.round((performance.now() - t) * 10) / 10;

function offered(engine: EngineInfo, mode: string): boolean {
  if (engine.osType === 'windows') return mode === 'process' || mode === 'hyperv';
  return engine.runtimes.some((r) => r.name === mode);
}

/** The smallest tagged local image of the engine's OS, for when the page names none. */
async function pickImage(ops: EngineOps): Promise<string> {
  const images = (await ops.listImages()).filter((i) => (i.RepoTags ?? []).some((t) => t !== '<none>:<none>'));
  images.sort((a, b) => (a.Size ?? 0) - (b.Size ?? 0));
  const tag = images[0]?.RepoTags?.find((t) => t !== '<none>:<none>');
  if (!tag) throw new SiloFailure(siloError('image-not-found', { params: { image: '' } }));
  return tag;
}

async function sample(ops: EngineOps, engine: EngineInfo, image: string, mode: string, settleMs: number): Promise<CostSample> {
  const out: CostSample = { mode, createMs: null, startMs: null, totalMs: null, memoryBytes: null, error: null };
  const isolation = engine.osType === 'windows' ? { Isolation: mode } : { Runtime: mode };
  // An open stdin keeps a shell image (whose command is `sh`) running without a terminal.
  const body = { Image: image, OpenStdin: true, Labels: { [PROBE_LABEL]: 'cost' }, HostConfig: { NetworkMode: 'none', ...isolation } };
  let id: string | null = null;
  try {
    const t0 = performance.now();
    id = (await ops.create(`silo-cost-probe-${mode.replace(/[^a-zA-Z0-9_.-]/g, '-')}-${Date.now().toString(36)}`, body)).id;
    out.createMs = since(t0);
    const t1 = performance.now();
    await ops.start(id);
    out.startMs = since(t1);
    out.totalMs = Math.round((out.createMs + out.startMs) * 10) / 10;
    await new Promise((r) => setTimeout(r, settleMs));
    const state = await ops.inspect(id);
    if (state?.State.Running !== true) throw new SiloFailure(siloError('container-not-up', { params: { state: state?.State.Status ?? 'gone', exitCode: state?.State.ExitCode ?? '' } }));
    out.memoryBytes = memoryInUse(await ops.stats(id));
  } catch (error) {
    out.error = siloError('cost-probe-failed', { params: { runtime: mode, reason: toError(error).code }, detail: toError(error).detail ?? toError(error).code });
  } finally {
    if (id !== null) await ops.removeProbe(id).catch(() => undefined);
  }
  return out;
}

export async function measureCost(ops: EngineOps, engine: EngineInfo, args: CostArgs, settleMs = 1000): Promise<CostReport> {
  const windows = engine.osType === 'windows';
  const unknown = (mode: string): SiloFailure =>
    new SiloFailure(windows ? siloError('invalid-isolation', { params: { isolation: mode } }) : siloError('unknown-runtime', { params: { runtime: mode } }));
  if (!offered(engine, args.runtime)) throw unknown(args.runtime);
  const fallback = (windows ? engine.defaultIsolation : engine.defaultRuntime) ?? null;
  const reference = args.reference ?? fallback;
  if (reference !== null && !offered(engine, reference)) throw unknown(reference);
  const image = args.image ?? (await pickImage(ops));
  if ((await ops.inspectImage(image)) === null) throw new SiloFailure(siloError('image-not-found', { params: { image } }));
  // One after the other, so neither run slows the other.
  const target = await sample(ops, engine, image, args.runtime, settleMs);
  const ref = reference !== null && reference !== args.runtime ? await sample(ops, engine, image, reference, settleMs) : null;
  return { image, target, reference: ref, settleMs, measuredAt: Date.now() };
}
