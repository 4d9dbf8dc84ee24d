// What a move needs to know, read from the engine (the container, the engine's info, its image,
// its writable layer), and the pure plan made from it. Used by the advice and by the move itself,
// so the move never trusts an advice the page saw earlier: it reads everything again.
import type { RawContainerInspect, RawInfo } from '../../shared/engine-api';
import { SiloFailure, siloError } from '../../shared/errors';
import { toEngineInfo } from '../../shared/isolation';
import { chooseImage, planRecreate, type RecreatePlan, type WritableLayerChoice } from '../../shared/isolation/recreate-plan';
import type { IsolationTarget } from '../../shared/isolation/recreate-options';
import { checkWindowsCompat, type WindowsCompat } from '../../shared/isolation/windows-compat';
import { personChanges, type RawChange } from '../../shared/isolation/writable-layer';
import type { EngineInfo } from '../../shared/model/engine';
import type { WritableLayerDecision } from '../../shared/model/move';
import type { EngineOps, RawImageInspect } from './engine-ops';

export interface Gathered {
  inspect: RawContainerInspect;
  rawInfo: RawInfo;
  engine: EngineInfo;
  /** The image Config.Image names now, if any. */
  imageByReference: RawImageInspect | null;
  /** The image the container was created from (by id). */
  imageRunning: RawImageInspect | null;
  /** The person's changes in the writable layer; null when the engine would not say. */
  changes: RawChange[] | null;
}

export async function gather(ops: EngineOps, id: string): Promise<Gathered> {
  const inspect = await ops.inspect(id);
  if (inspect === null) throw new SiloFailure(siloError('container-not-found', { params: { id: id.slice(0, 12) } }));
  const reference = inspect.Config.Image ?? '';
  const [rawInfo, raw, imageByReference, imageRunning] = await Promise.all([
    ops.info(),
    ops.changes(inspect.Id).catch(() => null),
    reference !== '' ? ops.inspectImage(reference) : Promise.resolve(null),
    ops.inspectImage(inspect.Image),
  ]);
  const engine = toEngineInfo(rawInfo);
  return { inspect, rawInfo, engine, imageByReference, imageRunning, changes: raw === null ? null : personChanges(raw, inspect) };
}

/** A runtime name (Linux) or a Windows mode as a plan target; Windows takes only process or hyperv. */
export function targetFor(engine: Pick<EngineInfo, 'osType'>, name: string): IsolationTarget {
  if (engine.osType !== 'windows') return { os: 'linux', runtime: name };
  const mode = name.trim().toLowerCase();
  if (mode === 'process' || mode === 'hyperv') return { os: 'windows', isolation: mode };
  throw new SiloFailure(siloError('invalid-isolation', { params: { isolation: name } }));
}

export interface Planned {
  plan: RecreatePlan;
  /** Changes exist and the person has not chosen yet. */
  choiceRequired: boolean;
  layer: WritableLayerChoice | undefined;
  image: ReturnType<typeof chooseImage>;
  windows: WindowsCompat | null;
}

/**
 * The plan for a move. Without the person's choice on a changed writable layer, `layer` stays
 * undefined (the plan then has the blocker `writable-layer-not-checked`); `assumeKeep` plans the
 * commit instead, to show the steps while the choice is open.
 */
export function planFor(g: Gathered, target: IsolationTarget, choice: WritableLayerDecision | undefined, assumeKeep = false): Planned {
  const changed = g.changes === null ? null : g.changes.length > 0;
  let layer: WritableLayerChoice | undefined;
  if (changed === false) layer = 'empty';
  else if (choice === 'keep') layer = 'commit';
  else if (choice === 'discard') layer = 'discard';
  else if (assumeKeep && changed === true) layer = 'commit';
  const image = chooseImage(g.inspect, g.imageByReference?.Id ?? null);
  const windows = g.engine.osType === 'windows' ? checkWindowsCompat(g.imageRunning ?? null, g.rawInfo) : null;
  const plan = planRecreate(g.inspect, target, {
    engine: g.engine,
    ...(layer !== undefined ? { writableLayer: layer } : {}),
    ...(windows ? { windowsCompat: windows } : {}),
    ...(image.reason !== 'same-image' ? { image: image.image } : {}),
  });
  return { plan, choiceRequired: changed !== false && choice === undefined, layer, image, windows };
}
