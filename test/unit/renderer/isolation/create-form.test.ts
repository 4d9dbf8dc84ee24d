// The create form: what is sent, and every problem on its field and line, with the engine's rules.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/renderer/i18n';
import type { EngineInfo } from '../../../../src/shared/model/engine';
import { describeFinding, findingKey, findingsOfRefusal, formRootFindings } from '../../../../src/renderer/views/create/consent';
import {
  buildSpec,
  emptyForm,
  engineFacts,
  fieldMessage,
  imageChoices,
  isolationOptions,
  windowsVerdict,
  type CreateForm,
} from '../../../../src/renderer/views/create/form';

const t = translator('en');
const es = translator('es');
const form = (over: Partial<CreateForm>): CreateForm => ({ ...emptyForm('busybox:latest'), ...over });

const linux: Pick<EngineInfo, 'osType' | 'runtimes' | 'defaultRuntime' | 'defaultIsolation'> = {
  osType: 'linux',
  defaultRuntime: 'runc',
  defaultIsolation: null,
  runtimes: [
    { name: 'runc', path: 'runc', runtimeType: null, args: [], rung: 'shared-kernel', isDefault: true },
    { name: 'runsc', path: '/usr/bin/runsc', runtimeType: null, args: [], rung: 'user-space-kernel', isDefault: false },
  ],
};
const windows: Pick<EngineInfo, 'osType' | 'runtimes' | 'defaultRuntime' | 'defaultIsolation' | 'hostBuild' | 'kind'> = {
  osType: 'windows',
  defaultRuntime: null,
  defaultIsolation: 'process',
  hostBuild: 20348,
  kind: 'windows-server',
  runtimes: [
    { name: 'process', path: null, runtimeType: null, args: [], rung: 'shared-kernel', isDefault: true },
    { name: 'hyperv', path: null, runtimeType: null, args: [], rung: 'virtual-machine', isDefault: false },
  ],
};

describe('the spec sent', () => {
  it('is what the person typed: words split like a shell, blank lines dropped, empty fields left out', () => {
    const { spec, problems } = buildSpec(
      form({
        name: ' web ',
        command: `sh -c 'echo "hi there"; sleep 3600'`,
        env: 'A=1\n\nB=two words\r\n',
        ports: ' 8080:80 \n',
        volumes: 'data:/data\n/host:/in:ro',
        network: 'none',
        restart: 'on-failure',
        maxRetries: '3',
        memory: '512m',
        cpus: '0.5',
        labels: 'team=core',
        isolation: 'runsc',
      }),
      engineFacts(linux as EngineInfo),
    );
    expect(problems).toEqual([]);
    expect(spec).toEqual({
      image: 'busybox:latest',
      name: 'web',
      command: ['sh', '-c', 'echo "hi there"; sleep 3600'],
      env: ['A=1', 'B=two words'],
      ports: ['8080:80'],
      volumes: ['data:/data', '/host:/in:ro'],
      network: 'none',
      restart: { policy: 'on-failure', maxRetries: 3 },
      memory: '512m',
      cpus: '0.5',
      labels: ['team=core'],
      isolation: 'runsc',
      start: true,
    });
    expect(buildSpec(form({ start: false })).spec).toEqual({ image: 'busybox:latest' });
  });
});

