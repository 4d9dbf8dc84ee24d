// Which daemon.json an engine reads and how it takes a change, or why Silo cannot change it: a
// local Linux dockerd found on its socket (through /proc), a Windows engine installed as a
// service, and never a remote engine or Docker Desktop's.
import type { RawInfo } from '../../shared/engine-api';
import { SiloFailure, siloError } from '../../shared/errors';
import { detectEngineKind } from '../../shared/isolation';
import type { DaemonLockedReason } from '../../shared/model/backends';
import type { DaemonTarget } from './daemon-apply';
import { readInfoWithin } from './daemon-apply-parts';
import { linuxDaemonTarget, windowsServiceTarget } from './targets';
import { inspectDockerDesktop } from './docker-desktop';
import { parseEngineHost } from '../engine/connection/address';
import { INFO_DEADLINE_MS, desktopEnvironment, type BackendsContext } from './context';

export type ResolvedTarget = { target: DaemonTarget } | { locked: DaemonLockedReason };

const DESKTOP_PIPE = /dockerDesktop/i;

export async function resolveDaemonTarget(context: BackendsContext, engineId: string): Promise<ResolvedTarget> {
  const endpoint = context.engine.endpoints().find((e) => e.id === engineId);
  if (!endpoint) throw new SiloFailure(siloError('no-engine', { params: { id: engineId } }));
  let address;
  try {
    address = parseEngineHost(endpoint.host, endpoint.tls);
  } catch (error) {
    throw new SiloFailure(siloError('engine-not-found', { detail: (error as Error).message }));
  }
  if (address.kind === 'tcp' || address.kind === 'ssh') return { locked: 'remote' };
  if (endpoint.flavor === 'docker-desktop' || (address.kind === 'npipe' && DESKTOP_PIPE.test(address.path))) return { locked: 'docker-desktop' };
  const readInfo = (): Promise<RawInfo> => context.engine.readInfo(engineId, INFO_DEADLINE_MS);
  const info = await readInfoWithin(readInfo, INFO_DEADLINE_MS);
  if (info && isDockerDesktop(info)) return { locked: 'docker-desktop' };
  if (address.kind === 'unix') {
    const target = await linuxDaemonTarget({ socketPath: address.path, readInfo, fs: context.fs });
    return target ? { target } : { locked: 'not-found' };
  }
  // The generic pipe of a Windows machine: a service-installed dockerd answers as Windows.
  if (context.platform === 'win32' && info?.OSType?.toLowerCase() === 'windows') {
    // Docker Desktop's Windows engine answers on the same pipe when Desktop runs Windows containers.
    if ((await inspectDockerDesktop(desktopEnvironment(context), context.fs, null)).state.containers.current === 'windows') return { locked: 'docker-desktop' };
    return { target: windowsServiceTarget({ env: context.env, runner: context.runner, readInfo }) };
  }
  return { locked: 'not-found' };
}

function isDockerDesktop(info: RawInfo): boolean {
  const kind = detectEngineKind(info);
  return kind === 'docker-desktop-wsl2' || kind === 'linuxkit-vm' || /docker desktop/i.test(info.OperatingSystem ?? '');
}
