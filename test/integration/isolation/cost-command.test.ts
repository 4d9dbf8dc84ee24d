// "Measure the cost" always runs something: the container's own command, else the image's, else a
// fixed short one the image has (its shell), else it says plainly that it cannot. Never "No command
// specified", never a median of zero runs; the figures come back named by the engine measured on.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SiloFailure } from '../../../src/shared/errors';
import { PROBE_LABEL } from '../../../src/main/isolation/cost';
import { TestEngine } from '../../support/test-engine';
import { removeByPrefix, startSilo, type Silo } from './helpers';

const exec = promisify(execFile);
const engine = new TestEngine(inject('engineDir'));
const prefix = `isocost-${process.pid}-`;
const NO_COMMAND = `silo-test/no-command-${process.pid}:latest`;
const NOTHING = `silo-test/nothing-to-run-${process.pid}:latest`;
let silo: Silo;

/** `docker import` of a directory without CMD: an image that has no command. */
async function importWithoutCommand(dir: string, image: string): Promise<void> {
  const { stdout } = await exec('tar', ['-C', dir, '-c', '.'], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  await engine.docker(['import', '-', image], stdout);
}

beforeAll(async () => {
  silo = await startSilo(engine);
  // The busybox root the setup built (it has sh and true), and an image with one file that is not a program.
  await importWithoutCommand(join(engine.dir, 'rootfs'), NO_COMMAND);
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const empty = mkdtempSync(join(engine.dir, 'nothing-'));
  writeFileSync(join(empty, 'README'), 'no programs here\n');
  await importWithoutCommand(empty, NOTHING);
});

afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
  await engine.docker(['rmi', '-f', NO_COMMAND, NOTHING]).catch(() => undefined);
});

describe('the cost probe', () => {
  it('of an image without a command runs its shell: figures for both engines, no zero-run median', async () => {
    expect(await engine.docker(['image', 'inspect', '-f', '{{json .Config.Cmd}}', NO_COMMAND])).toBe('null');
    const report = await silo.service.measureCost({ runtime: 'runsc', image: NO_COMMAND, runs: 2 });
    expect(report.command).toBe('sh');
    for (const sample of [report.target, report.reference]) {
      expect(sample).toMatchObject({ error: null, runs: 2, totalMs: expect.any(Number), memoryBytes: expect.any(Number) });
    }
    expect(report.endpoint).toBe(engine.dockerHost);
    expect(await engine.docker(['ps', '-aq', '--filter', `label=${PROBE_LABEL}`])).toBe('');
  });

  it('of a container runs its image with its own command', async () => {
    const id = await engine.docker(['create', '--name', `${prefix}app`, '--network', 'none', NO_COMMAND, 'sleep', '3600']);
    const report = await silo.service.measureCost({ runtime: 'runsc', id, runs: 1 });
    expect(report.command).toBe('container');
    expect(report.target).toMatchObject({ error: null, runs: 1, memoryBytes: expect.any(Number) });
    expect(report.reference).toMatchObject({ error: null, runs: 1 });
  });

  it('of an image with nothing to run says so plainly, and leaves no test container', async () => {
    const refusal = await silo.service.measureCost({ runtime: 'runsc', image: NOTHING, runs: 1 }).catch((e: unknown) => e);
    expect((refusal as SiloFailure).error).toMatchObject({ code: 'cost-no-command', params: { image: NOTHING } });
    expect(await engine.docker(['ps', '-aq', '--filter', `label=${PROBE_LABEL}`])).toBe('');
  });
});
