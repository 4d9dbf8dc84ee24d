// A page on the dashboard, as a host serves it: the engine manager and the Dashboard over an
// engine, the page's stream registry and handlers, every call through the real validating
// dispatch, and the events the page would receive, recorded in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallArgs, CallName, CallResult, EventName, EventPayloads, Handlers } from '../../../src/shared/contract';
import { isSiloError, type SiloError } from '../../../src/shared/errors';
import type { StreamData, StreamEnd } from '../../../src/shared/model/stream';
import { Dashboard } from '../../../src/main/dashboard/dashboard';
import { EngineManager } from '../../../src/main/engine/manager';
import { createDispatch } from '../../../src/main/host/dispatch';
import { openDashboardPage } from '../../../src/main/dashboard/handlers';
import type { Send } from '../../../src/main/util/send';
import { StreamRegistry } from '../../../src/main/dashboard/stream-registry';
import { streamDataSize } from '../../../src/shared/dashboard/stream-size';

export interface PageEvent {
  event: EventName;
  payload: unknown;
}

export class CallFailed extends Error {
  constructor(readonly error: SiloError) {
    super(`${error.code}${error.detail ? `: ${error.detail}` : ''}`);
  }
}

/** One page: calls, the events it got, and helpers to wait on its streams. */
export class Page {
  readonly events: PageEvent[] = [];
  readonly streams: StreamRegistry;
  private readonly dispatch: ReturnType<typeof createDispatch>;
  private readonly page: ReturnType<typeof openDashboardPage>;
  private waiters: Array<() => void> = [];

  /** `acks`: the page acknowledges each piece of stream data once it has it, as the renderer does. */
  constructor(dashboard: Dashboard, acks = true) {
    const send: Send = (event, payload) => {
      this.events.push({ event, payload });
      for (const wake of this.waiters.splice(0)) wake();
      if (acks && event === 'stream.data') {
        const data = payload as StreamData;
        setImmediate(() => this.streams.ack(data.streamId, streamDataSize(data)));
      }
    };
    this.streams = new StreamRegistry(send);
    this.page = openDashboardPage(dashboard, send, this.streams);
    // Only the dashboard's calls are served here; the rest of Handlers is never called.
    this.dispatch = createDispatch(this.page.handlers as unknown as Handlers, (error) => {
      throw error;
    });
  }

  async call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
    const reply = await this.dispatch(name, args);
    if (!reply.ok) throw new CallFailed(reply.error);
    return reply.result as CallResult<N>;
  }

  /** The error code a call fails with (fails the test if it succeeds). */
  async failure<N extends CallName>(name: N, args: CallArgs<N>): Promise<SiloError> {
    const reply = await this.dispatch(name, args);
    if (reply.ok) throw new Error(`${name} succeeded; a failure was expected`);
    if (!isSiloError(reply.error)) throw new Error('not a SiloError');
    return reply.error;
  }

  data(streamId: string): StreamData[] {
    return this.events.filter((e) => e.event === 'stream.data' && (e.payload as StreamData).streamId === streamId).map((e) => e.payload as StreamData);
  }

  end(streamId: string): StreamEnd | undefined {
    return this.events.find((e) => e.event === 'stream.end' && (e.payload as StreamEnd).streamId === streamId)?.payload as StreamEnd | undefined;
  }

  of<E extends EventName>(event: E): Array<EventPayloads[E]> {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as EventPayloads[E]);
  }

  /** Wait until `probe` holds, re-checked on every event (and every 50 ms). */
  async until<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The page goes (a WebSocket closed, a window gone). */
  close(): void {
    this.page.close();
    this.streams.closeAll();
  }
}

export interface Harness {
  manager: EngineManager;
  dashboard: Dashboard;
  logs: string[];
  page(): Page;
  close(): Promise<void>;
}

/** Silo's engine side on `dockerHost`, with an empty home so no docker config of the machine is read (`env`: DOCKER_CONFIG, …). */
export async function startHarness(dockerHost: string, env: Record<string, string> = {}): Promise<Harness> {
  const home = mkdtempSync(join(tmpdir(), 'silo-d-'));
  const logs: string[] = [];
  const manager = new EngineManager({ env: { ...env, DOCKER_HOST: dockerHost }, homeDir: home, platform: 'linux', log: (line) => logs.push(line) });
  const dashboard = new Dashboard(manager, (line) => logs.push(line));
  await manager.start();
  await manager.settled();
  const pages: Page[] = [];
  return {
    manager,
    dashboard,
    logs,
    page() {
      const page = new Page(dashboard);
      pages.push(page);
      return page;
    },
    async close() {
      for (const page of pages) page.close();
      dashboard.close();
      await manager.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
