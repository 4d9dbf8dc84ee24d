// The create form's rules (src/shared/validate) against the engine itself: random container
// names, image references, environment lines, volume specs and port specs, each judged by Silo's
// rule and by dockerd (ports: by the docker CLI, which parses them; the Engine API takes them
// already split). The property: what Silo lets through, the engine takes (nothing bad is sent);
// what the engine refuses, Silo refuses first. Where Silo is stricter on purpose, the test says
// which rule and why.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCreateBody } from '../../../src/main/isolation/create-body';
import { validateContainerName } from '../../../src/shared/validate/names';
import { validateImageReference } from '../../../src/shared/validate/image-ref';
import { validateEnv } from '../../../src/shared/validate/env';
import { validatePorts } from '../../../src/shared/validate/ports';
import { validateVolumes } from '../../../src/shared/validate/volumes';
import { engineApi } from '../../support/scale';
import { TestEngine } from '../../support/test-engine';

const exec = promisify(execFile);
const engine = new TestEngine(inject('engineDir'));
const LABEL = 'dev.silo.validators';
let image = '';
let command: string[] = [];
let volumesBefore = new Set<string>();

beforeAll(async () => {
  ({ image, command } = await engine.importPauseImage());
  volumesBefore = new Set(await listVolumes());
});

afterAll(async () => {
  const filter = encodeURIComponent(JSON.stringify({ label: [LABEL] }));
  const left = JSON.parse((await engineApi(engine, 'GET', `/v1.41/containers/json?all=1&filters=${filter}`)).body) as Array<{ Id: string }>;
  for (const { Id } of left) await engineApi(engine, 'DELETE', `/v1.41/containers/${Id}?force=1&v=1`);
  for (const name of await listVolumes()) if (!volumesBefore.has(name)) await engineApi(engine, 'DELETE', `/v1.41/volumes/${encodeURIComponent(name)}?force=1`);
});

async function listVolumes(): Promise<string[]> {
  const body = JSON.parse((await engineApi(engine, 'GET', '/v1.41/volumes')).body) as { Volumes: Array<{ Name: string }> | null };
  return (body.Volumes ?? []).map((v) => v.Name);
}

/** Create (and at once remove) a container; the engine's status and words. `start`: it must also start. */
async function engineCreate(body: Record<string, unknown>, name?: string, start = false): Promise<{ status: number; message: string }> {
  const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
  const hostConfig = { NetworkMode: 'none', ...(body.HostConfig as object | undefined) };
  const answer = await engineApi(engine, 'POST', `/v1.41/containers/create${query}`, {
    Image: image,
    Cmd: command,
    ...body,
    Labels: { [LABEL]: '1' },
    HostConfig: hostConfig,
  });
  if (answer.status === 201) {
    const id = (JSON.parse(answer.body) as { Id: string }).Id;
    const started = start ? await engineApi(engine, 'POST', `/v1.41/containers/${id}/start`) : null;
    await engineApi(engine, 'DELETE', `/v1.41/containers/${id}?force=1&v=1`);
    if (started && started.status !== 204) return { status: started.status, message: `created, then refused to start: ${started.body}` };
  }
  let message = answer.body;
  try {
    message = (JSON.parse(answer.body) as { message?: string }).message ?? answer.body;
  } catch {
    // not JSON
  }
  return { status: answer.status, message };
}

const chars = (set: string, max: number) => fc.string({ unit: fc.constantFrom(...set.split('')), maxLength: max });

