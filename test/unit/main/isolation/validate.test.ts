// The create form's rules are the engine's own (moby's name pattern, the distribution reference
// grammar, go-connections' port specs, the volume spec parsers, the CLI's units): what the
// engine would refuse is refused before it is sent, naming the field.
import { describe, expect, it } from 'vitest';
import { callSchemas } from '../../../../src/shared/contract';
import {
  parseMemory,
  parsePortSpec,
  parseVolumeSpec,
  splitCommandLine,
  validateContainerName,
  validateCpus,
  validateCreateSpec,
  validateEnv,
  validateImageReference,
  validateLabels,
  validateMemory,
  validateRestart,
  validateVolumes,
} from '../../../../src/shared/validate';

const rules = (problems: Array<{ rule: string }>): string[] => problems.map((p) => p.rule);
const HEX = 'a'.repeat(64);

describe('container names', () => {
  it.each(['web', 'a1', 'my_app.1-x', '/web', 'A9'])('accepts %s', (name) => expect(validateContainerName(name)).toEqual([]));
  it.each(['a', '-web', '.web', '_web', 'web app', 'wéb', 'web/x', 'web:1'])('refuses %s', (name) =>
    expect(rules(validateContainerName(name))).toEqual(['container-name']),
  );
  it('leaves an empty name to the engine', () => expect(validateContainerName('')).toEqual([]));
});

describe('image references', () => {
  it.each([
    'busybox',
    'silo-test/busybox:latest',
    'localhost:5000/a/b:1.0',
    `registry.example.com/x@sha256:${HEX}`,
    'a__b',
    'a--b',
    'a.b_c',
    `sha256:${HEX}`,
    HEX,
    '[::1]:5000/x:y',
  ])('accepts %s', (ref) => expect(validateImageReference(ref)).toEqual([]));
  it.each(['busybox:', ':tag', 'a/', 'a//b', 'busybox:-bad', '-a', 'a_', 'a@sha256:abc', 'a b'])('refuses %s', (ref) =>
    expect(rules(validateImageReference(ref))).toEqual(['image-reference']),
  );
  it('says a repository must be lowercase, and keeps a mixed-case tag', () => {
    expect(rules(validateImageReference('Busybox:Latest'))).toEqual(['image-uppercase']);
    expect(validateImageReference('busybox:Latest')).toEqual([]);
  });
  it('refuses an empty image and a name over 255 characters', () => {
    expect(rules(validateImageReference(''))).toEqual(['required']);
    expect(rules(validateImageReference('a'.repeat(256)))).toEqual(['image-too-long']);
  });
});

describe('port specs', () => {
  it('reads the forms the docker CLI takes', () => {
    expect(parsePortSpec('80')).toMatchObject({ ok: true, spec: { hostStart: null, containerStart: 80, protocol: 'tcp' } });
    expect(parsePortSpec('127.0.0.1:8080:80/udp')).toMatchObject({
      ok: true,
      spec: { hostIp: '127.0.0.1', hostStart: 8080, containerStart: 80, protocol: 'udp' },
    });
    expect(parsePortSpec('127.0.0.1::80')).toMatchObject({ ok: true, spec: { hostIp: '127.0.0.1', hostStart: null } });
    expect(parsePortSpec('[::1]:8080:80')).toMatchObject({ ok: true, spec: { hostIp: '::1', hostStart: 8080 } });
    expect(parsePortSpec('8000-8010:80-90')).toMatchObject({ ok: true, spec: { hostStart: 8000, hostEnd: 8010, containerStart: 80, containerEnd: 90 } });
    expect(parsePortSpec('8000-8010:80')).toMatchObject({ ok: true, spec: { hostStart: 8000, hostEnd: 8010, containerEnd: 80 } });
    expect(parsePortSpec('5000:5000/sctp').ok).toBe(true);
  });
  it.each([
    ['80/xyz', 'port-protocol'],
    ['70000', 'port-number'],
    ['0', 'port-number'],
    ['8080:', 'port-spec'],
    ['abc', 'port-number'],
    ['8000-8010:80-85', 'port-range'],
    ['90-80', 'port-range'],
    ['1.2.3.4.5:80:80', 'port-ip'],
    ['[::1]:80', 'port-spec'],
    ['', 'port-spec'],
  ])('refuses %s (%s)', (spec, rule) => {
    const r = parsePortSpec(spec, 'ports.3');
    expect(r.ok ? null : r.problem).toMatchObject({ field: 'ports.3', rule });
  });
});

