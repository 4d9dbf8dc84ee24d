// A stand-in for dockerd's reload behaviour in unit tests: on "SIGHUP" it reads daemon.json from
// disk and takes it only when dockerd would (valid file, runtimes reloaded when the key is set,
// the default only when it is set), and GET /info shows what it holds. The real engine is used
// in test/integration/backends.
import { readFileSync, existsSync } from 'node:fs';
import type { RawInfo, RawRuntime } from '../../../../src/shared/engine-api';
import { validateDaemonJson } from '../../../../src/shared/backends';
import type { DaemonTarget } from '../../../../src/main/backends/daemon-apply';
import { signalReloader } from '../../../../src/main/backends/reloader';

export interface FakeDaemon {
  target: DaemonTarget;
  info: RawInfo;
  reloads: number;
  /** When false, SIGHUP is received but nothing changes (a reload the engine does not take). */
  takesReloads: boolean;
  running: boolean;
}

export function fakeDaemon(configFile: string, options: { pid?: number } = {}): FakeDaemon {
  const daemon: FakeDaemon = {
    info: { DefaultRuntime: 'runc', Runtimes: { runc: { path: 'runc' } } },
    reloads: 0,
    takesReloads: true,
    running: true,
    target: undefined as unknown as DaemonTarget,
  };
  const load = (): void => {
    const text = existsSync(configFile) ? readFileSync(configFile, 'utf8') : '';
    const report = validateDaemonJson(text, { platform: 'linux' });
    if (!report.ok || !report.config) return;
    const config = report.config as { runtimes?: Record<string, RawRuntime>; 'default-runtime'?: string };
    if (config.runtimes) daemon.info = { ...daemon.info, Runtimes: { runc: { path: 'runc' }, ...config.runtimes } };
    if (config['default-runtime']) daemon.info = { ...daemon.info, DefaultRuntime: config['default-runtime'] };
  };
  load();
  const pid = options.pid ?? 4242;
  daemon.target = {
    platform: 'linux',
    configFile,
    reloader: signalReloader(
      async () => (daemon.running ? pid : null),
      (target, signal) => {
        if (target !== pid || signal !== 'SIGHUP') throw new Error(`unexpected ${signal} to ${target}`);
        daemon.reloads++;
        if (daemon.takesReloads) load();
      },
    ),
    readInfo: async () => {
      if (!daemon.running) throw new Error('connect ENOENT docker.sock');
      return daemon.info;
    },
  };
  return daemon;
}
