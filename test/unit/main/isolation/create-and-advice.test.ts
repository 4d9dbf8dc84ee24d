// The create form as the engine's create body; the advice read from recorded answers; the cost
// figure computed as the docker CLI computes it.
import { describe, expect, it } from 'vitest';
import { buildCreateBody } from '../../../../src/main/isolation/create-body';
import { buildAdvice } from '../../../../src/main/isolation/advice';
import { memoryInUse } from '../../../../src/main/isolation/cost';
import { planFor, targetFor, type Gathered } from '../../../../src/main/isolation/planning';
import { toEngineInfo } from '../../../../src/shared/isolation/engine-info';
import type { RawInfo } from '../../../../src/shared/engine-api';
import { loadInfo, loadInspect, loadJson } from '../../shared/recreate/load';

describe('the create body', () => {
  it('puts each field where the docker CLI puts it', () => {
    const body = buildCreateBody(
      {
        image: 'silo-test/busybox:latest',
        command: ['sleep', '60'],
        entrypoint: ['/bin/sh', '-c'],
        env: ['A=1'],
        labels: ['tier=web', 'flag'],
        ports: ['127.0.0.1:8080:80', '9000-9001:90-91/udp', '7000-7005:70', '53'],
        volumes: ['data:/data:ro', '/srv:/srv', '/anon'],
        network: 'front',
        restart: { policy: 'on-failure', maxRetries: 2 },
        memory: '64m',
        cpus: '0.5',
        isolation: 'runsc',
      },
      'linux',
    );
    expect(body).toEqual({
      Image: 'silo-test/busybox:latest',
      Cmd: ['sleep', '60'],
      Entrypoint: ['/bin/sh', '-c'],
      Env: ['A=1'],
      Labels: { tier: 'web', flag: '' },
      ExposedPorts: { '80/tcp': {}, '90/udp': {}, '91/udp': {}, '70/tcp': {}, '53/tcp': {} },
      Volumes: { '/anon': {} },
      HostConfig: {
        PortBindings: {
          '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }],
          '90/udp': [{ HostIp: '', HostPort: '9000' }],
          '91/udp': [{ HostIp: '', HostPort: '9001' }],
          '70/tcp': [{ HostIp: '', HostPort: '7000-7005' }],
          '53/tcp': [{ HostIp: '', HostPort: '' }],
        },
        Binds: ['data:/data:ro', '/srv:/srv'],
        NetworkMode: 'front',
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
        Memory: 64 * 1024 ** 2,
        NanoCpus: 5e8,
        Runtime: 'runsc',
      },
    });
  });

  it('sets the Windows isolation on a Windows engine, and nothing for the default', () => {
    expect(buildCreateBody({ image: 'x', isolation: 'HyperV' }, 'windows').HostConfig).toEqual({ Isolation: 'hyperv' });
    expect(buildCreateBody({ image: 'x', isolation: 'default' }, 'linux').HostConfig).toEqual({});
  });
});

