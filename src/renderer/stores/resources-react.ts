// React access to the image, volume, network and compose slices (see react.ts for the others).
import { useStore } from 'zustand';
import type { ComposeState } from './compose';
import type { ImagesState } from './images';
import type { NetworksState } from './networks';
import { useStores } from './react';
import type { VolumesState } from './volumes';
import type { VolumeFilesState } from './volume-files';
import type { VolumeImportState } from './volume-import';

export const useImages = <T>(selector: (s: ImagesState) => T): T => useStore(useStores().images, selector);
export const useVolumes = <T>(selector: (s: VolumesState) => T): T => useStore(useStores().volumes, selector);
export const useNetworks = <T>(selector: (s: NetworksState) => T): T => useStore(useStores().networks, selector);
export const useCompose = <T>(selector: (s: ComposeState) => T): T => useStore(useStores().compose, selector);
export const useVolumeFiles = <T>(selector: (s: VolumeFilesState) => T): T => useStore(useStores().volumeFiles, selector);
export const useVolumeImport = <T>(selector: (s: VolumeImportState) => T): T => useStore(useStores().volumeImport, selector);
