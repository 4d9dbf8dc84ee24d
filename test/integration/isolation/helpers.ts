// Silo's isolation service on a private engine: an engine manager, the service with its journal in
// a folder of its own, the progress and recovery events it sent, and the hooks a test may set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultHooks } from '../../../src/main/isolation/hooks';
import { IsolationService } from '../../../src/main/isolation/service';
import { isolationEngine } from '../../../src/main/isolation/engine';
import type { RawContainerInspect } from '../../../src/shared/engine-api';
import type { MoveProgress, RecoveryReport } from '../../../src/shared/model/move';
import type { TestEngine } from '../../support/test-engine';
import { managerFor, waitFor, type Recorded } from '../engine/helpers';

export interface Silo {
  recorded: Recorded;
  service: IsolationService;
  configDir: string;
  hooks: FaultHooks;
  progress: MoveProgress[];
  recovered: RecoveryReport[];
  logs: string[];
  close(removeConfig?: boolean): Promise<void>;
}

/** `engine`: the private dockerd, or any engine by its address (the Podman service). */
export async function startSilo(engine: Pick<TestEngine, 'dockerHost'>, configDir = mkdtempSync(join(tmpdir(), 'silo-c-')), settleMs = 700): Promise<Silo> {
  const recorded = managerFor(engine.dockerHost);
  const hooks: FaultHooks = {};
  const progress: MoveProgress[] = [];
  const recovered: RecoveryReport[] = [];
  const logs: string[] = [];
  // The hooks object is read at every step, so a test can set its faults after the start.
  const service = new IsolationService({
    engine: isolationEngine(recorded.manager),
    configDir,
    hooks,
    verify: { settleMs },
    costSettleMs: 500,
    log: (line) => logs.push(line),
  });
  service.on('progress', (p) => progress.push(p));
  service.on('recovered', (r) => recovered.push(r));
  await recorded.manager.start();
  await waitFor('connected', () => recorded.manager.snapshot().connection.phase === 'connected', 20_000);
  return {
    recorded,
    service,
    configDir,
    hooks,
    progress,
    recovered,
    logs,
    async close(removeConfig = true) {
      service.close();
      await recorded.close();
      if (removeConfig) rmSync(configDir, { recursive: true, force: true });
    },
  };
}

export async function inspect(engine: TestEngine, idOrName: string): Promise<RawContainerInspect> {
  return JSON.parse(await engine.docker(['inspect', '--type', 'container', idOrName]))[0] as RawContainerInspect;
}

/** The containers whose name is `name` or starts with `name-silo-old-`. */
export async function holders(engine: TestEngine, name: string): Promise<string[]> {
  const out = await engine.docker(['ps', '-a', '--format', '{{.Names}}']);
  return out
    .split('\n')
    .filter((n) => n === name || n.startsWith(`${name}-silo-old-`))
    .sort();
}

export async function removeByPrefix(engine: TestEngine, prefix: string): Promise<void> {
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]).catch(() => '');
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]).catch(() => undefined);
}

/**
 * A running container on runc with a restart policy, a named and an anonymous volume each holding
 * `/…/proof` = "kept", and optionally a changed writable layer (`/marker`).
 */
export async function runningWithData(engine: TestEngine, name: string, options: { changeLayer?: boolean } = {}): Promise<{ name: string; id: string }> {
  await engine.docker(['volume', 'create', `${name}-data`]);
  const id = await engine.run(['--name', name, '-v', `${name}-data:/data`, '-v', '/anon', '--restart', 'unless-stopped', '--init']);
  const layer = options.changeLayer ? '; echo layer > /marker' : '';
  await engine.docker(['exec', name, 'sh', '-c', `echo kept > /data/proof; echo kept > /anon/proof${layer}`]);
  return { name, id };
}
