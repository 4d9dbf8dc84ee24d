// Keeps one kind of list (images, volumes or networks) true for the pages that asked for it:
// the engine's events of that kind lead to one re-list, coalesced (events within a moment make
// one list; events during a list make one more after it), sent as a patch against what the
// pages have. Nobody watching, nothing asked of the engine. No polling.
import { diffList, isEmptyPatch } from '../../shared/dashboard/diff';
import type { ResourcePatch } from '../../shared/model/resource-patch';

export interface ResourceWatchOptions<T> {
  list: () => Promise<T[]>;
  key: (item: T) => string;
  emit: (patch: ResourcePatch<T>) => void;
  log: (line: string) => void;
  /** Events within this long make one list. */
  settleMs?: number;
}

export class ResourceWatch<T> {
  private watchers = 0;
  private known: Map<string, T> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private resetNext = false;
  /** Counts lists that ran (for tests and benches). */
  lists = 0;

  constructor(private readonly options: ResourceWatchOptions<T>) {}

  /** A page starts following; returns the stop. */
  watch(): () => void {
    this.watchers += 1;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.watchers -= 1;
      if (this.watchers === 0) this.forget();
    };
  }

  get watched(): boolean {
    return this.watchers > 0;
  }

  /**
   * A list a page asked for. What changed since the last one goes to the pages already following
   * (as a patch); the list becomes what later patches are computed against.
   */
  async listNow(): Promise<T[]> {
    const items = await this.options.list();
    const { patch, map } = diffList(this.known, items, this.options.key);
    if (this.known !== null && !isEmptyPatch(patch)) this.options.emit(patch);
    this.known = map;
    return items;
  }

  /** An engine event of this kind. */
  changed(): void {
    if (!this.watched || this.known === null) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.options.settleMs ?? 50);
  }

  /** A new engine session (reconnect): list again and send it whole. */
  resync(): void {
    if (!this.watched) return;
    this.known = null;
    this.run(true);
  }

  /** Another engine: nothing of the old one stays. */
  clear(): void {
    const had = this.known !== null;
    this.forget();
    if (had && this.watched) this.options.emit({ reset: true, upsert: [], remove: [] });
  }

  /**
   * Change the known items without asking the engine (a volume's users follow the container
   * list), and send what changed.
   */
  update(transform: (item: T) => T): void {
    if (!this.watched || this.known === null) return;
    const { patch, map } = diffList(this.known, [...this.known.values()].map(transform), this.options.key);
    this.known = map;
    if (!isEmptyPatch(patch)) this.options.emit(patch);
  }

  /** Resolves when no list is pending or running. */
  async idle(): Promise<void> {
    while (this.running || this.timer) await (this.running ?? new Promise((r) => setTimeout(r, 10)));
  }

  private forget(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.known = null;
    this.again = false;
    this.resetNext = false;
  }

  private run(reset = false): void {
    if (this.running) {
      this.again = true;
      this.resetNext ||= reset;
      return;
    }
    this.resetNext = false;
    this.running = (async () => {
      try {
        this.lists += 1;
        const items = await this.options.list();
        if (!this.watched) return;
        const { patch, map } = diffList(reset ? null : this.known, items, this.options.key);
        this.known = map;
        if (!isEmptyPatch(patch)) this.options.emit(patch);
      } catch (error) {
        this.options.log(`re-listing after an event: ${(error as Error).message}`);
      }
    })().finally(() => {
      this.running = null;
      if (this.again && this.watched) {
        this.again = false;
        this.run(this.resetNext);
      }
    });
  }
}
