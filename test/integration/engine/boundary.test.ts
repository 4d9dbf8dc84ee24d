// The effective boundary of containers made on the real private engine with each weakening of
// issue 14, and a locked-down one: the row Silo builds from each inspect says what is true.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Boundary } from '../../../src/shared/model/boundary';
import { TestEngine, TEST_IMAGE } from '../../support/test-engine';
import { managerFor, waitFor, type Recorded } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `boundary-${process.pid}-`;
let silo: Recorded;

beforeAll(async () => {
  silo = managerFor(engine.dockerHost);
  await silo.manager.start();
});

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
});

async function made(name: string, flags: string[]): Promise<Boundary> {
  const id = (await engine.docker(['create', '--name', `${prefix}${name}`, '--network', 'none', ...flags, TEST_IMAGE, 'true'])).trim();
  return waitFor(`boundary of ${name}`, () => silo.manager.containers().find((c) => c.id === id && c.boundary)?.boundary, 20_000);
}
const weakening = (b: Boundary, code: string) => b.findings.find((f) => f.code === code && f.effect === 'weakens');

describe('the boundary of each container', () => {
  it('--privileged on runc reaches the host, critically', async () => {
    const b = await made('priv', ['--privileged']);
    expect(b).toMatchObject({ rung: 'shared-kernel', verdict: 'weakened', worst: 'critical', privileged: true, reachesEngine: false });
    expect(weakening(b, 'privileged')).toMatchObject({ reach: 'host', severity: 'critical' });
  });

  it('--privileged under runsc stays inside gVisor', async () => {
    const b = await made('priv-runsc', ['--runtime', 'runsc', '--privileged']);
    expect(b.rung).toBe('user-space-kernel');
    expect(weakening(b, 'privileged')).toMatchObject({ reach: 'sandbox', severity: 'low' });
    expect(b.verdict).not.toBe('weakened');
  });

  it('--pid host, --cap-add SYS_ADMIN, seccomp unconfined', async () => {
    expect(weakening(await made('pid', ['--pid', 'host']), 'root:pid-host')).toMatchObject({ reach: 'host', severity: 'high' });
    expect(weakening(await made('cap', ['--cap-add', 'SYS_ADMIN']), 'cap-add')).toMatchObject({ detail: 'SYS_ADMIN', severity: 'critical' });
    expect(weakening(await made('seccomp', ['--security-opt', 'seccomp=unconfined']), 'seccomp-unconfined')).toMatchObject({ severity: 'high' });
  });

  it('-v /:/host gives the host files', async () => {
    const b = await made('root', ['-v', '/:/host']);
    expect(weakening(b, 'root:host-root')).toMatchObject({ reach: 'host', severity: 'critical', setting: '/:/host' });
  });

  it("the private engine's own socket, bound with -v and mounted with --mount, reaches the engine", async () => {
    const bound = await made('sock-bind', ['-v', `${engine.socketPath}:/d.sock`]);
    const mounted = await made('sock-mount', ['--mount', `type=bind,source=${engine.socketPath},target=/d.sock`]);
    for (const b of [bound, mounted]) {
      expect(b.reachesEngine).toBe(true);
      expect(weakening(b, 'root:engine-socket')).toMatchObject({ reach: 'engine', severity: 'critical' });
    }
  });

  it('a locked-down container is strengthened by each of its settings', async () => {
    const b = await made('locked', [
      '--read-only',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--user',
      '1000',
      '--memory',
      '64m',
      '--pids-limit',
      '64',
    ]);
    expect(b.verdict).toBe('strengthened');
    expect(b.worst).toBeNull();
    expect(b.findings.map((f) => f.code).sort()).toEqual(['cap-drop-all', 'no-new-privileges', 'non-root-user', 'read-only-rootfs']);
  });
});
