// The boundary in the person's words: every finding the rules can give has its sentence in English
// and Spanish, the row's mark names the worst finding, the filters and the Engine view's sum.
import { describe, expect, it } from 'vitest';
import type { RawContainerInspect, RawHostConfig, RawInfo } from '../../../src/shared/engine-api';
import { computeBoundary } from '../../../src/shared/isolation/boundary';
import { toEngineInfo } from '../../../src/shared/isolation/engine-info';
import { CAP_SEVERITY } from '../../../src/shared/isolation/boundary-caps';
import type { Boundary, BoundaryFinding } from '../../../src/shared/model/boundary';
import { translator } from '../../../src/renderer/i18n';
import { boundaryMark, containedUpARung, describeBoundaryFinding, describeSource, describeWithReach, groupOf } from '../../../src/renderer/format/boundary';
import { EMPTY_FILTERS, filterContainers, matchesBoundary } from '../../../src/renderer/stores/selectors/containers';
import { countBoundaries } from '../../../src/renderer/stores/selectors/boundary';
import linuxInfo from '../../fixtures/engine-info/linux-gvisor-centos7.json';
import windowsServerInfo from '../../fixtures/engine-info/windows-server-2022.json';
import { container } from './fixtures';

const linux = toEngineInfo(linuxInfo as RawInfo);
const windows = toEngineInfo(windowsServerInfo as RawInfo);
const en = translator('en');
const es = translator('es');

function boundaryOf(hc: Partial<RawHostConfig>, user: string | null = '', info = linux): Boundary {
  const inspect = {
    Id: 'x',
    Name: '/x',
    Image: 'i',
    Config: user === null ? {} : { User: user },
    HostConfig: { Memory: 0, ...hc },
    Mounts: [],
  } as unknown as RawContainerInspect;
  return computeBoundary({ inspect, info, endpointHost: 'unix:///var/run/docker.sock' });
}

