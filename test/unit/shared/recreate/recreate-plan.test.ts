// The steps of a move, their rollback, and what stops a move before it starts.
import { describe, expect, it } from 'vitest';
import {
  asideName,
  chooseImage,
  currentTarget,
  keepImageName,
  planRecreate,
  rollbackActions,
  type RecreateStep,
} from '../../../../src/shared/isolation/recreate-plan';
import { toEngineInfo } from '../../../../src/shared/isolation/engine-info';
import { checkWindowsCompat } from '../../../../src/shared/isolation/windows-compat';
import type { RawInfo } from '../../../../src/shared/engine-api';
import { clone, loadInfo, loadInspect, loadJson } from './load';

const engine = toEngineInfo(loadJson<RawInfo>('recreate/engine-info.json'));
const RUNSC = { os: 'linux', runtime: 'runsc' } as const;
const kinds = (steps: RecreateStep[]): string[] => steps.map((s) => (s.kind === 'connect' ? `connect ${s.network}` : s.kind));

describe('names', () => {
  it('the aside name and the commit image are deterministic', () => {
    const web = loadInspect('web');
    expect(asideName(web)).toBe(`web-silo-old-${web.Id.slice(0, 12)}`);
    expect(keepImageName(web)).toBe(`silo-keep/web:${web.Id.slice(0, 12)}`);
    expect(keepImageName({ Id: web.Id, Name: '/My_App.1' })).toBe(`silo-keep/my_app.1:${web.Id.slice(0, 12)}`);
  });
});

describe('a running container with a restart policy', () => {
  const web = loadInspect('web');
  const plan = planRecreate(web, RUNSC, { writableLayer: 'empty', engine });

  it('has no blockers; its warnings are the gVisor limits', () => {
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings.every((w) => w.code === 'gvisor-limit')).toBe(true);
    expect(plan.gvisorLimits.map((l) => l.code)).toContain('runtime-network-none');
  });

  it('stops, keeps the old one from restarting, sets it aside, creates, connects, starts, checks, removes', () => {
    expect(kinds(plan.steps)).toEqual(['stop', 'disable-restart', 'rename', 'create', 'connect silo-back', 'start', 'verify-up', 'remove']);
    expect(plan.steps).toContainEqual({ kind: 'rename', container: 'old', to: plan.asideName });
    expect(plan.steps).toContainEqual({ kind: 'verify-up', container: 'new', requireHealthy: true });
    expect(plan.steps.at(-1)).toEqual({ kind: 'remove', container: 'old', volumes: false });
    expect(plan.wasRunning).toBe(true);
  });

  it('keeps the original create options under the old runtime', () => {
    expect(plan.options.body.HostConfig.Runtime).toBe('runsc');
    expect(plan.original.body.HostConfig.Runtime).toBe('runc');
    expect(plan.original.body.HostConfig.Mounts).toEqual(plan.options.body.HostConfig.Mounts);
  });

  it('rolls back each step in reverse: the original gets its name, its policy and its running state back', () => {
    const at = (kind: string) => kinds(plan.steps).indexOf(kind);
    expect(rollbackActions(plan, at('stop'))).toEqual([]);
    expect(rollbackActions(plan, at('disable-restart'))).toEqual([{ kind: 'start', container: 'old' }]);
    const policy = { kind: 'restore-restart-policy', container: 'old', policy: { Name: 'unless-stopped', MaximumRetryCount: 0 } };
    expect(rollbackActions(plan, at('create'))).toEqual([{ kind: 'rename', container: 'old', to: 'web' }, policy, { kind: 'start', container: 'old' }]);
    const full = [
      { kind: 'remove', container: 'new', force: true, volumes: false },
      { kind: 'rename', container: 'old', to: 'web' },
      policy,
      { kind: 'start', container: 'old' },
    ];
    expect(rollbackActions(plan, at('start'))).toEqual(full);
    expect(rollbackActions(plan, at('verify-up'))).toEqual(full);
  });

  it('commits after the stop when the person keeps the writable layer, and creates from the commit', () => {
    const keep = planRecreate(web, RUNSC, { writableLayer: 'commit', engine });
    expect(kinds(keep.steps).slice(0, 4)).toEqual(['stop', 'disable-restart', 'commit', 'rename']);
    expect(keep.steps[2]).toEqual({ kind: 'commit', container: 'old', image: keepImageName(web), pause: false });
    expect(keep.options.body.Image).toBe(keepImageName(web));
    expect(keep.original.body.Image).toBe('silo-test/busybox:latest');
    expect(rollbackActions(keep, 4)).toContainEqual({ kind: 'remove-image', image: keepImageName(web) });
  });
});

