// The create form against the real engine (through the contract's own dispatch), the local images
// it picks from, and the cost of a rung measured with short-lived test containers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDispatch } from '../../../src/main/host/dispatch';
import { SessionHub } from '../../../src/main/host/sessions';
import { PreferencesStore } from '../../../src/main/preferences/store';
import { PROBE_LABEL } from '../../../src/main/isolation/cost';
import type { EventName } from '../../../src/shared/contract';
import { TestEngine, TEST_IMAGE } from '../../support/test-engine';
import { inspect, removeByPrefix, startSilo, type Silo } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `isocreate-${process.pid}-`;
const network = `${prefix}net`;
let silo: Silo;
let call: ReturnType<typeof createDispatch>;
const events: EventName[] = [];

beforeAll(async () => {
  silo = await startSilo(engine);
  const hub = new SessionHub(silo.recorded.manager, new PreferencesStore(silo.configDir), silo.service);
  call = createDispatch(hub.open((event) => events.push(event)).handlers);
  await engine.docker(['network', 'create', network]);
});

afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
  await engine.docker(['network', 'rm', network]).catch(() => undefined);
  await engine.docker(['volume', 'rm', `${prefix}vol`]).catch(() => undefined);
});

describe('containers.create', () => {
  it('creates and starts a container with every field of the form, under gVisor', async () => {
    const reply = await call('containers.create', {
      image: TEST_IMAGE,
      name: `${prefix}made`,
      command: ['sleep', '3600'],
      env: ['GREETING=hello world'],
      ports: ['127.0.0.1::80'],
      volumes: [`${prefix}vol:/data`, '/scratch'],
      network,
      restart: { policy: 'on-failure', maxRetries: 2 },
      memory: '64m',
      cpus: '0.5',
      labels: ['tier=test'],
      isolation: 'runsc',
      start: true,
    });
    expect(reply).toMatchObject({ ok: true, result: { name: `${prefix}made`, started: true, startError: null } });
    const made = await inspect(engine, `${prefix}made`);
    expect(made).toMatchObject({
      State: { Running: true },
      Config: { Cmd: ['sleep', '3600'], Labels: { tier: 'test' } },
      HostConfig: {
        Runtime: 'runsc',
        NetworkMode: network,
        Memory: 64 * 1024 * 1024,
        NanoCpus: 5e8,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
        Binds: [`${prefix}vol:/data`],
      },
    });
    expect(made.Config.Env).toContain('GREETING=hello world');
    expect(made.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    expect(made.Mounts?.map((m) => m.Destination).sort()).toEqual(['/data', '/scratch']);
    expect(await engine.docker(['exec', `${prefix}made`, 'uname', '-r'])).toBe('4.4.0');
  });

  it('names the field the engine would refuse, before anything is sent', async () => {
    const bad = await call('containers.create', { image: TEST_IMAGE, name: `${prefix}bad`, ports: ['8080:99999'] });
    expect(bad).toEqual({ ok: false, error: { code: 'validation', field: 'ports.0', detail: 'port-number' } });
    const runtime = await call('containers.create', { image: TEST_IMAGE, name: `${prefix}bad`, isolation: 'kata' });
    expect(runtime).toMatchObject({ ok: false, error: { code: 'unknown-runtime', field: 'isolation' } });
    const image = await call('containers.create', { image: 'silo-test/nothing:here', name: `${prefix}bad` });
    expect(image).toMatchObject({ ok: false, error: { code: 'image-not-found', field: 'image' } });
    expect(await engine.docker(['ps', '-aq', '--filter', `name=${prefix}bad`])).toBe('');
  });

  it('never mounts the engine socket unless the person asked for it', async () => {
    const spec = { image: TEST_IMAGE, name: `${prefix}sock`, volumes: [`${engine.socketPath}:/var/run/docker.sock`] };
    expect(await call('containers.create', spec)).toMatchObject({ ok: false, error: { field: 'volumes.0' } });
    expect(await engine.docker(['ps', '-aq', '--filter', `name=${prefix}sock`])).toBe('');
    expect(await call('containers.create', { ...spec, acknowledged: ['engine-socket'] })).toMatchObject({ ok: true, result: { started: false } });
  });
});

describe('the cost of a rung, measured', () => {
  it('times a test container under gVisor and under the default, reads its memory, and removes it', async () => {
    const reply = await call('isolation.measureCost', { runtime: 'runsc', image: TEST_IMAGE });
    expect(reply.ok).toBe(true);
    const report = reply.ok ? (reply.result as import('../../../src/shared/model/cost').CostReport) : null;
    for (const sample of [report?.target, report?.reference]) {
      expect(sample).toMatchObject({ error: null, runs: 3, createMs: expect.any(Number), startMs: expect.any(Number), memoryBytes: expect.any(Number) });
    }
    expect(report?.target.mode).toBe('runsc');
    expect(report?.reference?.mode).toBe('runc');
    // gVisor's own kernel lives in the sandbox: it uses more memory than a process on the host's.
    expect(report?.target.memoryBytes ?? 0).toBeGreaterThan(report?.reference?.memoryBytes ?? 0);
    console.log(`cost on this engine: ${JSON.stringify(report)}`);
    expect(await engine.docker(['ps', '-aq', '--filter', `label=${PROBE_LABEL}`])).toBe('');
  });

  it('refuses a runtime the engine does not have', async () => {
    expect(await call('isolation.measureCost', { runtime: 'kata' })).toMatchObject({ ok: false, error: { code: 'unknown-runtime' } });
  });
});
