// Engine-wide changes asked for outside the Engine settings view (the tray), through the same
// safe path the view takes: the daemon.json key is edited on the file as read (validate, back up,
// write atomically, reload, verify, roll back), with administrator rights only when Silo may not
// write the file and the person agrees; Docker Desktop's containers switch only once the person
// has acknowledged what it does. The caller asks and tells; nothing here shows anything.
import { setDefaultRuntime, setWindowsIsolation } from '../../shared/backends';
import { SiloFailure, siloError } from '../../shared/errors';
import type { ContainerPlatform, DaemonApplyResult, DaemonLockedReason, DaemonWeakening, DesktopSwitchResult } from '../../shared/model/backends';
import type { EngineService } from '../engine/types';
import type { OnStep } from './daemon-service';
import type { OnDesktopProgress } from './desktop-service';
import type { Backends } from './handlers';

/** The daemon apply's outcome, or why the file is not Silo's to change. */
export type IsolationChange = DaemonApplyResult | { status: 'locked'; reason: DaemonLockedReason };

export interface IsolationChangeAsk {
  /** Silo may not write `configFile`: may it ask for administrator rights (pkexec)? */
  elevate(configFile: string): Promise<boolean>;
  /** The change weakens the engine's protection (gVisor → runc): does the person accept each of these? */
  acknowledge?(weakenings: readonly DaemonWeakening[]): Promise<boolean>;
}

const WINDOWS_MODES = ['process', 'hyperv'] as const;
const isWindowsMode = (mode: string): mode is (typeof WINDOWS_MODES)[number] => (WINDOWS_MODES as readonly string[]).includes(mode);

/** Sets the active engine's default runtime (Linux) or isolation (Windows) to `mode`. */
export async function changeDefaultIsolation(
  backends: Pick<Backends, 'daemon'>,
  engine: Pick<EngineService, 'snapshot'>,
  mode: string,
  ask: IsolationChangeAsk,
  onStep: OnStep = () => undefined,
): Promise<IsolationChange> {
  const id = engine.snapshot().endpoint?.id;
  if (!id) throw new SiloFailure(siloError('no-engine'));
  const read = await backends.daemon.read(id);
  if (!read.editable) return { status: 'locked', reason: read.reason };
  const windows = read.platform === 'windows';
  if (windows && !isWindowsMode(mode)) throw new SiloFailure(siloError('invalid-isolation', { params: { platform: read.platform } }));
  const change = (acknowledged: string[]) =>
    windows && isWindowsMode(mode)
      ? backends.daemon.setWindowsIsolation(id, mode, { baseSha256: read.sha256, acknowledged }, onStep)
      : backends.daemon.setDefaultRuntime(id, mode, { baseSha256: read.sha256, acknowledged }, onStep);
  let acknowledged: string[] = [];
  let result = await change(acknowledged);
  // A weaker default (gVisor → runc) is refused until the person accepts it; once, on these weakenings.
  const weakenings = result.status === 'refused' && result.error.code === 'weakening-not-acknowledged' ? (result.weakenings ?? []) : [];
  if (weakenings.length > 0 && ask.acknowledge && (await ask.acknowledge(weakenings))) {
    acknowledged = weakenings.map((w) => w.id);
    result = await change(acknowledged);
  }
  if (result.status !== 'needs-elevation' || result.method !== 'pkexec') return result;
  if (!(await ask.elevate(result.configFile))) return result;
  // The same edit, on the same bytes (the apply refuses if the file changed since the read).
  const text = windows && isWindowsMode(mode) ? setWindowsIsolation(read.text, mode) : setDefaultRuntime(read.text, mode);
  return backends.daemon.applyElevated(id, text, { baseSha256: read.sha256, acknowledged }, onStep);
}

export interface ContainersSwitchAsk {
  /** The person acknowledges that Docker Desktop switches its engine to `target`'s containers. */
  acknowledge(target: ContainerPlatform): Promise<boolean>;
}

/** Docker Desktop's Linux/Windows containers switch, once acknowledged; null when it was not. */
export async function switchDesktopContainersAcknowledged(
  backends: Pick<Backends, 'desktop'>,
  target: ContainerPlatform,
  ask: ContainersSwitchAsk,
  onProgress: OnDesktopProgress = () => undefined,
): Promise<DesktopSwitchResult | null> {
  if (!(await ask.acknowledge(target))) return null;
  return backends.desktop.switchContainers(target, onProgress);
}
