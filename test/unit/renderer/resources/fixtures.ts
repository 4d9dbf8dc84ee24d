// Builders for images, volumes and networks used by the resource tests.
import type { ImageLayer, ImageListItem, LayerProgress, PullProgress } from '../../../../src/shared/model/image-list';
import type { NetworkSummary } from '../../../../src/shared/model/network';
import type { VolumeSummary } from '../../../../src/shared/model/volume';

let n = 0;
const hex64 = (i: number): string => i.toString(16).padStart(64, '0');

export function image(overrides: Partial<ImageListItem> = {}): ImageListItem {
  n += 1;
  return {
    id: `sha256:${hex64(n)}`,
    tags: [`app${n}:latest`],
    digests: [],
    size: 1_000_000,
    createdAt: 1_700_000_000_000 + n,
    os: 'linux',
    architecture: 'amd64',
    osVersion: null,
    containers: -1,
    dangling: false,
    labels: {},
    ...overrides,
  };
}

export function layer(overrides: Partial<ImageLayer> = {}): ImageLayer {
  return { id: null, createdBy: '', size: 0, createdAt: 0, comment: '', tags: [], empty: false, ...overrides };
}

export function volume(overrides: Partial<VolumeSummary> = {}): VolumeSummary {
  n += 1;
  return {
    name: `vol${n}`,
    driver: 'local',
    mountpoint: `/var/lib/docker/volumes/vol${n}/_data`,
    scope: 'local',
    createdAt: null,
    labels: {},
    size: null,
    usedBy: [],
    anonymous: false,
    ...overrides,
  };
}

export function network(overrides: Partial<NetworkSummary> = {}): NetworkSummary {
  n += 1;
  return {
    id: hex64(n),
    name: `net${n}`,
    driver: 'bridge',
    scope: 'local',
    internal: false,
    attachable: false,
    ipv6: false,
    subnets: [],
    gateways: [],
    createdAt: null,
    labels: {},
    builtIn: false,
    containers: [],
    ...overrides,
  };
}

export function layerProgress(overrides: Partial<LayerProgress> = {}): LayerProgress {
  return { id: 'a1b2c3d4e5f6', phase: 'waiting', status: 'Waiting', current: null, total: null, ...overrides };
}

export function pullProgress(overrides: Partial<PullProgress> = {}): PullProgress {
  return { reference: 'busybox:latest', layers: [], downloaded: 0, total: 0, layersDone: 0, status: null, digest: null, done: false, ...overrides };
}
