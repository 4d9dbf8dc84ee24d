// The create form's rules (src/shared/validate) under random input, without an engine:
// - none throws, whatever the string; each problem names a field of the form, in order;
// - the engine's socket is found however its path is spelled (`./`, `//`, `x/..`, a trailing
//   `/` or `/.`): the engine cleans a bind's source before mounting it, so the consent check must
//   read it the same way (before this test, `/var/./run` and `…/docker.sock/.` went through).
// test/integration/reliability/validators-vs-engine.test.ts holds the same rules against dockerd.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEngineSocketSource, mountsEngineSocket } from '../../../src/shared/isolation/socket-mount';
import { validateCreateSpec } from '../../../src/shared/validate/create-spec';
import { validateContainerName, validateNetworkName } from '../../../src/shared/validate/names';
import { validateImageReference } from '../../../src/shared/validate/image-ref';
import { validatePorts } from '../../../src/shared/validate/ports';
import { validateEnv, validateLabels } from '../../../src/shared/validate/env';
import { validateVolumes } from '../../../src/shared/validate/volumes';
import { validateCpus, validateMemory } from '../../../src/shared/validate/resources';

/** Strings with the characters these grammars care about, and anything else. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'aZ09/:.-_@=[], \\\t\0%'.split('')), maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('every rule of the create form, under random strings', () => {
  it('never throws, and names the field it was given (with the index of a list entry)', () => {
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), (one, many) => {
        for (const [problems, field] of [
          [validateContainerName(one), 'name'],
          [validateNetworkName(one), 'network'],
          [validateImageReference(one), 'image'],
          [validateMemory(one), 'memory'],
          [validateCpus(one, 2), 'cpus'],
        ] as const) {
          for (const p of problems) expect(p.field).toBe(field);
        }
        for (const [problems, field] of [
          [validatePorts(many), 'ports'],
          [validateEnv(many), 'env'],
          [validateLabels(many), 'labels'],
          [validateVolumes(many), 'volumes'],
        ] as const) {
          for (const p of problems) expect(p.field).toMatch(new RegExp(`^${field}\\.\\d+$`));
          for (const p of problems) expect(Number(p.field.split('.')[1])).toBeLessThan(many.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the whole form: never throws, every problem on a field of the form', () => {
    const form = fc.record(
      {
        image: text,
        name: text,
        command: fc.array(text, { maxLength: 3 }),
        env: fc.array(text, { maxLength: 3 }),
        ports: fc.array(text, { maxLength: 3 }),
        volumes: fc.array(text, { maxLength: 3 }),
        network: text,
        memory: text,
        cpus: text,
        labels: fc.array(text, { maxLength: 3 }),
        isolation: text,
      },
      { requiredKeys: ['image'] },
    );
    const fields = new Set([
      'image',
      'name',
      'command',
      'entrypoint',
      'env',
      'ports',
      'volumes',
      'network',
      'restart',
      'memory',
      'cpus',
      'labels',
      'isolation',
    ]);
    fc.assert(
      fc.property(form, fc.constantFrom<'linux' | 'windows' | undefined>('linux', 'windows', undefined), (spec, os) => {
        for (const p of validateCreateSpec(spec, os ? { os, runtimes: ['runc', 'runsc'], cpus: 2 } : {})) expect(fields.has(p.field.split('.')[0]!)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

/** A path spelled another way that the engine (Go's filepath.Clean) reads as the same path. */
function respelled(path: string): fc.Arbitrary<string> {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return fc.constantFrom('/', '//', '/.', '/./', '/x/..', '/a/b/../..');
  const detour = fc.constantFrom('.', '', 'x/..', 'a/b/../..', './.');
  return fc
    .tuple(
      fc.array(fc.option(detour, { nil: undefined }), { minLength: segments.length + 1, maxLength: segments.length + 1 }),
      fc.constantFrom('', '/', '/.', '/./', '//'),
    )
    .map(([extras, tail]) => {
      const out: string[] = [''];
      segments.forEach((segment, i) => {
        if (extras[i] !== undefined) out.push(extras[i]!);
        out.push(segment);
      });
      if (extras[segments.length] !== undefined) out.push(extras[segments.length]!);
      return out.join('/') + tail;
    });
}

const SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/home/me/.docker/run/docker.sock',
  '/run/podman/podman.sock',
  '/tmp/silo-e-x/docker.sock',
  '/run',
  '/var/run',
  '/',
];
const NOT_SOCKETS = ['/var/lib/docker', '/tmp/data', '/srv/docker.socket', '/home/me/docker.sock.bak', '/run/user'];

describe("the engine's socket, however its path is spelled", () => {
  it('is recognised in a bind source, and refused in the create form without consent', () => {
    const cases = fc.oneof(
      ...SOCKETS.map((p) => respelled(p).map((spelled) => ({ spelled, socket: true }))),
      ...NOT_SOCKETS.map((p) => respelled(p).map((spelled) => ({ spelled, socket: false }))),
    );
    fc.assert(
      fc.property(cases, ({ spelled, socket }) => {
        expect(isEngineSocketSource(spelled), spelled).toBe(socket);
        const rules = validateVolumes([`${spelled}:/mnt/x`], { os: 'linux' }).map((p) => p.rule);
        expect(rules.includes('engine-socket'), spelled).toBe(socket);
        expect(validateVolumes([`${spelled}:/mnt/x`], { os: 'linux', allowEngineSocket: true }).map((p) => p.rule)).not.toContain('engine-socket');
        expect(mountsEngineSocket({ HostConfig: { Binds: [`${spelled}:/mnt/x`] } } as never)).toBe(socket);
        expect(mountsEngineSocket({ HostConfig: { Mounts: [{ Type: 'bind', Source: spelled, Target: '/mnt/x' }] } } as never)).toBe(socket);
      }),
      { numRuns: 3000 },
    );
  });

  it('the spellings that went through before the fix are refused', () => {
    for (const spelled of ['/var/./run', '/run/.', '/tmp/silo-e-x/docker.sock/.', '/var/run/x/../docker.sock/.']) {
      expect(
        validateVolumes([`${spelled}:/mnt/x`], { os: 'linux' }).map((p) => p.rule),
        spelled,
      ).toContain('engine-socket');
    }
  });
});
