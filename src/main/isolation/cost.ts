// What a rung costs here, measured: a short-lived test container from a local image, with no
// network and no mounts, created and started under the runtime (or Windows mode) asked for, and
// under a reference; the time from create to running, the memory in use a moment later (one
// stats sample, as the docker CLI computes it), then removed with the volumes it made itself.
import { runtimeChoosable } from '../../shared/isolation/engine-info';
import { sameRuntime } from '../../shared/isolation/runtime-aliases';
import { SiloFailure, siloError, type SiloError } from '../../shared/errors';
import type { CostReport, CostSample } from '../../shared/model/cost';
import type { EngineInfo } from '../../shared/model/engine';
import { mapEngineError } from '../engine/errors';
import type { EngineOps, RawStats } from './engine-ops';
import { commandMissing, probeCommands, type ProbeCommand } from './cost-command';

export interface CostArgs {
  runtime: string;
  /** A container whose image and command the probe runs (the one being moved). */
  id?: string;
  image?: string;
  reference?: string;
  /** Test containers per mode (1 to 5, default 3); the figures are medians. */
  runs?: number;
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

interface Run {
  createMs: number;
  startMs: number;
  memoryBytes: number | null;
}

/** The command was not there: the next one is tried. */
class CommandMissing extends Error {}

/** One test container: created, started, read, removed with the volumes it made itself. */
async function runOnce(ops: EngineOps, engine: EngineInfo, image: string, mode: string, command: ProbeCommand, settleMs: number): Promise<Run> {
  const isolation = engine.osType === 'windows' ? { Isolation: mode } : { Runtime: mode };
  // An open stdin keeps a shell running without a terminal.
  const body = {
    Image: image,
    ...command.body,
    OpenStdin: true,
    Labels: { [PROBE_LABEL]: 'cost' },
    HostConfig: { NetworkMode: 'none', ...isolation },
  };
  let id: string | null = null;
  try {
    const t0 = performance.now();
    id = (await ops.create(`silo-cost-probe-${mode.replace(/[^a-zA-Z0-9_.-]/g, '-')}-${Date.now().toString(36)}`, body)).id;
    const createMs = since(t0);
    const t1 = performance.now();
    try {
      await ops.start(id);
    } catch (error) {
      if (commandMissing(toError(error).detail, null)) throw new CommandMissing();
      throw error;
    }
    const startMs = since(t1);
    await new Promise((r) => setTimeout(r, settleMs));
    const state = await ops.inspect(id);
    // A figure for a runtime the container does not run under would be false (Podman's API runs
    // every container under its default): the probe says so instead.
    const got = typeof state?.HostConfig?.Runtime === 'string' ? state.HostConfig.Runtime.trim() : '';
    if (engine.osType !== 'windows' && got !== '' && !sameRuntime(got, mode, engine.runtimes))
      throw new SiloFailure(siloError('isolation-not-applied', { params: { asked: mode, got } }));
    if (state?.State.Running === true) return { createMs, startMs, memoryBytes: memoryInUse(await ops.stats(id)) };
    const exitCode = state?.State.ExitCode ?? null;
    if (commandMissing(state?.State.Error, exitCode)) throw new CommandMissing();
    // A short command that ended well: it started, which is what is timed; its memory is gone.
    if (command.mayExit && exitCode === 0) return { createMs, startMs, memoryBytes: null };
    throw new SiloFailure(siloError('container-not-up', { params: { state: state?.State.Status ?? 'gone', exitCode: exitCode ?? '' } }));
  } catch (error) {
    // The engine refuses a create without any command the same way.
    if (!(error instanceof CommandMissing) && id === null && commandMissing(toError(error).detail, null)) throw new CommandMissing();
    throw error;
  } finally {
    if (id !== null) await ops.removeProbe(id).catch(() => undefined);
  }
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
};

function summarize(mode: string, runs: Run[], error: SiloError | null): CostSample {
  const memory = runs.map((r) => r.memoryBytes).filter((m): m is number => m !== null);
  const totals = runs.map((r) => Math.round((r.createMs + r.startMs) * 10) / 10);
  return {
    mode,
    runs: runs.length,
    createMs: median(runs.map((r) => r.createMs)),
    startMs: median(runs.map((r) => r.startMs)),
    totalMs: median(totals),
    totalsMs: totals,
    memoryBytes: median(memory),
    error,
  };
}

export async function measureCost(ops: EngineOps, engine: EngineInfo, args: CostArgs, settleMs = 1000): Promise<CostReport> {
  const windows = engine.osType === 'windows';
  const unknown = (mode: string): SiloFailure =>
    new SiloFailure(windows ? siloError('invalid-isolation', { params: { isolation: mode } }) : siloError('unknown-runtime', { params: { runtime: mode } }));
  if (!offered(engine, args.runtime)) throw unknown(args.runtime);
  const fallback = (windows ? engine.defaultIsolation : engine.defaultRuntime) ?? null;
  const reference = args.reference ?? fallback;
  if (reference !== null && !offered(engine, reference)) throw unknown(reference);
  for (const mode of windows ? [] : [args.runtime, reference ?? '']) {
    if (mode !== '' && !runtimeChoosable(engine, mode))
      throw new SiloFailure(siloError('runtime-not-choosable', { params: { runtime: mode, default: engine.defaultRuntime ?? '' } }));
  }
  const container = args.id !== undefined ? await ops.inspect(args.id) : null;
  if (args.id !== undefined && container === null) throw new SiloFailure(siloError('container-not-found', { params: { id: args.id.slice(0, 12) } }));
  const image = args.image ?? container?.Image ?? (await pickImage(ops));
  const imageInfo = await ops.inspectImage(image);
  if (imageInfo === null) throw new SiloFailure(siloError('image-not-found', { params: { image } }));
  const commands = probeCommands(args.image === undefined ? container : null, imageInfo);
  // One container at a time, the modes taking turns, so that neither is favoured by what the
  // machine happens to be doing meanwhile.
  const modes = reference !== null && reference !== args.runtime ? [args.runtime, reference] : [args.runtime];
  const runs = new Map<string, Run[]>(modes.map((m) => [m, []]));
  const errors = new Map<string, SiloError>();
  // The first command that runs under a mode is kept for every run of every mode.
  let chosen: ProbeCommand | null = null;
  const once = async (mode: string): Promise<Run> => {
    if (chosen) return runOnce(ops, engine, image, mode, chosen, settleMs);
    for (const command of commands) {
      try {
        const run = await runOnce(ops, engine, image, mode, command, settleMs);
        chosen = command;
        return run;
      } catch (error) {
        if (!(error instanceof CommandMissing)) throw error;
      }
    }
    throw new SiloFailure(siloError('cost-no-command', { params: { image } }));
  };
  for (let i = 0; i < (args.runs ?? 3); i++) {
    for (const mode of modes) {
      if (errors.has(mode)) continue;
      try {
        runs.get(mode)!.push(await once(mode));
      } catch (error) {
        const cause = toError(error);
        if (cause.code === 'cost-no-command') throw error instanceof SiloFailure ? error : new SiloFailure(cause);
        errors.set(mode, siloError('cost-probe-failed', { params: { runtime: mode, reason: cause.code }, detail: cause.detail ?? cause.code }));
      }
    }
  }
  const [first, second] = modes;
  const target = summarize(first!, runs.get(first!)!, errors.get(first!) ?? null);
  const ref = second === undefined ? null : summarize(second, runs.get(second)!, errors.get(second) ?? null);
  const used = chosen as ProbeCommand | null;
  return { image, command: used?.source ?? null, target, reference: ref, settleMs, measuredAt: Date.now() };
}
