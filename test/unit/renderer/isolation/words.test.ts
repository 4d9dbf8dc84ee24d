// How a change of isolation is worded: runtimes, Windows builds, the advice's codes, the steps,
// progress, outcomes and measured costs. No page, no engine.
import { describe, expect, it } from 'vitest';
import serverInfo from '../../../fixtures/engine-info/windows-server-2022.json';
import { translator } from '../../../../src/renderer/i18n';
import type { RawInfo } from '../../../../src/shared/engine-api';
import type { GvisorLimit, GvisorLimitCode } from '../../../../src/shared/isolation/gvisor-limits';
import type { PlanIssueCode, RecreateStep } from '../../../../src/shared/isolation/recreate-plan';
import { checkWindowsCompat, type WindowsVersion } from '../../../../src/shared/isolation/windows-compat';
import type { CostSample } from '../../../../src/shared/model/cost';
import type { ContainerMoveReport, MoveProgress } from '../../../../src/shared/model/move';
import {
  describeCostDifference,
  describeCostSample,
  describeIssue,
  describeKeeps,
  describeLimit,
  describeMoveOutcome,
  describePlanStep,
  describeProgressStep,
  describeRecovery,
  describeRestartPolicy,
  describeWindowsVerdict,
  knownKey,
  modeLabel,
  progressOf,
  splitAdvice,
} from '../../../../src/renderer/views/isolation/words';

const t = translator('en');
const es = translator('es');
const host = (build: number): WindowsVersion => ({ major: 10, minor: 0, build, revision: null });

describe('runtime names', () => {
  it('names a runtime with its product and keeps the engine’s own name in it', () => {
    expect(modeLabel('runsc', 'user-space-kernel', false, t)).toBe('gVisor (runsc)');
    expect(modeLabel('io.containerd.kata.v2', 'virtual-machine', false, t)).toBe('Kata Containers (io.containerd.kata.v2)');
    expect(modeLabel('sysbox-runc', 'user-namespaced', false, t)).toBe('Sysbox (sysbox-runc)');
    expect(modeLabel('runc', 'shared-kernel', false, t)).toBe('runc');
    expect(modeLabel('mystery', 'unknown', false, t)).toBe('mystery');
  });

  it('words the Windows modes in the person’s language', () => {
    expect(modeLabel('hyperv', 'virtual-machine', true, t)).toBe('Hyper-V isolation (hyperv)');
    expect(modeLabel('process', 'shared-kernel', true, es)).toBe('Aislamiento de procesos (process)');
  });
});

