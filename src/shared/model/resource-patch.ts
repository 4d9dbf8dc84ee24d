/** A change to a list of images, volumes or networks, applied in order; `reset` replaces the whole list. */
export interface ResourcePatch<T> {
  reset: boolean;
  upsert: T[];
  /** Keys of items gone: image id, volume name, network id. */
  remove: string[];
}
