// A container whose writable layer holds changes is not moved until the person chooses, and with
// "keep" its files are in the new container. A compose-like group (one com.docker.compose.project
// label) moves all or nothing: when one member cannot come up under gVisor, every member is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SiloFailure } from '../../../src/shared/errors';
import { TestEngine } from '../../support/test-engine';
import { holders, inspect, removeByPrefix, startSilo, type Silo } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `isogroup-${process.pid}-`;
const project = `${prefix}shop`;
let silo: Silo;

beforeAll(async () => {
  silo = await startSilo(engine);
});

afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
  const images = await engine.docker(['images', '-q', 'silo-keep/*']).catch(() => '');
  if (images) await engine.docker(['rmi', '-f', ...new Set(images.split('\n'))]).catch(() => undefined);
});

describe('the writable layer', () => {
  it('of a fresh container is unchanged (the engine answers JSON null): no question, and the move needs no choice', async () => {
    const name = `${prefix}fresh`;
    const id = await engine.docker(['create', '--name', name, '--network', 'none', 'silo-test/busybox:latest', 'sleep', '3600']);
    const advice = await silo.service.advise(id, 'runsc');
    expect(advice.writableLayer).toMatchObject({ changed: false, count: 0, choiceRequired: false });
    const report = await silo.service.move({ ids: [id], target: 'runsc' });
    expect(report.groups[0]?.containers[0]).toMatchObject({ outcome: 'moved' });
    expect(await inspect(engine, name)).toMatchObject({ State: { Status: 'created' }, HostConfig: { Runtime: 'runsc' } });
  });

  it('holds changes: the move is refused and nothing changes until the person chooses; keep carries the files over', async () => {
    const name = `${prefix}notes`;
    const id = await engine.run(['--name', name, '--init']);
    await engine.docker(['exec', name, 'sh', '-c', 'mkdir /srv && echo kept > /srv/notes']);

    const advice = await silo.service.advise(id, 'runsc');
    expect(advice.writableLayer).toMatchObject({ changed: true, choiceRequired: true });
    expect(advice.writableLayer.sample.map((c) => c.path)).toEqual(expect.arrayContaining(['/srv', '/srv/notes']));

    const refusal = await silo.service.move({ ids: [id], target: 'runsc' }).catch((e: unknown) => e);
    expect((refusal as SiloFailure).error).toMatchObject({ code: 'writable-layer-choice-required', params: { name } });
    expect(await holders(engine, name)).toEqual([name]);
    expect(await inspect(engine, name)).toMatchObject({ Id: id, State: { Running: true }, HostConfig: { Runtime: 'runc' } });

    const report = await silo.service.move({ ids: [id], target: 'runsc', choices: { [id]: 'keep' } });
    expect(report.ok).toBe(true);
    const kept = report.groups[0]?.containers[0]?.keptImage;
    expect(kept).toMatch(/^silo-keep\//);
    expect(await engine.docker(['exec', name, 'sh', '-c', 'uname -r; cat /srv/notes'])).toBe('4.4.0\nkept');
    expect((await inspect(engine, name)).Config.Image).toBe(kept);
  });
});

describe('a compose project, all or nothing', () => {
  // Healthy on the host's kernel, unhealthy under gVisor: a real reason for a member not to come up.
  const notOnGvisor = ['--health-cmd', '[ "$(uname -r)" != 4.4.0 ]', '--health-interval', '1s', '--health-retries', '1', '--health-timeout', '5s'];
  const member = (service: string, extra: string[] = []): Promise<string> =>
    engine.run([
      '--name',
      `${prefix}${service}`,
      '--init',
      '-l',
      `com.docker.compose.project=${project}`,
      '-l',
      `com.docker.compose.service=${service}`,
      ...extra,
    ]);

  it('one member cannot come up: the members already moved are moved back', async () => {
    const api = await member('api');
    const web = await member('web', notOnGvisor);
    for (let i = 0; i < 100 && (await inspect(engine, web)).State.Health?.Status !== 'healthy'; i++) await new Promise((r) => setTimeout(r, 100));

    const report = await silo.service.move({ project, target: 'runsc' });
    expect(report.ok).toBe(false);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]?.containers.map((c) => [c.name, c.outcome, c.failedStep])).toEqual([
      [`${prefix}api`, 'restored', null],
      [`${prefix}web`, 'restored', 'verify-up'],
    ]);
    for (const [name, id] of [
      [`${prefix}api`, api],
      [`${prefix}web`, web],
    ] as const) {
      expect(await holders(engine, name)).toEqual([name]);
      expect(await inspect(engine, name)).toMatchObject({ Id: id, State: { Running: true }, HostConfig: { Runtime: 'runc' } });
    }
  });

  it('every member can: all are moved, and the old ones removed', async () => {
    await engine.docker(['rm', '-f', `${prefix}web`]);
    await member('db');
    const report = await silo.service.move({ project, target: 'runsc' });
    expect(report.ok).toBe(true);
    for (const service of ['api', 'db']) {
      expect(await holders(engine, `${prefix}${service}`)).toEqual([`${prefix}${service}`]);
      expect(await engine.docker(['exec', `${prefix}${service}`, 'uname', '-r'])).toBe('4.4.0');
    }
  });
});