describe('a container that is not running', () => {
  it('is not started, and needs no restart policy change when it has none', () => {
    const worker = loadInspect('worker');
    const plan = planRecreate(worker, RUNSC, { writableLayer: 'empty', engine });
    expect(plan.wasRunning).toBe(false);
    expect(kinds(plan.steps)).toEqual(['disable-restart', 'rename', 'create', 'remove']);
    const none = clone(worker);
    none.HostConfig.RestartPolicy = { Name: 'no', MaximumRetryCount: 0 };
    expect(kinds(planRecreate(none, RUNSC, { writableLayer: 'empty', engine }).steps)).toEqual(['rename', 'create', 'remove']);
  });
});

describe('an auto-remove container (portainer#3247)', () => {
  const auto = loadInspect('auto-remove');
  const plan = planRecreate(auto, RUNSC, { writableLayer: 'empty', engine });

  it('is set aside running, the new one is created first, then the stop removes the old one', () => {
    expect(kinds(plan.steps)).toEqual(['rename', 'create', 'stop', 'start', 'verify-up']);
    expect(plan.steps[2]).toEqual({ kind: 'stop', container: 'old', untilRemoved: true });
    expect(plan.options.notes).toContain('auto-remove');
  });

  it('before the stop, rolls back like any other; after it, creates the original again', () => {
    expect(rollbackActions(plan, 2)).toEqual([
      { kind: 'remove', container: 'new', force: true, volumes: false },
      { kind: 'rename', container: 'old', to: 'auto' },
    ]);
    expect(rollbackActions(plan, 3)).toEqual([
      { kind: 'remove', container: 'new', force: true, volumes: false },
      { kind: 'recreate-original', image: null },
    ]);
    expect(plan.original.body.HostConfig.AutoRemove).toBe(true);
    expect(plan.original.body.HostConfig.Mounts?.[0]?.Source).toBe(auto.Mounts?.[0]?.Name);
  });

  it('commits while it runs (paused), and recreates the original from that commit', () => {
    const keep = planRecreate(auto, RUNSC, { writableLayer: 'commit', engine });
    expect(keep.steps[0]).toEqual({ kind: 'commit', container: 'old', image: keepImageName(auto), pause: true });
    expect(rollbackActions(keep, 4)).toEqual([
      { kind: 'remove', container: 'new', force: true, volumes: false },
      { kind: 'recreate-original', image: keepImageName(auto) },
    ]);
  });

  it('removes a created, never started one at the end', () => {
    const created = clone(auto);
    created.State = { Status: 'created', Running: false };
    expect(kinds(planRecreate(created, RUNSC, { writableLayer: 'empty', engine }).steps)).toEqual(['rename', 'create', 'remove']);
  });
});