describe('the advice', () => {
  const rawInfo = loadJson<RawInfo>('recreate/engine-info.json');
  const gathered = (fixture: string, changes: Array<{ Path: string; Kind: number }> = []): Gathered => {
    const inspect = loadInspect(fixture);
    return { inspect, rawInfo, engine: toEngineInfo(rawInfo), imageByReference: { Id: inspect.Image }, imageRunning: { Id: inspect.Image }, changes };
  };

  it('places both ends on the ladder, lists only real targets, what is kept, and the steps', () => {
    const g = gathered('web');
    const to = targetFor(g.engine, 'runsc');
    const advice = buildAdvice(g, to, planFor(g, to, undefined, true), undefined);
    expect(advice.before).toEqual({ mode: 'runc', rung: 'shared-kernel' });
    expect(advice.after).toEqual({ mode: 'runsc', rung: 'user-space-kernel' });
    // runc's other names (io.containerd.runc.v2, …) are runc: no move to them is offered.
    expect(advice.targets.map((t) => t.name)).toEqual(['runsc']);
    expect(advice.blockers).toEqual([]);
    expect(advice.gvisorLimits.map((l) => l.code)).toContain('runtime-network-none');
    // Its network will not work as before: the person must acknowledge that.
    expect(advice.mustAcknowledge).toContain('runtime-network-none');
    expect(advice.alreadyThere).toBe(false);
    expect(advice.writableLayer).toMatchObject({ changed: false, choiceRequired: false });
    expect(advice.keeps).toMatchObject({
      image: 'silo-test/busybox:latest',
      imageReason: 'same-image',
      networks: ['silo-back', 'silo-front'],
      restartPolicy: 'unless-stopped',
      running: true,
    });
    expect(advice.keeps.volumes.map((v) => [v.destination, v.anonymous])).toEqual([
      ['/data', false],
      ['/anon', true],
    ]);
    expect(advice.keeps.ports.sort()).toEqual(['127.0.0.1:18443->443/tcp', '18080->80/tcp']);
    expect(advice.steps.map((s) => s.kind)).toEqual(['stop', 'disable-restart', 'rename', 'create', 'connect', 'start', 'verify-up', 'remove']);
  });

  it('asks the person about a changed writable layer, showing the changes and the commit it would make', () => {
    const g = gathered('notes', [
      { Path: '/srv', Kind: 1 },
      { Path: '/srv/notes', Kind: 1 },
      { Path: '/etc/passwd', Kind: 2 },
    ]);
    const to = targetFor(g.engine, 'runsc');
    const advice = buildAdvice(g, to, planFor(g, to, undefined, true), undefined);
    expect(advice.writableLayer).toMatchObject({ changed: true, count: 3, choiceRequired: true, choice: null });
    expect(advice.writableLayer.sample).toEqual([
      { path: '/srv', kind: 'added' },
      { path: '/srv/notes', kind: 'added' },
      { path: '/etc/passwd', kind: 'deleted' },
    ]);
    expect(advice.blockers).toEqual([]);
    expect(advice.steps.map((s) => s.kind)).toContain('commit');
    const discard = buildAdvice(g, to, planFor(g, to, 'discard', true), 'discard');
    expect(discard.writableLayer).toMatchObject({ choiceRequired: false, choice: 'discard' });
    expect(discard.steps.map((s) => s.kind)).not.toContain('commit');
  });

  it('moving back from gVisor warns that the changes list may miss files', () => {
    const g = gathered('web-runsc');
    const to = targetFor(g.engine, 'runc');
    expect(buildAdvice(g, to, planFor(g, to, undefined, true), undefined).writableLayer.mayBeIncomplete).toBe(true);
  });
});

describe('the advice on a Windows engine', () => {
  const rawInfo = loadInfo('windows-server-2022');
  const windows = (osVersion: string): Gathered => {
    const inspect = loadInspect('windows-site');
    const image = { Id: inspect.Image, Os: 'windows', OsVersion: osVersion };
    return { inspect, rawInfo, engine: toEngineInfo(rawInfo), imageByReference: image, imageRunning: image, changes: [] };
  };

  it('offers Hyper-V for a process-isolated container, on the virtual-machine rung, with the build verdicts', () => {
    const g = windows('10.0.20348.2762');
    const to = targetFor(g.engine, 'hyperv');
    const advice = buildAdvice(g, to, planFor(g, to, undefined, true), undefined);
    expect(advice.before).toEqual({ mode: 'process', rung: 'shared-kernel' });
    expect(advice.after).toEqual({ mode: 'hyperv', rung: 'virtual-machine' });
    expect(advice.targets.map((t) => t.name)).toEqual(['hyperv']);
    expect(advice.blockers).toEqual([]);
    expect(advice.windows?.hyperv.ok).toBe(true);
    expect(advice.gvisorLimits).toEqual([]);
  });

  it('says why an image of another build cannot run under process isolation here', () => {
    const g = windows('10.0.17763.1817');
    const to = targetFor(g.engine, 'process');
    const advice = buildAdvice(g, to, planFor(g, to, undefined, true), undefined);
    expect(advice.windows?.process).toMatchObject({
      ok: false,
      reason: 'image-build-mismatch',
      params: { imageBuild: 17763, hostBuild: 20348, alternative: 'hyperv' },
    });
    // It already runs under process isolation: a move of several leaves it as it is, so nothing
    // about it blocks the others; the verdict on its image is still told.
    expect(advice.alreadyThere).toBe(true);
    expect(advice.blockers).toEqual([]);
    const moving = planFor(g, targetFor(g.engine, 'hyperv'), undefined, true);
    expect(moving.plan.blockers.map((b) => b.code)).not.toContain('same-isolation');
  });

  it('takes only process or hyperv as a Windows target', () => {
    expect(() => targetFor({ osType: 'windows' }, 'runsc')).toThrow(/invalid-isolation/);
  });
});

describe('the memory figure', () => {
  it('is usage without inactive page cache, as the docker CLI shows it (cgroup v1 and v2)', () => {
    expect(memoryInUse({ memory_stats: { usage: 13049856, stats: { total_inactive_file: 49152 } } })).toBe(13000704);
    expect(memoryInUse({ memory_stats: { usage: 1000, stats: { inactive_file: 200 } } })).toBe(800);
    expect(memoryInUse({ memory_stats: { usage: 1000 } })).toBe(1000);
    expect(memoryInUse({ memory_stats: {} })).toBeNull();
  });
});