describe('the create form against the engine', () => {
  it('container names: Silo and dockerd agree', async () => {
    const names = fc.oneof(
      fc.stringMatching(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]{0,20}$/),
      chars('aZ09_.-/ é:', 10).filter((n) => n !== ''),
    );
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(names, async (raw) => {
        const name = `${raw}`;
        if (seen.has(name.replace(/^\//, ''))) return; // one name once: a second create would conflict
        seen.add(name.replace(/^\//, ''));
        const silo = validateContainerName(name).length === 0;
        const { status, message } = await engineCreate({}, name);
        expect(status === 201, `${JSON.stringify(name)}: Silo ${silo ? 'accepts' : 'refuses'}, the engine answered ${status} ${message}`).toBe(silo);
      }),
      { numRuns: 100 },
    );
  });

  it('image references: Silo and dockerd parse them alike (a missing image is a parsed one)', async () => {
    const component = fc.stringMatching(/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/).filter((s) => s.length <= 30);
    const valid = fc
      .tuple(
        // No IPv6 registry ([::1]:5000): the reference grammar took it after Engine 20.10, the test engine.
        fc.option(fc.constantFrom('localhost', 'localhost:5000', 'registry.example.com', 'a-b.c:443', 'Registry.Example.com', 'a_b.com', '127.0.0.1:5000'), {
          nil: undefined,
        }),
        fc.array(component, { minLength: 1, maxLength: 3 }),
        fc.option(fc.stringMatching(/^[\w][\w.-]{0,20}$/), { nil: undefined }),
        fc.option(fc.constantFrom(`sha256:${'a'.repeat(64)}`, `sha512:${'b'.repeat(128)}`, `sha256:${'c'.repeat(31)}`), { nil: undefined }),
      )
      .map(([domain, path, tag, digest]) => `${domain ? `${domain}/` : ''}${path.join('/')}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`);
    const mutated = fc
      .tuple(valid, fc.nat(), fc.constantFrom('A', ':', '..', '//', '-', '_', '__', '@', ' ', 'É', 'x'.repeat(130)))
      .map(([ref, at, insert]) => {
        const i = at % (ref.length + 1);
        return ref.slice(0, i) + insert + ref.slice(i);
      });
    const refs = fc.oneof(
      valid,
      mutated,
      chars('aZ09/:.-_@', 24),
      fc.constantFrom('a'.repeat(256), `${'a'.repeat(64)}`, `sha256:${'d'.repeat(64)}`, 'silo-test/busybox'),
    );
    await fc.assert(
      fc.asyncProperty(refs, async (ref) => {
        if (ref.trim() === '') return; // Silo requires an image; the engine would take "" (and fail at start)
        const silo = validateImageReference(ref).length === 0;
        const { status, message } = await engineCreate({ Image: ref });
        const parsed = status === 201 || status === 404; // 404: parsed, and no such image here
        expect(parsed, `${JSON.stringify(ref)}: Silo ${silo ? 'accepts' : 'refuses'}, the engine answered ${status} ${message}`).toBe(silo);
      }),
      { numRuns: 200 },
    );
  });

  it('environment lines: what Silo lets through the engine takes; Silo refuses more only for a line without `=`, a spaced key and NUL', async () => {
    const lines = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}=[ -~]{0,10}$/), chars('A_z0= \t\0é', 10));
    await fc.assert(
      fc.asyncProperty(lines, async (line) => {
        const problems = validateEnv([line]);
        const { status, message } = await engineCreate({ Env: [line] });
        const where = `${JSON.stringify(line)}: Silo ${JSON.stringify(problems.map((p) => p.rule))}, the engine answered ${status} ${message}`;
        if (problems.length === 0) expect(status, where).toBe(201);
        else if (status === 201) {
          // Stricter on purpose: the form has no client environment to copy a bare `KEY` from (the
          // CLI's `-e KEY`), and a key with whitespace or a NUL cannot reach a process intact.
          const [p] = problems;
          const deliberate =
            p!.rule === 'nul-character' ||
            (p!.rule === 'env-line' && !line.includes('=')) ||
            (p!.rule === 'env-key' && /\s/.test(String(p!.params?.key ?? '')));
          expect(deliberate, where).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('volume specs: what Silo lets through, as Silo sends it, the engine takes; what the engine refuses, Silo refuses', async () => {
    const source = fc.constantFrom('', '/tmp/silo-v', '/tmp/a b', '/', 'vol1', 'v.1', '_v', 'a b', 'C:\\x', './rel', '/tmp/../tmp/x', '~/x');
    const destination = fc.constantFrom('/data', 'data', '/', '/a/../b', '', '/a:b', '/x/', '//y');
    const mode = fc.constantFrom('', 'ro', 'rw', 'z', 'Z', 'ro,z', 'rw,ro', 'nocopy', 'shared', 'rprivate', 'foo', 'ro,ro', 'ro,Z,shared', 'consistent');
    const specs = fc.oneof(
      fc.tuple(source, destination, mode).map(([s, d, m]) => [s, d, m].filter((part, i) => part !== '' || i === 1).join(':')),
      fc.tuple(destination, mode).map(([d, m]) => (m ? `${d}:${m}` : d)),
      chars('/a:roz,.', 14),
    );
    await fc.assert(
      fc.asyncProperty(specs, async (spec) => {
        if (spec.trim() === '') return;
        const problems = validateVolumes([spec], { os: 'linux', allowEngineSocket: true });
        if (problems.length === 0) {
          const { HostConfig, ...config } = buildCreateBody({ image, volumes: [spec] }, 'linux');
          const { status, message } = await engineCreate({
            ...config,
            Image: image,
            Cmd: command,
            HostConfig: { NetworkMode: 'none', Binds: HostConfig.Binds },
          });
          // One rule depends on where this engine keeps its data, which the form cannot know: a
          // bind over the daemon's root takes only rslave or rshared propagation.
          if (status === 400 && /within the daemon root/.test(message)) return;
          expect(
            status,
            `${JSON.stringify(spec)}: Silo accepts and sends ${JSON.stringify({ Binds: HostConfig.Binds, Volumes: config.Volumes })}; the engine answered ${status} ${message}`,
          ).toBe(201);
        } else {
          // As the docker CLI would send it: one part is an anonymous volume, more is a bind.
          // The engine's own parser of `-v` specs reads Binds; started too, as some checks wait for the start.
          const { status, message } = await engineCreate({ HostConfig: { Binds: [spec] } }, undefined, true);
          expect(
            status,
            `${JSON.stringify(spec)}: Silo refuses (${problems.map((p) => p.rule).join(', ')}), the engine answered ${status} ${message}`,
          ).not.toBe(201);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('port specs: Silo and the docker CLI (which parses -p) agree', async () => {
    const number = fc.oneof(fc.integer({ min: 0, max: 65535 }).map(String), fc.constantFrom('65536', '-1', 'x', '', '080', '99999'));
    const portRange = fc.oneof(
      number,
      fc.tuple(number, number).map(([a, b]) => `${a}-${b}`),
    );
    const ip = fc.constantFrom('', '127.0.0.1', '0.0.0.0', '[::1]', '::1', '256.1.1.1', 'localhost', '[fe80::1]', '1.2.3');
    const specs = fc.oneof(
      fc
        .tuple(ip, fc.option(portRange, { nil: undefined }), portRange, fc.constantFrom('', '/tcp', '/udp', '/sctp', '/TCP', '/icmp', '/'))
        .map(([address, host, container, proto]) => [address, host, container].filter((p, i) => p !== undefined && (p !== '' || i === 2)).join(':') + proto),
      chars('0189:-/tu.[]', 12),
    );
    await fc.assert(
      fc.asyncProperty(specs, async (spec) => {
        if (spec.trim() === '' || spec.startsWith('-')) return; // an empty -p, or one the CLI would read as a flag
        const problems = validatePorts([spec]);
        const silo = problems.length === 0;
        let cli = true;
        let words = '';
        try {
          const { stdout } = await exec('docker', ['create', '--label', `${LABEL}=1`, '--network', 'none', '-p', spec, image, ...command], {
            env: engine.env(),
          });
          await engineApi(engine, 'DELETE', `/v1.41/containers/${stdout.trim()}?force=1`);
        } catch (error) {
          words = String((error as { stderr?: string }).stderr ?? error);
          // Refused by the CLI's parser, not by the engine for another reason.
          cli = /Error response from daemon/.test(words) && !/port|Port/.test(words);
        }
        const where = `${JSON.stringify(spec)}: Silo ${silo ? 'accepts' : `refuses (${problems.map((p) => p.rule).join(', ')})`}; docker create -p says ${words.trim().split('\n')[0] || 'yes'}`;
        if (cli && !silo) {
          // Stricter on purpose: a container port 0 publishes nothing.
          expect(problems[0]!.rule === 'port-number' && /^0+(-\d+)?$/.test(spec.split('/')[0]!.split(':').at(-1)!), where).toBe(true);
        } else expect(cli, where).toBe(silo);
      }),
      { numRuns: 30 },
    );
  });
});
