// The Settings view's stores and their events: progress of a daemon.json apply and of a Docker
// Desktop switch, for the page that asked.
import type { SiloApi } from '../../shared/contract';
import type { CallPort } from './api-port';
import { createBackendsStore } from './backends-platform';
import { createDaemonConfigStore } from './backends-daemon';

export interface SettingsStores {
  daemonConfig: ReturnType<typeof createDaemonConfigStore>;
  backends: ReturnType<typeof createBackendsStore>;
}

export function createSettingsStores(api: CallPort): SettingsStores {
  return { daemonConfig: createDaemonConfigStore(api), backends: createBackendsStore(api) };
}

export function feedSettings(client: Pick<SiloApi, 'on'>, stores: SettingsStores): () => void {
  const offs = [
    client.on('backends.daemon.progress', (progress) => stores.daemonConfig.getState().recordProgress(progress)),
    client.on('backends.desktop.progress', (progress) => stores.backends.getState().recordDesktopProgress(progress)),
  ];
  return () => offs.forEach((off) => off());
}
