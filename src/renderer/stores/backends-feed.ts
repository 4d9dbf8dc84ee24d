// The Engine settings view's stores and their events: progress of a daemon.json apply and of a Docker
// Desktop switch, for the page that asked.
import type { SiloApi } from '../../shared/contract';
import type { CallPort } from './api-port';
import { createPlatformStore } from './backends-platform';
import { createDaemonStore } from './backends-daemon';

export interface BackendsStores {
  daemon: ReturnType<typeof createDaemonStore>;
  platform: ReturnType<typeof createPlatformStore>;
}

export function createBackendsStores(api: CallPort): BackendsStores {
  return { daemon: createDaemonStore(api), platform: createPlatformStore(api) };
}

export function feedBackends(client: Pick<SiloApi, 'on'>, stores: BackendsStores): () => void {
  const offs = [
    client.on('backends.daemon.progress', (progress) => stores.daemon.getState().recordProgress(progress)),
    client.on('backends.desktop.progress', (progress) => stores.platform.getState().recordDesktopProgress(progress)),
  ];
  return () => offs.forEach((off) => off());
}