describe('problems, on the field and line they belong to', () => {
  it('an invalid name', () => {
    const { problems } = buildSpec(form({ name: 'bad name!' }));
    expect(problems.map((p) => p.field)).toEqual(['name']);
    expect(fieldMessage(problems, 'name', t)).toBe('A name starts with a letter or digit and holds only letters, digits, _ . and -, at least two characters.');
    expect(fieldMessage(problems, 'image', t)).toBeNull();
  });

  it('the line of a multi-line field counts blank lines, as the person sees them', () => {
    const { problems } = buildSpec(form({ ports: '8080:80\n\n99999:80', env: 'OK=1\nNOPE' }));
    expect(fieldMessage(problems, 'env', t)).toBe('Line 2: Write KEY=value.');
    expect(fieldMessage(problems, 'ports', t)).toBe('Line 3: A port is a number from 1 to 65535 (a host port may be 0).');
    expect(fieldMessage(problems, 'ports', es)).toBe('Línea 3: Un puerto es un número de 1 a 65535 (el del host puede ser 0).');
  });

  it('a second mount on one destination names the first one’s line', () => {
    const { problems } = buildSpec(form({ volumes: 'aa:/data\n\nbb:/data' }));
    expect(fieldMessage(problems, 'volumes', t)).toBe('Line 3: /data is already mounted on line 1.');
  });

  it('the engine’s socket only with the person’s explicit consent', () => {
    const volumes = '/var/run/docker.sock:/var/run/docker.sock';
    const findingsOf = (spec: Parameters<typeof formRootFindings>[0]) =>
      formRootFindings(spec, { osType: 'linux', dataRoot: null, containerdAddress: null }, null);
    const asked = buildSpec(form({ volumes }), { os: 'linux' }, findingsOf);
    expect(asked.findings.map((f) => f.code)).toEqual(['engine-socket']);
    expect(asked.unticked).toHaveLength(1);
    expect(buildSpec(form({ volumes: 'data:/var/run' }), { os: 'linux' }, findingsOf).findings).toEqual([]);
    expect(fieldMessage(asked.problems, 'volumes', t)).toMatch(/^Line 1: \/var\/run\/docker.sock is the engine's socket/);
    const consented = buildSpec(form({ volumes, ticked: [findingKey(asked.findings[0]!)] }), { os: 'linux' }, findingsOf);
    expect(consented.problems).toEqual([]);
    expect(consented.unticked).toEqual([]);
    expect(consented.spec.acknowledged).toEqual(['engine-socket']);
  });

  it('each root-equivalent choice has its own box; a tick never covers a choice added after it', () => {
    const info = { osType: 'linux', dataRoot: '/var/lib/docker', containerdAddress: null };
    const findingsOf = (spec: Parameters<typeof formRootFindings>[0]) => formRootFindings(spec, info, 'unix:///tmp/e/docker.sock');
    const first = buildSpec(form({ volumes: '/etc:/host-etc:ro', network: 'host' }), { os: 'linux' }, findingsOf);
    expect(first.findings.map((f) => f.code)).toEqual(['host-etc', 'network-host']);
    const ticked = first.findings.map(findingKey);
    expect(buildSpec(form({ volumes: '/etc:/host-etc:ro', network: 'host', ticked }), { os: 'linux' }, findingsOf).spec.acknowledged).toEqual([
      'host-etc',
      'network-host',
    ]);
    // A second bind of /etc, added after the tick: its own box, and host-etc is no longer acknowledged.
    const more = buildSpec(form({ volumes: '/etc:/host-etc:ro\n/etc/passwd:/p', network: 'host', ticked }), { os: 'linux' }, findingsOf);
    expect(more.unticked.map((f) => f.setting)).toEqual(['/etc/passwd:/p']);
    expect(more.spec.acknowledged).toEqual(['network-host']);
    expect(describeFinding(first.findings[1]!, t)).toMatch(/^network: host: the container shares the host's network/);
    expect(describeFinding(first.findings[1]!, es)).toMatch(/^network: host: el contenedor comparte la red del host/);
  });

  it('what the host found by following a symlink joins the form while that line is still there', () => {
    const refusal = { count: 1, settings: '/tmp/link:/s', 'code.0': 'engine-socket', 'setting.0': '/tmp/link:/s', 'path.0': '/tmp/e/docker.sock' };
    const fromHost = findingsOfRefusal(refusal);
    expect(fromHost).toEqual([{ code: 'engine-socket', setting: '/tmp/link:/s', path: '/tmp/e/docker.sock' }]);
    const info = { osType: 'linux', dataRoot: null, containerdAddress: null };
    expect(formRootFindings({ image: 'x', volumes: ['/tmp/link:/s'] }, info, null, fromHost)).toEqual(fromHost);
    expect(formRootFindings({ image: 'x', volumes: ['/tmp/other:/s'] }, info, null, fromHost)).toEqual([]);
    expect(describeFinding(fromHost[0]!, t)).toMatch(/It leads to \/tmp\/e\/docker\.sock\.$/);
  });

  it('a command with an open quote, a retry count that is not a number, sizes and CPUs', () => {
    const { problems } = buildSpec(form({ command: `echo "hi`, restart: 'on-failure', maxRetries: 'three', memory: '2k', cpus: 'lots' }));
    expect(problems.map((p) => p.field)).toEqual(['command', 'restart', 'memory', 'cpus']);
    expect(fieldMessage(problems, 'command', t)).toBe('A quote is not closed.');
    expect(fieldMessage(problems, 'restart', t)).toBe('The number of retries is a whole number; three is not.');
    expect(fieldMessage(problems, 'memory', t)).toBe('The engine needs at least 6m of memory.');
    expect(fieldMessage(problems, 'cpus', t)).toBe('lots is not a number of CPUs: write for example 0.5 or 2.');
    expect(fieldMessage(buildSpec(form({ cpus: '0.001' })).problems, 'cpus', t)).toBe('At least 0.01 CPUs.');
  });

  it('an image that is not a reference, and a runtime the engine does not offer', () => {
    expect(fieldMessage(buildSpec(form({ image: '' })).problems, 'image', t)).toBe('Required.');
    expect(fieldMessage(buildSpec(form({ image: 'Busybox' })).problems, 'image', t)).toBe('A repository name is lowercase; Busybox is not.');
    expect(fieldMessage(buildSpec(form({ isolation: 'kata' }), engineFacts(linux as EngineInfo)).problems, 'isolation', t)).toBe(
      'This engine does not offer kata.',
    );
    expect(fieldMessage(buildSpec(form({ isolation: 'hyperv' }), engineFacts(windows as EngineInfo)).problems, 'isolation', t)).toBeNull();
  });
});

describe('the isolation choice', () => {
  it('Linux: the engine’s default, then every runtime it offers, each on its rung', () => {
    expect(isolationOptions(linux).map((o) => [o.value, o.mode, o.rung])).toEqual([
      ['', 'runc', 'shared-kernel'],
      ['runc', 'runc', 'shared-kernel'],
      ['runsc', 'runsc', 'user-space-kernel'],
    ]);
  });

  it('Windows: default, process and hyperv', () => {
    expect(isolationOptions(windows).map((o) => [o.value, o.mode, o.rung])).toEqual([
      ['', 'process', 'shared-kernel'],
      ['process', 'process', 'shared-kernel'],
      ['hyperv', 'hyperv', 'virtual-machine'],
    ]);
    expect(isolationOptions(null)).toEqual([]);
  });

  it('Windows: says whether the chosen image runs under the chosen isolation here', () => {
    const old = { os: 'windows', osVersion: '10.0.17763.1817' };
    expect(windowsVerdict(old, windows, '')?.reason).toBe('image-build-mismatch');
    expect(windowsVerdict(old, windows, 'hyperv')?.ok).toBe(true);
    expect(windowsVerdict({ os: 'linux', osVersion: null }, windows, '')).toBeNull();
    expect(windowsVerdict(old, { ...windows, osType: 'linux' }, '')).toBeNull();
  });
});

describe('images', () => {
  it('one choice per tag, untagged images by id, last', () => {
    const image = (id: string, tags: string[]) => ({
      id,
      tags,
      digests: [],
      os: 'linux',
      architecture: 'amd64',
      osVersion: null,
      size: 1,
      createdAt: 0,
      containers: -1,
      dangling: tags.length === 0,
      labels: {},
    });
    expect(imageChoices([image('sha256:' + 'b'.repeat(64), []), image('sha256:' + 'a'.repeat(64), ['nginx:1', 'alpine:3'])]).map((c) => c.value)).toEqual([
      'alpine:3',
      'nginx:1',
      'sha256:' + 'b'.repeat(64),
    ]);
  });
});
