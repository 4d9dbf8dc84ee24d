// Shared by the reliability tests: a unix-socket proxy in front of an engine that records every
// request line it forwards (so a test can prove what reached the engine, and what did not), and a
// WebSocket client of the browser host that matches replies to requests by id.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { RunningHost } from '../../support/browser-host';

const REQUEST_LINE = /(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\/\S*) HTTP\/1\.[01]\r\n/g;

export class RecordingProxy {
  readonly path: string;
  /** Every request line sent to the engine, in order (`POST /v1.41/containers/…/stop`). */
  readonly requests: string[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly dir = mkdtempSync(join(tmpdir(), 'silo-r-'));

  constructor(private readonly target: string) {
    this.path = join(this.dir, 'engine.sock');
  }

  get dockerHost(): string {
    return `unix://${this.path}`;
  }

  up(): Promise<void> {
    const server = createServer((down) => {
      const up = connect(this.target);
      this.sockets.add(down).add(up);
      let pending = '';
      down.on('data', (chunk: Buffer) => {
        // Request lines can straddle chunks: keep a short tail.
        pending = (pending + chunk.toString('latin1')).slice(-65_536);
        let match: RegExpExecArray | null;
        let consumed = 0;
        REQUEST_LINE.lastIndex = 0;
        while ((match = REQUEST_LINE.exec(pending))) {
          this.requests.push(`${match[1]} ${match[2]}`);
          consumed = REQUEST_LINE.lastIndex;
        }
        pending = pending.slice(consumed);
      });
      const end = (): void => {
        down.destroy();
        up.destroy();
        this.sockets.delete(down);
        this.sockets.delete(up);
      };
      down.on('error', end).on('close', end);
      up.on('error', end).on('close', end);
      down.pipe(up);
      up.pipe(down);
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.path, resolve));
  }

  /** Drop every connection; new ones are still accepted. */
  cut(): void {
    for (const socket of [...this.sockets]) socket.destroy();
    this.sockets.clear();
  }

  /** Drop every connection and stop listening (the socket file goes): the engine is out of reach. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.cut();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  async destroy(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface WireReply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { code: string; field?: string; detail?: string };
}

/** A page's WebSocket to the browser host, as the renderer would open it. */
export class HostSocket {
  readonly events: Array<{ event: string; payload: unknown }> = [];
  private readonly replies = new Map<number, WireReply>();
  private readonly waiters = new Map<number, (reply: WireReply) => void>();
  private readonly anonymous: WireReply[] = [];
  private nextId = 1;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as WireReply & { event?: string; payload?: unknown };
      if (typeof message.event === 'string') {
        this.events.push({ event: message.event, payload: message.payload });
        return;
      }
      if (message.id === -1) this.anonymous.push(message);
      const waiter = this.waiters.get(message.id);
      if (waiter) {
        this.waiters.delete(message.id);
        waiter(message);
      } else this.replies.set(message.id, message);
    });
  }

  /**
   * Opens `/ws` as the renderer does: Silo's own Origin and `Sec-WebSocket-Protocol: silo, <secret>`
   * (the host's page secret unless `protocols` is given; `[]` offers none).
   */
  static async open(host: RunningHost, headers: Record<string, string> = { Origin: host.origin }, query = '', protocols?: string[]): Promise<HostSocket> {
    const offered = protocols ?? ['silo', await host.secret()];
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, offered, { headers });
      ws.once('open', () => resolve(new HostSocket(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a call; resolves with its reply. */
  call(call: unknown, args: unknown, id = this.nextId++): Promise<WireReply> {
    const reply = this.reply(id);
    this.ws.send(JSON.stringify({ id, call, args }));
    return reply;
  }

  /** Sends a raw frame (text or binary); resolves with the next reply that carries no id. */
  async raw(frame: string | Buffer): Promise<WireReply> {
    const before = this.anonymous.length;
    this.ws.send(frame);
    const deadline = Date.now() + 10_000;
    while (this.anonymous.length === before) {
      if (Date.now() > deadline || !this.open) throw new Error('no reply to a raw frame');
      await new Promise((r) => setTimeout(r, 2));
    }
    return this.anonymous[before]!;
  }

  reply(id: number, timeoutMs = 10_000): Promise<WireReply> {
    const ready = this.replies.get(id);
    if (ready) {
      this.replies.delete(id);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to request ${id}`)), timeoutMs);
      this.waiters.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
