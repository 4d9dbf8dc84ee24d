// Shared pieces of the engine integration tests: a manager on a given engine, waiting for a
// condition (generous deadlines only), and a unix-socket proxy that can cut connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineManager } from '../../../src/main/engine/manager';
import type { ContainerSummary, ContainersPatch } from '../../../src/shared/model/container';
import type { EngineSnapshot } from '../../../src/shared/model/engine';

export interface Recorded {
  manager: EngineManager;
  snapshots: EngineSnapshot[];
  patches: ContainersPatch[];
  logs: string[];
  close(): Promise<void>;
}

/** A manager on `dockerHost`, with an empty home so the machine's own docker config is not read. */
export function managerFor(dockerHost: string): Recorded {
  const home = mkdtempSync(join(tmpdir(), 'silo-h-'));
  const logs: string[] = [];
  const manager = new EngineManager({ env: { DOCKER_HOST: dockerHost }, homeDir: home, platform: 'linux', log: (line) => logs.push(line) });
  const snapshots: EngineSnapshot[] = [];
  const patches: ContainersPatch[] = [];
  manager.on('engine', (s) => snapshots.push(s));
  manager.on('containers', (p) => patches.push(p));
  return {
    manager,
    snapshots,
    patches,
    logs,
    async close() {
      await manager.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function byName(manager: EngineManager, name: string): ContainerSummary | undefined {
  return manager.containers().find((c) => c.name === name);
}

/** Folds patches the way a renderer would, to prove the patches alone carry the truth. */
export function applyPatches(patches: ContainersPatch[]): Map<string, ContainerSummary> {
  const list = new Map<string, ContainerSummary>();
  for (const patch of patches) {
    if (patch.reset) list.clear();
    for (const c of patch.upsert) list.set(c.id, c);
    for (const id of patch.remove) list.delete(id);
  }
  return list;
}

/** A unix-socket proxy in front of an engine: `cut()` drops every connection, `down()` also stops listening. */
export class SocketProxy {
  readonly path: string;
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private readonly dir = mkdtempSync(join(tmpdir(), 'silo-p-'));

  constructor(private readonly target: string) {
    this.path = join(this.dir, 'proxy.sock');
  }

  get dockerHost(): string {
    return `unix://${this.path}`;
  }

  get connections(): number {
    return this.pairs.size;
  }

  up(): Promise<void> {
    const server = createServer((down) => {
      const up = connect(this.target);
      const pair: [Socket, Socket] = [down, up];
      this.pairs.add(pair);
      const end = (): void => {
        this.pairs.delete(pair);
        down.destroy();
        up.destroy();
      };
      down.on('error', end).on('close', end);
      up.on('error', end).on('close', end);
      down.pipe(up);
      up.pipe(down);
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.path, resolve));
  }

  cut(): void {
    for (const [down, up] of [...this.pairs]) {
      down.destroy();
      up.destroy();
    }
    this.pairs.clear();
  }

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
