// The views and dialogs that are not the first screen, each its own chunk loaded when first
// shown (or when the person points at its entry: `preload`). The first screen (the containers
// list, the sidebar, the notices) is in the main script; see test/unit/packaging/bundle-budget.
import { lazy, type ComponentType } from 'react';
import type { View } from '../stores/ui';

export interface LazyView<P> {
  Component: ComponentType<P>;
  /** Starts loading the chunk; showing the view later waits less. */
  preload(): void;
}

/** A lazily loaded named export; a chunk that fails to load shows in the view's boundary (ViewBoundary). */
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const once = (): Promise<ComponentType<P>> => {
    loading ??= load().catch((reason: unknown) => {
      loading = null;
      throw reason;
    });
    return loading;
  };
  return {
    Component: lazy(() => once().then((Component) => ({ default: Component }))),
    preload: () => void once().catch(() => undefined),
  };
}

export const Images = lazyView(() => import('./images/ImagesView').then((m) => m.ImagesView));
export const Volumes = lazyView(() => import('./volumes/VolumesView').then((m) => m.VolumesView));
export const Networks = lazyView(() => import('./networks/NetworksView').then((m) => m.NetworksView));
export const Engine = lazyView(() => import('./engine/EngineView').then((m) => m.EngineView));
export const Backends = lazyView(() => import('./backends/BackendsView').then((m) => m.BackendsView));
export const Details = lazyView(() => import('./details/DetailsView').then((m) => m.DetailsView));
export const Create = lazyView(() => import('./create/CreateDialog').then((m) => m.CreateDialog));
export const Move = lazyView(() => import('./isolation/MoveDialog').then((m) => m.MoveDialog));
export const Palette = lazyView(() => import('./palette/CommandPalette').then((m) => m.CommandPalette));

/** Each sidebar view's chunk, fetched as soon as the person points at its entry. */
export const VIEW_CHUNKS: Partial<Record<View, LazyView<object>>> = {
  images: Images,
  volumes: Volumes,
  networks: Networks,
  engine: Engine,
  backends: Backends,
};
