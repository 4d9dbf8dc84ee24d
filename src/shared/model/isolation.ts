// The isolation ladder (docs/isolation.md, "The ladder"): what a person is shown about the boundary
// between a container and its host.

/** A rung of the ladder, weakest boundary first. `unknown` is said honestly, never guessed. */
export type Rung = 'shared-kernel' | 'user-namespaced' | 'user-space-kernel' | 'virtual-machine' | 'unknown';

export const RUNGS: readonly Rung[] = ['shared-kernel', 'user-namespaced', 'user-space-kernel', 'virtual-machine', 'unknown'];

/** Windows isolation modes as the Engine API names them. */
export type WindowsIsolation = 'process' | 'hyperv';

/** Where a container's isolation came from: set on the container, or the daemon's default. */
export type IsolationSource = 'container' | 'daemon-default';

export interface EffectiveIsolation {
  /** The runtime name (Linux, e.g. `runsc`) or the Windows mode (`process`, `hyperv`). */
  mode: string;
  rung: Rung;
  source: IsolationSource;
}
