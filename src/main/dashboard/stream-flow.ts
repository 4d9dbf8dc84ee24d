// Flow control for one page's streams. How far the page is behind: what Silo sent on its streams
// and the page has not acknowledged yet (`stream.ack`, counted by shared/dashboard/stream-size),
// or what its transport still holds unsent (a WebSocket's buffered amount), whichever is more.
// Above the high-water mark every stream of the page is paused (the engine is read no further);
// below the low mark they resume. A page still behind past the hard cap, or that makes no progress
// for the stall time, overflows: a live log skips and counts lines, anything else ends `too-slow`.

export interface FlowLimits {
  /** Pause the page's streams above this many (bytes, as stream-size counts them). */
  high: number;
  /** Resume them below this. */
  low: number;
  /** Overflow above this, paused or not. */
  hard: number;
  /** Overflow when paused this long without the page catching up at all. */
  stallMs: number;
  /** How often a paused page is looked at again (its buffered amount has no event). */
  pollMs: number;
}

export const FLOW_LIMITS: FlowLimits = { high: 2 * 1024 * 1024, low: 512 * 1024, hard: 8 * 1024 * 1024, stallMs: 30_000, pollMs: 100 };

/** One stream, as the flow sees it. */
export interface FlowMember {
  /** Sent and not acknowledged yet. */
  unacked: number;
  /** Overflowed since the page last caught up. */
  overflowed: boolean;
  pause(): void;
  resume(): void;
  overflow(): void;
}

export class PageFlow {
  private total = 0;
  private paused = false;
  private lastPressure = 0;
  private progressAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly members: () => Iterable<FlowMember>,
    private readonly buffered: () => number = () => 0,
    private readonly limits: FlowLimits = FLOW_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page is behind: its streams are paused (a new one starts paused). */
  get behind(): boolean {
    return this.paused;
  }

  /** How far behind the page is. */
  pressure(): number {
    return Math.max(this.total, this.buffered());
  }

  sent(member: FlowMember, size: number): void {
    member.unacked += size;
    this.total += size;
    if (!this.paused && this.pressure() > this.limits.high) this.pause();
  }

  /** The page processed `size` of this stream; false when that is more than was sent. */
  acked(member: FlowMember, size: number): boolean {
    if (size > member.unacked) return false;
    member.unacked -= size;
    this.total -= size;
    if (this.paused) this.look();
    return true;
  }

  /** The stream ended or closed: what it had outstanding no longer counts. */
  left(member: FlowMember): void {
    this.total -= member.unacked;
    member.unacked = 0;
    if (this.paused) this.look();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.paused = false;
  }

  private pause(): void {
    this.paused = true;
    this.lastPressure = this.pressure();
    this.progressAt = this.now();
    for (const member of [...this.members()]) member.pause();
    this.timer = setInterval(() => this.look(true), this.limits.pollMs);
    this.timer.unref?.();
  }

  /** While paused: resume once caught up; overflow when over the cap or stuck. */
  private look(tick = false): void {
    const pressure = this.pressure();
    if (pressure < this.limits.low) {
      this.close();
      for (const member of [...this.members()]) {
        member.overflowed = false;
        member.resume();
      }
      return;
    }
    if (pressure < this.lastPressure) this.progressAt = this.now();
    this.lastPressure = pressure;
    // Overflow only from the timer: never inside a stream's own data or ack handling.
    if (!tick) return;
    if (pressure <= this.limits.hard && this.now() - this.progressAt <= this.limits.stallMs) return;
    for (const member of [...this.members()]) {
      if (member.overflowed || member.unacked === 0) continue;
      member.overflowed = true;
      member.overflow();
    }
  }
}
