// Collects container changes that happen in the same moment into one patch: urgent changes (an
// event) go out on the next turn of the event loop, background ones (a sweep) within a frame.
import type { ContainerSummary, ContainersPatch } from '../../shared/model/container';

const BACKGROUND_DELAY_MS = 16;

export class PatchBatcher {
  private upserts = new Map<string, ContainerSummary>();
  private removes = new Set<string>();
  private immediate: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly emit: (patch: ContainersPatch) => void) {}

  upsert(summary: ContainerSummary, urgent: boolean): void {
    this.removes.delete(summary.id);
    this.upserts.set(summary.id, summary);
    this.schedule(urgent);
  }

  remove(id: string): void {
    this.upserts.delete(id);
    this.removes.add(id);
    this.schedule(true);
  }

  /** Replace everything: pending changes are dropped, the reset goes out now. */
  reset(all: ContainerSummary[]): void {
    this.discard();
    this.emit({ reset: true, upsert: all, remove: [] });
  }

  flush(): void {
    this.cancel();
    if (this.upserts.size === 0 && this.removes.size === 0) return;
    const patch: ContainersPatch = { reset: false, upsert: [...this.upserts.values()], remove: [...this.removes] };
    this.upserts = new Map();
    this.removes = new Set();
    this.emit(patch);
  }

  /** Drop pending changes and timers. */
  cancel(): void {
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    this.immediate = null;
    this.timer = null;
  }

  discard(): void {
    this.cancel();
    this.upserts = new Map();
    this.removes = new Set();
  }

  private schedule(urgent: boolean): void {
    if (urgent) {
      this.immediate ??= setImmediate(() => this.flush());
    } else {
      this.timer ??= setTimeout(() => this.flush(), BACKGROUND_DELAY_MS);
    }
  }
}
