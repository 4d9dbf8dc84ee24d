// One page's handlers for the engine-settings calls (contract-backends.ts). Progress of an apply
// or a Docker Desktop switch goes to the page that asked for it.
import type { z } from 'zod';
import type { BackendsResults, backendsCallSchemas } from '../../shared/contract-backends';
import { SiloFailure, siloError } from '../../shared/errors';
import type { BackendsContext } from './context';
import { DaemonService, type OnStep } from './daemon-service';
import { DesktopService, type OnDesktopProgress } from './desktop-service';
import { EngineContextsService } from './engines-service';
import type { Send } from '../util/send';

type Schemas = typeof backendsCallSchemas;
export type BackendsHandlers = { [N in keyof Schemas]: (args: z.output<Schemas[N]>) => Promise<BackendsResults[N]> };

/** The long-lived part, shared by every page (changes run one at a time across pages). */
export interface Backends {
  daemon: DaemonService;
  desktop: DesktopService;
  engines: EngineContextsService;
}

export function createBackends(context: BackendsContext): Backends {
  return { daemon: new DaemonService(context), desktop: new DesktopService(context), engines: new EngineContextsService(context) };
}

export function openBackendsPage(backends: Backends | null, send: Send): BackendsHandlers {
  const use = (): Backends => {
    if (!backends) throw new SiloFailure(siloError('internal', { detail: 'engine settings are not available in this host' }));
    return backends;
  };
  const progressOf = (engine: string): OnStep => {
    const started = Date.now();
    return (step) => send('backends.daemon.progress', { engine, step, elapsedMs: Date.now() - started });
  };
  const desktopProgress: OnDesktopProgress = (progress) => send('backends.desktop.progress', progress);

  return {
    'backends.daemon.read': ({ engine }) => use().daemon.read(engine),
    'backends.daemon.validate': ({ engine, text }) => use().daemon.validate(engine, text),
    'backends.daemon.apply': ({ engine, text, baseSha256, acknowledged }) => use().daemon.apply(engine, text, { baseSha256, acknowledged }, progressOf(engine)),
    'backends.daemon.applyElevated': ({ engine, text, baseSha256, acknowledged }) =>
      use().daemon.applyElevated(engine, text, { baseSha256, acknowledged }, progressOf(engine)),
    'backends.daemon.setDefaultRuntime': ({ engine, runtime, baseSha256, acknowledged }) =>
      use().daemon.setDefaultRuntime(engine, runtime, { baseSha256, acknowledged }, progressOf(engine)),
    'backends.daemon.setWindowsIsolation': ({ engine, mode, baseSha256, acknowledged }) =>
      use().daemon.setWindowsIsolation(engine, mode, { baseSha256, acknowledged }, progressOf(engine)),
    'backends.desktop.state': () => use().desktop.state(),
    'backends.desktop.switchBackend': ({ target }) => use().desktop.switchBackend(target, desktopProgress),
    'backends.desktop.switchContainers': ({ target }) => use().desktop.switchContainers(target, desktopProgress),
    'backends.wsl.list': () => use().desktop.wsl(),
    'engines.contexts': () => use().engines.contexts(),
    'engines.describe': ({ id }) => use().engines.describe(id),
    'engines.addRemote': ({ name, description, host, tls }) =>
      use().engines.addRemote({ name, host, ...(description ? { description } : {}), ...(tls ? { tls: definedOnly(tls) } : {}) }),
    'engines.removeRemote': ({ name }) => use().engines.removeRemote(name),
  };
}

/** zod leaves absent optional keys out; the backends' input type has no `undefined` values. */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