describe('environment and labels', () => {
  it('takes KEY=value lines, an empty value, and = inside the value', () => expect(validateEnv(['A=b', 'A=', 'A=b=c'])).toEqual([]));
  it('names the line that is not KEY=value', () => {
    expect(validateEnv(['OK=1', 'A', '=b', 'A B=c', 'X=\u0000'])).toEqual([
      { field: 'env.1', rule: 'env-line', params: { value: 'A' } },
      { field: 'env.2', rule: 'env-key', params: { key: '' } },
      { field: 'env.3', rule: 'env-key', params: { key: 'A B' } },
      { field: 'env.4', rule: 'nul-character' },
    ]);
  });
  it('labels need a key', () => expect(rules(validateLabels(['a=b', 'flag', '=x']))).toEqual(['label-line']));
});

describe('volume specs', () => {
  it('reads named volumes, binds and anonymous volumes as the Linux parser does', () => {
    expect(parseVolumeSpec('data:/data')).toMatchObject({ ok: true, spec: { kind: 'volume', source: 'data', destination: '/data' } });
    expect(parseVolumeSpec('/host:/c:ro')).toMatchObject({ ok: true, spec: { kind: 'bind', readOnly: true } });
    expect(parseVolumeSpec('/anon')).toMatchObject({ ok: true, spec: { kind: 'anonymous', destination: '/anon' } });
    expect(parseVolumeSpec('data:/data:ro,nocopy').ok).toBe(true);
    expect(parseVolumeSpec('/h:/c:rw,z,rshared').ok).toBe(true);
  });
  it.each([
    ['data', 'volume-destination'],
    ['/h:relative', 'volume-destination'],
    ['x:/', 'volume-destination'],
    ['da ta:/x', 'volume-name'],
    ['/h:/c:ro,rw', 'volume-mode'],
    ['/h:/c:bad', 'volume-mode'],
    ['/h:/c:nocopy', 'volume-mode'],
    ['a:b:c:d', 'volume-spec'],
    ['/dst:ro', 'volume-spec'],
  ])('refuses %s (%s)', (spec, rule) => {
    const r = parseVolumeSpec(spec, 'linux');
    expect(r.ok ? null : r.problem.rule).toBe(rule);
  });
  it('reads Windows specs with drive letters and pipes', () => {
    expect(parseVolumeSpec('C:\\site:C:\\inetpub\\wwwroot:ro', 'windows')).toMatchObject({
      ok: true,
      spec: { kind: 'bind', source: 'C:\\site', destination: 'C:\\inetpub\\wwwroot', readOnly: true },
    });
    expect(parseVolumeSpec('logs:C:\\logs', 'windows')).toMatchObject({ ok: true, spec: { kind: 'volume' } });
    expect(parseVolumeSpec('C:\\data', 'windows')).toMatchObject({ ok: true, spec: { kind: 'anonymous' } });
    expect(parseVolumeSpec('C:\\a:C:\\', 'windows').ok).toBe(false);
    expect(parseVolumeSpec('C:\\a:C:\\b:z', 'windows').ok).toBe(false);
  });
  it('refuses two mounts on one destination', () => {
    expect(validateVolumes(['/a:/x', 'bb:/x/'])).toEqual([{ field: 'volumes.1', rule: 'volume-duplicate', params: { destination: '/x/', other: 0 } }]);
  });
  it('refuses the engine socket, or a folder holding it, unless the person asked for it', () => {
    expect(rules(validateVolumes(['/var/run/docker.sock:/var/run/docker.sock', '/var/run:/host-run', '/run/podman/podman.sock:/s']))).toEqual([
      'engine-socket',
      'engine-socket',
      'engine-socket',
    ]);
    expect(rules(validateVolumes(['\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine'], { os: 'windows' }))).toEqual(['engine-socket']);
    expect(validateVolumes(['/var/run/docker.sock:/var/run/docker.sock'], { allowEngineSocket: true })).toEqual([]);
    // A named volume called like a socket is not a host path.
    expect(validateVolumes(['docker.sock:/data'])).toEqual([]);
  });
});