const every: Boundary[] = [
  boundaryOf({
    Privileged: true,
    UTSMode: 'host',
    PidMode: 'host',
    IpcMode: 'host',
    NetworkMode: 'host',
    Binds: ['/:/h', '/home:/home', '/var/run/docker.sock:/s'],
  }),
  boundaryOf({ CapAdd: [...Object.keys(CAP_SEVERITY), 'WAKE_ALARM'], SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined', 'label=disable'] }),
  boundaryOf({ Devices: [{ PathOnHost: '/dev/sda' }], DeviceRequests: [{ Count: -1 }] }, null),
  boundaryOf({ ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], PidsLimit: 10, Runtime: 'mystery' }, '1000'),
  boundaryOf({ UsernsMode: 'host' }, '', { ...linux, hardening: { ...linux.hardening, userns: true } }),
  boundaryOf({}, '', { ...linux, hardening: { ...linux.hardening, userns: true } }),
  boundaryOf({}, '', { ...linux, hardening: { ...linux.hardening, rootless: true } }),
  boundaryOf({ Isolation: 'process' }, 'ContainerAdministrator', windows),
  boundaryOf({ Isolation: 'hyperv' }, 'ContainerUser', windows),
  boundaryOf({ Isolation: 'hyperv' }, 'builder', windows),
];
const findings: BoundaryFinding[] = every.flatMap((b) => b.findings);

describe('sentences', () => {
  it('the rules give every kind of finding here', () => {
    const codes = new Set(findings.map((f) => f.code));
    expect(codes.size).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['en', en],
    ['es', es],
  ] as const)('every finding has a sentence, a reach and a source in %s, with its setting in it', (_, t) => {
    for (const f of findings) {
      const sentence = describeBoundaryFinding(f, t);
      expect(sentence, f.code).not.toMatch(/\b(boundary|root)\.[a-zA-Z]|\{/);
      if (!['no-memory-limit', 'no-pids-limit', 'userns-engine', 'rootless-engine', 'read-only-rootfs', 'cap-drop-all', 'privileged'].includes(f.code)) {
        expect(sentence, f.code).toContain(f.setting);
      }
      expect(describeWithReach(f, t), f.code).not.toMatch(/\bboundary\.[a-z]/);
      expect(describeSource(f, t), f.code).toMatch(/CIS|Docker|Windows|gVisor|Kata|docker/);
    }
  });

  it('each capability with a sentence of its own says it, in both languages', () => {
    const caps = findings.filter((f) => f.code === 'cap-add');
    const sys = caps.find((f) => f.detail === 'SYS_ADMIN')!;
    expect(describeBoundaryFinding(sys, en)).toBe(`--cap-add SYS_ADMIN: ${en('boundary.cap.SYS_ADMIN')}`);
    expect(describeBoundaryFinding(sys, es)).toContain('montar sistemas de archivos');
    const unknown = caps.find((f) => f.detail === 'WAKE_ALARM')!;
    expect(describeBoundaryFinding(unknown, en)).toContain('not counted as safe');
  });

  it('says what a weakening reaches on its rung', () => {
    const runsc = boundaryOf({ Privileged: true, Runtime: 'runsc' });
    const priv = runsc.findings.find((f) => f.code === 'privileged')!;
    expect(describeWithReach(priv, en)).toContain('Under gVisor it stays inside the user-space kernel');
    expect(describeWithReach(priv, es)).toContain('Con gVisor se queda dentro');
  });
});

describe('the row', () => {
  it('names the worst finding and how bad it is; a default container has no mark', () => {
    const mark = boundaryMark(boundaryOf({ Binds: ['/var/run/docker.sock:/s'], CapAdd: ['NET_ADMIN'] }), en);
    expect(mark).toMatchObject({ level: 'weakened-critical', text: 'Weakened: Engine socket' });
    expect(mark?.title).toMatch(/^Weakened \(Critical\), 2 ways: \/var\/run\/docker.sock:\/s reaches the engine's socket/);
    expect(boundaryMark(boundaryOf({ Binds: ['/var/run/docker.sock:/s'] }), es)?.text).toBe('Debilitado: Socket del motor');
    expect(boundaryMark(boundaryOf({}), en)).toBeNull();
    expect(boundaryMark(null, en)).toBeNull();
    expect(boundaryMark(boundaryOf({ ReadonlyRootfs: true }, '1000'), en)).toMatchObject({ level: 'strengthened', text: 'Strengthened' });
  });

  it('filters: weakened, can reach the engine, privileged, strengthened; not inspected matches none', () => {
    const priv = container({ name: 'priv', boundary: boundaryOf({ Privileged: true }) });
    const sock = container({ name: 'sock', boundary: boundaryOf({ Binds: ['/run/docker.sock:/s'] }) });
    const gvisor = container({ name: 'gvisor', boundary: boundaryOf({ Privileged: true, Runtime: 'runsc' }) });
    const locked = container({ name: 'locked', boundary: boundaryOf({ ReadonlyRootfs: true, CapDrop: ['ALL'] }, '1000') });
    const pending = container({ name: 'pending', rung: null });
    const all = [priv, sock, gvisor, locked, pending];
    const names = (boundary: (typeof EMPTY_FILTERS)['boundary']) => filterContainers(all, { ...EMPTY_FILTERS, boundary }).map((c) => c.name);
    expect(names('weakened')).toEqual(['priv', 'sock']);
    expect(names('engine')).toEqual(['sock']);
    expect(names('privileged')).toEqual(['gvisor', 'priv']);
    expect(names('strengthened')).toEqual(['locked']);
    expect(names('any')).toHaveLength(5);
    expect(matchesBoundary({ boundary: null, mountsEngineSocket: true }, 'engine')).toBe(true);
  });

  it('the Engine view sums weakened containers by what', () => {
    const rows = [
      container({ boundary: boundaryOf({ Privileged: true }) }),
      container({ boundary: boundaryOf({ Privileged: true, Binds: ['/run/docker.sock:/s'] }) }),
      container({ boundary: boundaryOf({ Privileged: true, Runtime: 'runsc' }) }),
      container({ boundary: boundaryOf({}) }),
    ];
    const counts = countBoundaries(rows, groupOf);
    expect(counts).toMatchObject({ weakened: 2, engine: 1, privileged: 3 });
    expect(counts.byCode.map((c) => [groupOf(c.code), c.count])).toEqual([
      ['privileged', 2],
      ['engine-socket', 1],
    ]);
  });
});

describe('what Silo can do about it', () => {
  it('a kernel weakening on runc is contained a rung up; a bind of / or the socket is not', () => {
    const contained = (hc: Partial<RawHostConfig>) => boundaryOf(hc).findings.some(containedUpARung);
    expect(contained({ Privileged: true })).toBe(true);
    expect(contained({ CapAdd: ['SYS_ADMIN'] })).toBe(true);
    expect(contained({ Binds: ['/:/host'] })).toBe(false);
    expect(contained({ Binds: ['/run/docker.sock:/s'] })).toBe(false);
    expect(contained({})).toBe(false);
    expect(boundaryOf({ Privileged: true, Runtime: 'runsc' }).findings.some(containedUpARung)).toBe(false);
  });
});
