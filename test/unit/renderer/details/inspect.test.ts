import { describe, expect, it } from 'vitest';
import { filterFields, filterMounts, inspectSections, mountRows, rawJson } from '../../../../src/renderer/views/details/logic/inspect';

const raw = {
  Id: 'abc',
  Name: '/web',
  Created: '2025-01-01T00:00:00Z',
  Args: ['-c', 'echo hi'],
  GraphDriver: { Name: 'overlay2', Data: null },
  State: { Status: 'running', Running: true, ExitCode: 0, Error: '' },
  Config: { Image: 'nginx', Env: ['A=1', 'B=2'], Labels: { 'com.docker.compose.project': 'shop' }, Cmd: null },
  HostConfig: {
    Runtime: 'runsc',
    RestartPolicy: { Name: 'always', MaximumRetryCount: 0 },
    PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
    Binds: [],
  },
  Mounts: [
    { Type: 'bind', Source: '/srv', Destination: '/data', Mode: 'ro', RW: false, Propagation: 'rprivate' },
    { Type: 'volume', Name: 'cache', Source: '', Destination: '/cache', Mode: 'z', RW: true },
  ],
  NetworkSettings: {
    Networks: { bridge: { IPAddress: '172.17.0.2', Aliases: null } },
    Ports: {
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
    },
  },
};

describe('inspect made readable', () => {
  const sections = inspectSections(raw);
  const section = (id: string) => sections.find((s) => s.id === id)!;
  const field = (id: string, key: string) => section(id).fields.find((f) => f.key === key);

  it('has the sections in order, the top-level rest in "container"', () => {
    expect(sections.map((s) => s.id)).toEqual(['container', 'state', 'config', 'hostConfig', 'mounts', 'networks']);
    expect(section('container').fields.map((f) => f.key)).toEqual(['Id', 'Name', 'Created', 'Args', 'GraphDriver › Name', 'GraphDriver › Data']);
  });

  it('lists become lines, maps become paths, empty values are marked', () => {
    expect(field('container', 'Args')?.value).toBe('-c\necho hi');
    expect(field('config', 'Env')?.value).toBe('A=1\nB=2');
    expect(field('config', 'Labels › com.docker.compose.project')?.value).toBe('shop');
    expect(field('hostConfig', 'RestartPolicy › Name')?.value).toBe('always');
    expect(field('state', 'Running')?.value).toBe('true');
    expect(field('state', 'ExitCode')).toEqual({ key: 'ExitCode', value: '0', empty: false });
    expect(field('state', 'Error')?.empty).toBe(true);
    expect(field('config', 'Cmd')?.empty).toBe(true);
    expect(field('hostConfig', 'Binds')).toEqual({ key: 'Binds', value: '[]', empty: true });
  });

  it('port bindings read as host:port, IPv6 in brackets', () => {
    expect(field('hostConfig', 'PortBindings › 80/tcp')?.value).toBe('8080');
    expect(field('networks', 'Ports › 80/tcp')?.value).toBe('0.0.0.0:8080\n[::]:8080');
    expect(field('networks', 'Networks › bridge › IPAddress')?.value).toBe('172.17.0.2');
  });

  it('mounts are a table, a volume named when it has no source', () => {
    expect(mountRows(raw)).toEqual([
      { type: 'bind', source: '/srv', destination: '/data', mode: 'ro', writable: false, propagation: 'rprivate' },
      { type: 'volume', source: 'cache', destination: '/cache', mode: 'z', writable: true, propagation: '' },
    ]);
    expect(filterMounts(mountRows(raw), 'CACHE').map((m) => m.destination)).toEqual(['/cache']);
    expect(filterMounts(mountRows(raw), '')).toHaveLength(2);
    expect(mountRows({})).toEqual([]);
  });

  it('search matches names or values in any case; empty fields only when asked', () => {
    const all = sections.flatMap((s) => s.fields);
    expect(filterFields(all, 'runsc', false).map((f) => f.key)).toEqual(['Runtime']);
    expect(filterFields(all, 'restartpolicy', false).map((f) => f.key)).toEqual(['RestartPolicy › Name', 'RestartPolicy › MaximumRetryCount']);
    expect(filterFields(all, 'error', false)).toEqual([]);
    expect(filterFields(all, 'error', true).map((f) => f.key)).toEqual(['Error']);
    expect(filterFields(all, '  ', false).length).toBe(all.filter((f) => !f.empty).length);
  });

  it('the raw view is the engine’s JSON, indented', () => {
    expect(JSON.parse(rawJson(raw))).toEqual(raw);
    expect(rawJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
