// What one run of the benchmarks shares: the private engine, the 1,000 containers (made once,
// on first need), one Chromium, one browser host on the engine, and the cleanup. Everything is
// made lazily so a benchmark run alone pays only for what it uses.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { createMany, engineApi, removeMany, SCALE_LABEL } from '../../test/support/scale';
import { TestEngine } from '../../test/support/test-engine';
import { startHost, type BenchHost } from './host';
import { nowMs } from './measure';
import { waitQuiet } from './proc';

export const SCALE_PREFIX = 'bench';
export const SCALE_COUNT = 1000;
export const SCALE_RUNNING = 20;

export interface BenchOptions {
  /** Seconds of idle watched (idle-cost). */
  idleSeconds: number;
  /** Seconds of live stats (stats). */
  statsSeconds: number;
  /** Start-and-stop cycles (event-to-screen): two state changes each. */
  cycles: number;
  /** Repetitions of the timed runs (list, start-up, references). */
  reps: number;
  /** Record a CPU profile of every browser host (node --cpu-prof) into this folder. */
  profileDir: string | null;
  /** An engine folder to reuse (kept between runs with --keep). */
  engineDir: string | null;
  keep: boolean;
}

export interface ScaleSet {
  names: string[];
  idByName: Map<string, string>;
}

export class BenchContext {
  readonly engine: TestEngine;
  private scaleSet: Promise<ScaleSet> | null = null;
  private browserPromise: Promise<Browser> | null = null;
  private sharedHost: Promise<BenchHost> | null = null;
  private readonly cleanups: Array<() => Promise<void>> = [];
  private readonly hosts: BenchHost[] = [];

  constructor(readonly options: BenchOptions) {
    this.engine = new TestEngine(options.engineDir ?? undefined);
  }

  log(line: string): void {
    process.stdout.write(`  ${line}\n`);
  }

  async start(): Promise<void> {
    if (this.options.engineDir && existsSync(this.engine.socketPath) && (await this.engine.pings())) {
      this.log(`reusing the engine at ${this.engine.dir}`);
      return;
    }
    const started = nowMs();
    await this.engine.start();
    this.log(`private engine at ${this.engine.dir} ready in ${Math.round(nowMs() - started)} ms`);
  }

  /** The 1,000 containers, 20 of them running: made on first need, put back in shape when reused. */
  scale(): Promise<ScaleSet> {
    this.scaleSet ??= this.makeScale();
    return this.scaleSet;
  }

  private async makeScale(): Promise<ScaleSet> {
    const started = nowMs();
    let existing = await this.listScale();
    if (existing.length !== SCALE_COUNT) {
      if (existing.length > 0) await removeMany(this.engine, SCALE_PREFIX);
      await createMany(this.engine, { count: SCALE_COUNT, running: SCALE_RUNNING, prefix: SCALE_PREFIX });
      existing = await this.listScale();
      this.log(`created ${SCALE_COUNT} containers (${SCALE_RUNNING} running) in ${((nowMs() - started) / 1000).toFixed(1)} s`);
    } else {
      // Reused: the first 20 run, the rest do not.
      const fix = existing.filter((c) => c.running !== c.name <= scaleName(SCALE_RUNNING));
      for (const c of fix) await engineApi(this.engine, 'POST', `/v1.41/containers/${c.id}/${c.running ? 'kill' : 'start'}`);
      this.log(`reused ${SCALE_COUNT} containers (${fix.length} put back in shape)`);
    }
    const idByName = new Map(existing.map((c) => [c.name, c.id]));
    return { names: [...idByName.keys()].sort(), idByName };
  }

  private async listScale(): Promise<Array<{ id: string; name: string; running: boolean }>> {
    const filter = encodeURIComponent(JSON.stringify({ label: [`${SCALE_LABEL}=${SCALE_PREFIX}`] }));
    const listed = await engineApi(this.engine, 'GET', `/v1.41/containers/json?all=1&filters=${filter}`);
    const items = JSON.parse(listed.body) as Array<{ Id: string; Names: string[]; State: string }>;
    return items.map((c) => ({ id: c.Id, name: (c.Names[0] ?? '').replace(/^\//, ''), running: c.State === 'running' }));
  }

  /** How many containers the engine has in all (the count the page must show). */
  async containerCount(): Promise<number> {
    const listed = await engineApi(this.engine, 'GET', '/v1.41/containers/json?all=1');
    return (JSON.parse(listed.body) as unknown[]).length;
  }

  browser(): Promise<Browser> {
    this.browserPromise ??= launchChromium().then((browser) => {
      this.cleanups.push(() => browser.close());
      return browser;
    });
    return this.browserPromise;
  }

  /** A browser host started now on `env` (the engine by default), stopped at the end of the run. */
  async launchHost(env: NodeJS.ProcessEnv = this.engine.env()): Promise<BenchHost> {
    const host = await startHost({ env, nodeArgs: this.profileArgs() });
    this.hosts.push(host);
    this.cleanups.push(() => host.stop());
    return host;
  }

  /** One browser host shared by the benchmarks that only need one, after its inspect sweep. */
  host(): Promise<BenchHost> {
    this.sharedHost ??= (async () => {
      await this.scale();
      const host = await this.launchHost();
      await waitQuiet(host.pid, { windowMs: 500, quietCpu: 0.01 });
      return host;
    })();
    return this.sharedHost;
  }

  profileArgs(): string[] {
    const dir = this.options.profileDir;
    return dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
  }

  /** Run the docker CLI on the private engine; resolves with its wall time in ms. */
  cli(args: string[]): Promise<{ ms: number; stdout: string }> {
    return new Promise((resolve, reject) => {
      const started = nowMs();
      const child = spawn('docker', args, { env: this.engine.env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => {
        const ms = nowMs() - started;
        if (code === 0) resolve({ ms, stdout });
        else reject(new Error(`docker ${args.join(' ')}: ${stderr.trim()}`));
      });
    });
  }

  /** Hosts that ended on their own, with the end of what they printed (after a failure). */
  deadHosts(): string[] {
    return this.hosts
      .filter((h) => h.process.exitCode !== null || h.process.signalCode !== null)
      .filter((h) => !h.stopping)
      .map((h) => `browser host ${h.pid} ended (${h.process.exitCode ?? h.process.signalCode}):\n${h.output().split('\n').slice(-20).join('\n')}`);
  }

  onCleanup(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.cleanups.reverse()) await fn().catch((error: unknown) => this.log(`cleanup: ${String(error)}`));
    if (this.options.keep) {
      this.log(`engine kept at ${this.engine.dir} (reuse it with --engine-dir ${this.engine.dir})`);
      return;
    }
    const started = nowMs();
    await this.engine.destroy();
    this.log(`engine destroyed in ${((nowMs() - started) / 1000).toFixed(1)} s`);
  }
}

export function scaleName(index: number): string {
  return `${SCALE_PREFIX}-${String(index).padStart(4, '0')}`;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
