// Bounded concurrency with two lanes: urgent work (an event's inspect) goes before background
// work (the first sweep of inspects), so a person's action shows at once even during a sweep.

type Task = () => Promise<void>;

export class Limiter {
  private running = 0;
  private readonly urgent: Task[] = [];
  private readonly background: Task[] = [];

  constructor(private readonly concurrency: number) {}

  run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const wrapped: Task = () => task().then(resolve, reject);
      (urgent ? this.urgent : this.background).push(wrapped);
      this.next();
    });
  }

  /** Drop queued work that has not started (its promises never settle). */
  clear(): void {
    this.urgent.length = 0;
    this.background.length = 0;
  }

  private next(): void {
    while (this.running < this.concurrency) {
      const task = this.urgent.shift() ?? this.background.shift();
      if (!task) return;
      this.running += 1;
      void task().finally(() => {
        this.running -= 1;
        this.next();
      });
    }
  }
}

/** Run `work` on every item, at most `concurrency` at once, results in the items' order. */
export async function mapBounded<I, O>(items: readonly I[], concurrency: number, work: (item: I) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let index = 0;
  const worker = async (): Promise<void> => {
    while (index < items.length) {
      const mine = index++;
      results[mine] = await work(items[mine] as I);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