describe('blockers', () => {
  const web = loadInspect('web');
  const blockers = (plan: ReturnType<typeof planRecreate>) => plan.blockers.map((b) => b.code);

  it('the writable layer must be looked at first', () => {
    expect(blockers(planRecreate(web, RUNSC, { engine }))).toEqual(['writable-layer-not-checked']);
  });

  it('the same isolation, an unknown runtime, a Windows mode on Linux', () => {
    expect(blockers(planRecreate(web, { os: 'linux', runtime: 'runc' }, { writableLayer: 'empty', engine }))).toEqual(['same-isolation']);
    expect(blockers(planRecreate(web, { os: 'linux', runtime: 'kata' }, { writableLayer: 'empty', engine }))).toEqual(['unknown-runtime']);
    expect(blockers(planRecreate(web, { os: 'windows', isolation: 'hyperv' }, { writableLayer: 'empty', engine }))).toEqual(['invalid-isolation']);
  });

  it('on Podman, only the default runtime: its API makes every container under it whatever is asked', () => {
    const podman = { ...engine, kind: 'podman' as const, defaultRuntime: 'runsc' };
    expect(blockers(planRecreate(web, RUNSC, { writableLayer: 'empty', engine: { ...podman, defaultRuntime: 'runc' } }))).toEqual(['runtime-not-choosable']);
    expect(blockers(planRecreate(web, RUNSC, { writableLayer: 'empty', engine: podman }))).toEqual([]);
    // The same choice on dockerd is a move like any other.
    expect(blockers(planRecreate(web, RUNSC, { writableLayer: 'empty', engine }))).toEqual([]);
  });

  it('a paused container, and duplicate mount destinations', () => {
    const paused = clone(web);
    paused.State.Paused = true;
    paused.HostConfig.Tmpfs = { '/anon': '' };
    expect(blockers(planRecreate(paused, RUNSC, { writableLayer: 'empty', engine }))).toEqual(['container-paused', 'duplicate-mount-destination']);
  });

  it('a gVisor limit that blocks', () => {
    const host = clone(loadInspect('worker'));
    host.HostConfig.NetworkMode = 'host';
    const plan = planRecreate(host, RUNSC, {
      writableLayer: 'empty',
      engine: { ...engine, runtimes: engine.runtimes.map((r) => (r.name === 'runsc' ? { ...r, args: [] } : r)) },
    });
    expect(plan.blockers).toEqual([{ code: 'gvisor-limit', params: { limit: 'host-network', severity: 'blocks' } }]);
  });

  it('moving away from gVisor warns that its changes list can miss files', () => {
    const plan = planRecreate(loadInspect('web-runsc'), { os: 'linux', runtime: 'runc' }, { writableLayer: 'empty', engine });
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings).toEqual([{ code: 'writable-layer-hidden', params: { runtime: 'runsc' } }]);
  });
});

describe('Windows', () => {
  const site = loadInspect('windows-site');
  const windowsEngine = toEngineInfo(loadInfo('windows-server-2022'));

  it('reads the current mode, and an empty one as the daemon default', () => {
    expect(currentTarget(site)).toEqual({ os: 'windows', isolation: 'process' });
    const unset = clone(site);
    unset.HostConfig.Isolation = '';
    expect(currentTarget(unset, windowsEngine)).toEqual({ os: 'windows', isolation: 'process' });
  });

  it('process → Hyper-V with a compatible image: no blockers', () => {
    const compat = checkWindowsCompat('10.0.20348.2762', loadInfo('windows-server-2022'));
    const plan = planRecreate(site, { os: 'windows', isolation: 'hyperv' }, { writableLayer: 'empty', engine: windowsEngine, windowsCompat: compat });
    expect(plan.blockers).toEqual([]);
    expect(plan.options.body.HostConfig.Isolation).toBe('hyperv');
  });

  it('Hyper-V → process with an older image: blocked, with the build numbers', () => {
    const hyperv = clone(site);
    hyperv.HostConfig.Isolation = 'hyperv';
    const compat = checkWindowsCompat('10.0.17763.1817', loadInfo('windows-server-2022'));
    const plan = planRecreate(hyperv, { os: 'windows', isolation: 'process' }, { writableLayer: 'empty', engine: windowsEngine, windowsCompat: compat });
    expect(plan.blockers).toEqual([{ code: 'windows-build-incompatible', params: { reason: 'image-build-mismatch', imageBuild: 17763, hostBuild: 20348 } }]);
  });

  it('an unreadable image version warns, and Hyper-V refuses another container’s network stack', () => {
    const shared = clone(site);
    shared.HostConfig.NetworkMode = 'container:abc';
    const plan = planRecreate(
      shared,
      { os: 'windows', isolation: 'hyperv' },
      { writableLayer: 'empty', windowsCompat: checkWindowsCompat(undefined, loadInfo('windows-server-2022')) },
    );
    expect(plan.blockers.map((b) => b.code)).toEqual(['hyperv-shared-network']);
    expect(plan.warnings.map((w) => w.code)).toEqual(['windows-build-unknown']);
  });
});

describe('which image to create from', () => {
  const web = loadInspect('web');
  it('the reference while it names the same image, the id once it moved or went', () => {
    expect(chooseImage(web, web.Image)).toEqual({ image: 'silo-test/busybox:latest', reason: 'same-image' });
    expect(chooseImage(web, 'sha256:other')).toEqual({ image: web.Image, reason: 'reference-moved' });
    expect(chooseImage(web, null)).toEqual({ image: web.Image, reason: 'reference-missing' });
  });

  it('the plan creates from what it is given', () => {
    expect(planRecreate(web, RUNSC, { writableLayer: 'empty', image: web.Image }).options.body.Image).toBe(web.Image);
  });
});
