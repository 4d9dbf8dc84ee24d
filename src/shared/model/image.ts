/** A local image, as the create form lists it. */
export interface ImageSummary {
  id: string;
  /** `repo:tag` references; empty for an untagged image. */
  tags: string[];
  /** `linux` or `windows`. */
  os: string;
  /** Windows: `10.0.20348.2762`; null on Linux. */
  osVersion: string | null;
  /** Bytes. */
  size: number;
  /** Epoch ms. */
  createdAt: number;
}