describe('resources and restart policies', () => {
  it('reads memory in the CLI’s binary units', () => {
    expect(parseMemory('512m')).toBe(512 * 1024 ** 2);
    expect(parseMemory('1g')).toBe(1024 ** 3);
    expect(parseMemory('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseMemory('1073741824')).toBe(1073741824);
    expect(rules(validateMemory('5m'))).toEqual(['memory-minimum']);
    expect(rules(validateMemory('abc'))).toEqual(['memory-format']);
    expect(rules(validateMemory('-1'))).toEqual(['memory-format']);
    expect(validateMemory('6m')).toEqual([]);
  });
  it('takes 0.01 CPUs up to the engine’s own count', () => {
    expect(validateCpus('0.5', 2)).toEqual([]);
    expect(rules(validateCpus('0.001', 2))).toEqual(['cpus-range']);
    expect(validateCpus('8', 2)).toEqual([{ field: 'cpus', rule: 'cpus-range', params: { min: '0.01', max: '2.00' } }]);
    expect(rules(validateCpus('1,5'))).toEqual(['cpus-format']);
  });
  it('takes a retry count with on-failure only', () => {
    expect(validateRestart({ policy: 'on-failure', maxRetries: 3 })).toEqual([]);
    expect(rules(validateRestart({ policy: 'always', maxRetries: 3 }))).toEqual(['restart-retries']);
  });
});

describe('a command line', () => {
  it('splits words as a shell would, without expanding anything', () => {
    expect(splitCommandLine(`sh -c 'echo "hi there" $HOME'`)).toEqual({ ok: true, argv: ['sh', '-c', 'echo "hi there" $HOME'] });
    expect(splitCommandLine('a\\ b "c\\"d" \'\'')).toEqual({ ok: true, argv: ['a b', 'c"d', ''] });
    expect(splitCommandLine("echo 'open")).toEqual({ ok: false, reason: 'unclosed-quote' });
  });
});

describe('the whole form', () => {
  const spec = {
    image: 'silo-test/busybox:latest',
    name: 'web',
    ports: ['8080:80'],
    env: ['A=1'],
    volumes: ['data:/data'],
    memory: '64m',
    cpus: '0.5',
    isolation: 'runsc',
  };
  it('passes a good form, and checks the isolation against the engine’s runtimes', () => {
    expect(validateCreateSpec(spec, { os: 'linux', runtimes: ['runc', 'runsc'] })).toEqual([]);
    expect(rules(validateCreateSpec(spec, { os: 'linux', runtimes: ['runc'] }))).toEqual(['isolation']);
    expect(validateCreateSpec({ ...spec, isolation: 'hyperv', volumes: [] }, { os: 'windows' })).toEqual([]);
  });
  it('the contract refuses a bad form before any handler runs, naming the field', () => {
    const parsed = callSchemas['containers.create'].safeParse({ ...spec, ports: ['80', '8080:99999'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['ports', 1], message: 'port-number' });
    expect(callSchemas['containers.create'].safeParse({ ...spec, volumes: ['/var/run/docker.sock:/s'] }).error?.issues[0]?.message).toBe('engine-socket');
    expect(callSchemas['containers.create'].safeParse({ ...spec, volumes: ['/var/run/docker.sock:/s'], acknowledged: ['engine-socket'] }).success).toBe(true);
    expect(callSchemas['containers.create'].safeParse({ ...spec, acknowledged: ['not-a-finding'] }).success).toBe(false);
  });
});
