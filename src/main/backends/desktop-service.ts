// Docker Desktop and WSL for the Engine settings view: the state, the backend and container switches
// (waiting for Desktop's engine to answer as asked, with progress), and the WSL distributions.
import type { RawInfo } from '../../shared/engine-api';
import type { ContainerPlatform, DesktopBackend, DesktopProgress, DesktopSwitchResult, DockerDesktopState, WslReport } from '../../shared/model/backends';
import {
  backendOf,
  desktopPaths,
  inspectDockerDesktop,
  readDesktopSettings,
  stringListSetting,
  booleanSetting,
  switchDesktopBackend,
  switchDesktopContainers,
} from './docker-desktop';
import { listWslDistros, wslExeFor } from './wsl';
import { readInfoOnce } from '../engine/connection/info-once';
import { linuxSockets } from '../platform/linux';
import { WINDOWS_DEFAULT_PIPE, WINDOWS_PIPES, pipeHost } from '../platform/windows';
import { desktopEnvironment, type BackendsContext } from './context';

const WAIT_MS = 180_000;
const DESKTOP_LINUX_PIPE = WINDOWS_PIPES.find((p) => p.flavor === 'desktop-linux')?.pipe ?? WINDOWS_DEFAULT_PIPE;
const ASK_EVERY_MS = 1_000;
const ASK_DEADLINE_MS = 2_000;

export type OnDesktopProgress = (progress: DesktopProgress) => void;

export class DesktopService {
  private switching: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: BackendsContext) {}

  async state(): Promise<DockerDesktopState> {
    return (await inspectDockerDesktop(desktopEnvironment(this.context), this.context.fs, this.context.runner)).state;
  }

  switchBackend(target: DesktopBackend, onProgress: OnDesktopProgress): Promise<DesktopSwitchResult> {
    return this.serially(() =>
      switchDesktopBackend(desktopEnvironment(this.context), target, {
        runner: this.context.runner,
        fs: this.context.fs,
        waitForEngine: (onTick) => this.waitForEngine('backend', (info) => backendOf(info) === target, onTick),
        onProgress: (p) => onProgress({ ...p, operation: 'backend', target }),
      }),
    );
  }

  switchContainers(target: ContainerPlatform, onProgress: OnDesktopProgress): Promise<DesktopSwitchResult> {
    return this.serially(() =>
      switchDesktopContainers(desktopEnvironment(this.context), target, {
        runner: this.context.runner,
        fs: this.context.fs,
        waitForEngine: (onTick) => this.waitForEngine('containers', (info) => (info.OSType ?? '').toLowerCase() === target, onTick),
        onProgress: (p) => onProgress({ ...p, operation: 'containers', target }),
      }),
    );
  }

  async wsl(): Promise<WslReport> {
    if (this.context.platform !== 'win32') return { available: false, distros: [], message: null, integrationKnown: false };
    const { file } = await readDesktopSettings(desktopPaths(desktopEnvironment(this.context)), this.context.fs);
    const settings = file
      ? {
          integratedWslDistros: stringListSetting(file, 'integratedWslDistros'),
          enableIntegrationWithDefaultWslDistro: booleanSetting(file, 'enableIntegrationWithDefaultWslDistro'),
        }
      : null;
    return listWslDistros({ runner: this.context.runner, wslExe: wslExeFor(this.context.env), settings });
  }

  /**
   * Ask Desktop's engine once a second until it answers as `accept` wants (the old engine may
   * still answer for a while after a restart was asked for). At the deadline: the last answer,
   * for the caller to report how it differs, or null when it never answered.
   */
  private async waitForEngine(
    operation: 'backend' | 'containers',
    accept: (info: RawInfo) => boolean,
    onTick: (elapsedMs: number) => void,
  ): Promise<RawInfo | null> {
    const started = Date.now();
    const waitMs = this.context.desktopWaitMs ?? WAIT_MS;
    const deadline = started + waitMs;
    const target = { host: this.desktopHost(operation), tls: null };
    let last: RawInfo | null = null;
    for (;;) {
      try {
        last = await readInfoOnce(target, this.context.env, ASK_DEADLINE_MS);
        if (accept(last)) break;
      } catch {
        // Not back yet.
      }
      onTick(Date.now() - started);
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(ASK_EVERY_MS, waitMs)));
    }
    // The pipes and sockets may have come and gone: let discovery see them as they are now.
    await this.context.engine
      .refreshEndpoints()
      .catch((error: Error) => this.context.log(`refreshing engines after a Docker Desktop switch: ${error.message}`));
    return last;
  }

  /** Windows: the Linux engine's own pipe for a backend switch, the generic pipe (the active engine) for a platform switch. */
  private desktopHost(operation: 'backend' | 'containers'): string {
    if (this.context.platform === 'win32') return pipeHost(operation === 'backend' ? DESKTOP_LINUX_PIPE : WINDOWS_DEFAULT_PIPE);
    const socket = linuxSockets(this.context.env, this.context.homeDir).find((s) => s.flavor === 'docker-desktop')?.path;
    return `unix://${socket ?? `${this.context.homeDir}/.docker/desktop/docker.sock`}`;
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.switching.then(run, run);
    this.switching = next.catch(() => undefined);
    return next;
  }
}
