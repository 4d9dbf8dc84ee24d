// Feeds the image, volume, network and compose slices from the client's events: list patches,
// the data and end of the streams they opened, and the link dropping (the host forgets what a
// page followed, so the next view asks for its list again).
import type { SiloClient } from '../api';
import type { ComposeStore } from './compose';
import type { ImagesStore } from './images';
import type { NetworksStore } from './networks';
import type { VolumesStore } from './volumes';
import type { StreamAcks } from './stream-acks';

export interface ResourceStores {
  images: ImagesStore;
  volumes: VolumesStore;
  networks: NetworksStore;
  compose: ComposeStore;
  /** Pull progress and bulk outcomes are taken as they come: acknowledged at once. */
  acks?: StreamAcks;
}

export function feedResources(client: Pick<SiloClient, 'on' | 'onLink'>, stores: ResourceStores): () => void {
  const offs = [
    client.on('images.changed', (patch) => stores.images.getState().applyPatch(patch)),
    client.on('volumes.changed', (patch) => stores.volumes.getState().applyPatch(patch)),
    client.on('networks.changed', (patch) => stores.networks.getState().applyPatch(patch)),
    client.on('stream.data', (data) => {
      if (data.kind === 'pull') stores.images.getState().onStreamData(data);
      else if (data.kind === 'progress') stores.compose.getState().onStreamData(data);
      else return;
      stores.acks?.consumed(data);
    }),
    client.on('stream.end', (end) => {
      stores.images.getState().onStreamEnd(end);
      stores.compose.getState().onStreamEnd(end);
    }),
    client.onLink((link) => {
      if (link.state === 'open') return;
      stores.images.getState().unfollow();
      stores.volumes.getState().unfollow();
      stores.networks.getState().unfollow();
      stores.compose.getState().linkLost();
    }),
  ];
  return () => offs.forEach((off) => off());
}
