export interface VolumeUser {
  id: string;
  name: string;
  /** The container's state, so the person sees whether it is running. */
  state: string;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
  scope: string;
  /** Epoch ms; null when the engine does not say. */
  createdAt: number | null;
  labels: Record<string, string>;
  /** Bytes, where the engine reports it (`GET /system/df`, local driver); null otherwise. */
  size: number | null;
  /** Containers (any state) that mount it, from Silo's container list. */
  usedBy: VolumeUser[];
  /** An anonymous volume (created for a container without a name). */
  anonymous: boolean;
}

export interface VolumePruneEstimate {
  volumes: Array<{ name: string; size: number | null }>;
  /** Bytes freed, counting volumes of unknown size as 0. */
  bytes: number;
  /** True when the engine prunes only anonymous volumes (API 1.42 and later, without `all`). */
  anonymousOnly: boolean;
}