describe('Windows builds, in a sentence', () => {
  it('says an old image on Server 2022 needs Hyper-V, from the recorded host answer', () => {
    const compat = checkWindowsCompat('10.0.17763.1817', serverInfo as RawInfo);
    expect(describeWindowsVerdict(compat.process, t)).toBe('This image is built for Windows build 17763; this host is 20348: use Hyper-V isolation.');
    expect(describeWindowsVerdict(compat.hyperv, t)).toBe('An older image (17763) on a newer host (20348) runs under Hyper-V isolation.');
  });

  it('gives the range process isolation runs on a Windows 11 host', () => {
    const compat = checkWindowsCompat('10.0.22631.1', host(22621));
    expect(compat.process.ok).toBe(false);
    expect(describeWindowsVerdict(compat.process, t)).toBe(
      'This image is built for Windows build 22631, newer than this host (22621): no isolation runs a newer image on an older host.',
    );
    expect(describeWindowsVerdict(checkWindowsCompat('10.0.20348.1', host(22621)).process, t)).toBe(
      "The image's build (20348) lies in the range this host runs under process isolation (20348 to 22621).",
    );
  });

  it('says what it cannot read instead of guessing', () => {
    expect(describeWindowsVerdict(checkWindowsCompat('not a version', host(20348)).process, t)).toMatch(/could not read this image's Windows build/);
    expect(describeWindowsVerdict(checkWindowsCompat('10.0.20348.1', null).hyperv, t)).toMatch(/could not read this host's Windows build/);
  });

  it('words a blocker from the advice with the full verdict, or from its parameters alone', () => {
    const compat = checkWindowsCompat('10.0.17763.1', host(20348));
    const issue = { code: 'windows-build-incompatible' as const, params: { reason: 'image-build-mismatch', imageBuild: 17763, hostBuild: 20348 } };
    expect(describeIssue(issue, t, compat, 'process')).toBe('This image is built for Windows build 17763; this host is 20348: use Hyper-V isolation.');
    expect(describeIssue({ ...issue, params: { reason: 'image-newer-than-host', imageBuild: 26100, hostBuild: 20348 } }, t)).toMatch(
      /^This image is built for Windows build 26100, newer than this host \(20348\)/,
    );
  });
});

describe('the advice', () => {
  it('has a sentence for every gVisor limit and every plan issue (no fallback)', () => {
    const limits: Record<GvisorLimitCode, true> = {
      'host-network': true,
      'runtime-network-none': true,
      'container-name-dns': true,
      'raw-sockets': true,
      'host-unix-socket': true,
      'devices-not-passed': true,
      'gpu-needs-nvproxy': true,
      'host-ipc': true,
      'host-pid': true,
      'mount-read-only': true,
      'seccomp-profile-not-applied': true,
      'docker-cp-cache': true,
      'live-update-fails': true,
      'tmp-in-sandbox-memory': true,
      'rootfs-overlay': true,
      'partial-network-tools': true,
    };
    for (const code of Object.keys(limits)) expect(knownKey('limit.', code), code).not.toBeNull();
    const issues: Record<Exclude<PlanIssueCode, 'gvisor-limit' | 'windows-build-incompatible' | 'windows-build-unknown'>, true> = {
      'same-isolation': true,
      'unknown-runtime': true,
      'runtime-not-choosable': true,
      'invalid-isolation': true,
      'container-paused': true,
      'writable-layer-not-checked': true,
      'duplicate-mount-destination': true,
      'hyperv-shared-network': true,
      'writable-layer-hidden': true,
    };
    for (const code of Object.keys(issues)) expect(knownKey('plan.issue.', code), code).not.toBeNull();
  });

  it('words limits and issues with their parameters', () => {
    expect(describeLimit({ code: 'host-unix-socket', params: { sources: '/run/app.sock' } }, t)).toBe(
      "Connecting to the host sockets it mounts (/run/app.sock) needs runsc's --host-uds flag.",
    );
    expect(describeIssue({ code: 'gvisor-limit', params: { limit: 'host-network', severity: 'blocks' } }, t)).toMatch(/^It uses the host's network/);
    expect(describeIssue({ code: 'same-isolation', params: { target: 'runsc' } }, t)).toBe('It already runs under runsc.');
    expect(describeIssue({ code: 'duplicate-mount-destination', params: { destinations: '/data' } }, t)).toMatch(/\(\/data\)/);
    expect(describeLimit({ code: 'not-a-code' as GvisorLimitCode, params: {} }, t)).toBe('Another gVisor limit: not-a-code.');
  });

  it('shows each gVisor limit once: blocking ones among the blockers, the others with their severity', () => {
    const limits: GvisorLimit[] = [
      { code: 'host-network', severity: 'blocks', params: {} },
      { code: 'raw-sockets', severity: 'warns', params: {} },
      { code: 'docker-cp-cache', severity: 'informs', params: {} },
    ];
    const split = splitAdvice({
      blockers: [{ code: 'gvisor-limit', params: { limit: 'host-network', severity: 'blocks' } }],
      warnings: [
        { code: 'gvisor-limit', params: { limit: 'raw-sockets', severity: 'warns' } },
        { code: 'gvisor-limit', params: { limit: 'docker-cp-cache', severity: 'informs' } },
        { code: 'writable-layer-hidden', params: { runtime: 'runsc' } },
      ],
      gvisorLimits: limits,
    });
    expect(split.blockers.map((b) => b.params['limit'])).toEqual(['host-network']);
    expect(split.warnings.map((w) => w.code)).toEqual(['writable-layer-hidden']);
    expect(split.limits.map((l) => l.code)).toEqual(['raw-sockets', 'docker-cp-cache']);
  });

  it('says what the new container keeps, volumes by name and anonymous ones re-attached', () => {
    const rows = describeKeeps(
      {
        image: 'silo-keep/notes:abc',
        imageReason: 'commit',
        binds: [],
        networks: ['appnet'],
        ports: ['8080->80/tcp'],
        restartPolicy: 'on-failure:3',
        env: 2,
        labels: 1,
        running: true,
        notes: [],
        volumes: [
          { name: 'notes-data', destination: '/data', anonymous: false, readOnly: false },
          { name: '0123456789abcdef0123', destination: '/cache', anonymous: true, readOnly: true },
        ],
      },
      t,
    );
    const value = (term: string) => rows.find((r) => r.term === term)?.value;
    expect(value('Image')).toBe('silo-keep/notes:abc (made from its writable layer)');
    expect(value('Volumes')).toBe('notes-data on /data, anonymous 0123456789ab on /cache, read-only, re-attached');
    expect(value('Bind mounts')).toBe('None');
    expect(value('Restart policy')).toBe('On failure, at most 3 retries');
    expect(value('State')).toBe('Running, and started again after the move');
    expect(describeRestartPolicy('unless-stopped', t)).toBe('Unless stopped by hand');
    expect(describeRestartPolicy('weird', t)).toBe('weird');
  });
});

describe('the plan and its progress', () => {
  const steps: RecreateStep[] = [
    { kind: 'stop', container: 'old', untilRemoved: false },
    { kind: 'disable-restart', container: 'old' },
    { kind: 'commit', container: 'old', image: 'silo-keep/web:1', pause: false },
    { kind: 'rename', container: 'old', to: 'web-silo-old-1' },
    { kind: 'create', name: 'web' },
    { kind: 'connect', network: 'appnet' },
    { kind: 'start', container: 'new' },
    { kind: 'verify-up', container: 'new', requireHealthy: true },
    { kind: 'remove', container: 'old', volumes: false },
  ];

  it('words every step with what it acts on', () => {
    expect(steps.map((s) => describePlanStep(s, t, 'gVisor (runsc)'))).toEqual([
      'Stop the container',
      'Turn off its restart policy for now, so the engine cannot start it again midway',
      'Keep its writable layer: commit it to the image silo-keep/web:1',
      'Set it aside under the name web-silo-old-1',
      'Create the new web under gVisor (runsc)',
      'Connect it to the network appnet',
      'Start the new container',
      'Check that it is up and healthy',
      'Remove the old container (its volumes stay)',
    ]);
    expect(describePlanStep({ kind: 'stop', container: 'old', untilRemoved: true }, t, '')).toMatch(/removes itself/);
  });

  const event = (over: Partial<MoveProgress>): MoveProgress => ({
    operationId: 'ui-op',
    containerId: 'a',
    containerName: 'web',
    step: 'stop',
    phase: 'step',
    status: 'running',
    index: 0,
    total: 3,
    error: null,
    ...over,
  });

  it('follows the last word on each step, ignores other containers, lists undo actions in order', () => {
    const events = [
      event({ index: 0, status: 'running' }),
      event({ index: 0, status: 'done' }),
      event({ containerId: 'b', index: 1, status: 'failed' }),
      event({ index: 1, step: 'rename', status: 'running' }),
      event({ index: 1, step: 'rename', status: 'failed', error: { code: 'name-conflict' } }),
      event({ phase: 'undo', step: 'start', index: 0, status: 'running' }),
      event({ phase: 'undo', step: 'start', index: 0, status: 'done' }),
      event({ phase: 'finish', step: 'restored', index: 0, status: 'failed' }),
    ];
    const p = progressOf(events, 'a', 3);
    expect(p.steps.map((s) => s.status)).toEqual(['done', 'failed', 'waiting']);
    expect(p.steps[1]?.error?.code).toBe('name-conflict');
    expect(p.undo.map((e) => [e.step, e.status])).toEqual([['start', 'done']]);
  });

  it('words progress by its kind, in both languages', () => {
    expect(describeProgressStep({ phase: 'step', step: 'verify-up' }, t)).toBe('checking that the new container is up');
    expect(describeProgressStep({ phase: 'undo', step: 'rename' }, t)).toBe('Give the original its name back');
    expect(describeProgressStep({ phase: 'undo', step: 'rename' }, es)).toBe('Devolver su nombre al original');
    expect(describeProgressStep({ phase: 'finish', step: 'moved' }, t)).toBe('Finished');
    expect(describeProgressStep({ phase: 'step', step: 'something-new' }, t)).toBe('something-new');
  });
});

describe('outcomes', () => {
  const base: ContainerMoveReport = {
    id: 'a',
    name: 'web',
    outcome: 'moved',
    newId: 'b',
    failedStep: null,
    error: null,
    rollback: null,
    keptImage: null,
    leftover: null,
    warnings: [],
  };
  const after = { label: 'gVisor (runsc)', rung: 'User-space kernel' };

  it('says where a moved container runs now, and where its changes were kept', () => {
    const words = describeMoveOutcome({ ...base, keptImage: 'silo-keep/web:1' }, after, t);
    expect(words.tone).toBe('ok');
    expect(words.lines).toEqual([
      'web now runs under gVisor (runsc), on the User-space kernel rung.',
      'The changes in its writable layer were kept in the image silo-keep/web:1.',
    ]);
  });

  it('says what failed and that the original is back', () => {
    const words = describeMoveOutcome(
      {
        ...base,
        outcome: 'restored',
        newId: null,
        failedStep: 'verify-up',
        error: { code: 'container-not-up', params: { state: 'failed' }, detail: 'exit 1' },
        rollback: { ok: true, failedAction: null, error: null },
      },
      after,
      t,
    );
    expect(words.tone).toBe('bad');
    expect(words.lines).toEqual([
      'web: checking that the new container is up failed. The new container did not come up as it should (state: failed).',
      'The engine said: exit 1',
      'The original web is back as it was: its name, its state and its volumes.',
    ]);
  });

  it('says when putting it back did not finish either', () => {
    const words = describeMoveOutcome(
      {
        ...base,
        outcome: 'unrecovered',
        failedStep: 'start',
        error: { code: 'engine-unreachable' },
        rollback: { ok: false, failedAction: 'rename', error: { code: 'engine-unreachable' } },
      },
      after,
      t,
    );
    expect(words.lines.at(-1)).toBe(
      'Putting web back did not finish: “Give the original its name back” failed. The engine does not answer. Is Docker running? Silo finishes it from its journal as soon as it reaches the engine again.',
    );
  });

  it('tells a recovery Silo made on its own', () => {
    expect(
      describeRecovery(
        {
          operationId: 'x',
          at: 0,
          ok: false,
          containers: [
            { name: 'web', outcome: 'original', actions: ['rename'], ok: true, error: null },
            { name: 'db', outcome: 'moved', actions: ['start'], ok: true, error: null },
            { name: 'cache', outcome: 'original', actions: [], ok: false, error: { code: 'engine-timeout' } },
          ],
        },
        t,
      ),
    ).toEqual([
      'web is back as it was before the change.',
      'db: the change was finished; it runs under its new isolation.',
      'cache: The engine took too long to answer.',
    ]);
  });
});

describe('measured cost', () => {
  const sample = (over: Partial<CostSample>): CostSample => ({
    mode: 'runsc',
    runs: 5,
    totalsMs: [642.7],
    createMs: 40.2,
    startMs: 602.5,
    totalMs: 642.7,
    memoryBytes: 12.1 * 1024 * 1024,
    error: null,
    ...over,
  });

  it('shows the figures measured, and “not measured” where there are none', () => {
    expect(describeCostSample(sample({}), t)).toEqual({ startup: '643 ms', memory: '12.1 MiB', detail: 'create 40.2 ms + start 603 ms', error: null });
    const failed = describeCostSample(
      sample({
        startMs: null,
        totalMs: null,
        memoryBytes: null,
        error: { code: 'cost-probe-failed', params: { runtime: 'runsc' }, detail: 'OCI runtime create failed' },
      }),
      t,
    );
    expect(failed.startup).toBe('not measured');
    expect(failed.error).toBe('The timed test container could not run under runsc. The engine said: OCI runtime create failed');
  });

  it('compares with the reference only when both were measured', () => {
    const reference = sample({ mode: 'runc', totalMs: 353.6, memoryBytes: 0.3 * 1024 * 1024 });
    expect(describeCostDifference(sample({}), reference, t)).toBe('+289 ms and +11.8 MiB compared with runc.');
    expect(describeCostDifference(sample({}), { ...reference, memoryBytes: null }, t)).toBe('+289 ms compared with runc.');
    expect(describeCostDifference(sample({}), null, t)).toBeNull();
    expect(describeCostDifference(sample({ totalMs: null }), reference, t)).toBeNull();
  });
});
