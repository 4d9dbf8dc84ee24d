// A compose project with one member already on the target: the others move (all or nothing), the
// one already there stays as it is and is reported so; its advice has nothing that stops the rest.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { holders, inspect, removeByPrefix, startSilo, type Silo } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `isothere-${process.pid}-`;
const project = `${prefix}shop`;
let silo: Silo;

beforeAll(async () => {
  silo = await startSilo(engine);
});

afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
});

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

describe('a member already on the target', () => {
  it('stays as it is while the rest of its project moves', async () => {
    const api = await member('api');
    const db = await member('db', ['--runtime', 'runsc']);
    // The one already there may even hold changes: it is not touched, so nothing is asked of it.
    await engine.docker(['exec', `${prefix}db`, 'sh', '-c', 'echo x > /note']);

    const advice = await silo.service.advise(db, 'runsc');
    expect(advice).toMatchObject({ alreadyThere: true, blockers: [] });
    expect((await silo.service.advise(api, 'runsc')).alreadyThere).toBe(false);

    const report = await silo.service.move({ project, target: 'runsc' });
    expect(report.ok).toBe(true);
    const outcomes = Object.fromEntries(report.groups.flatMap((g) => g.containers.map((c) => [c.name, c.outcome])));
    expect(outcomes).toEqual({ [`${prefix}api`]: 'moved', [`${prefix}db`]: 'already-there' });
    expect(await inspect(engine, `${prefix}api`)).toMatchObject({ HostConfig: { Runtime: 'runsc' }, State: { Running: true } });
    // The same container, untouched.
    expect(await inspect(engine, `${prefix}db`)).toMatchObject({ Id: db, HostConfig: { Runtime: 'runsc' }, State: { Running: true } });
    expect(await holders(engine, `${prefix}db`)).toEqual([`${prefix}db`]);
  });

  it('a selection where every member is already there changes nothing and says so', async () => {
    const db = (await inspect(engine, `${prefix}db`)).Id;
    const report = await silo.service.move({ ids: [db], target: 'runsc' });
    expect(report.ok).toBe(true);
    expect(report.groups[0]?.containers.map((c) => c.outcome)).toEqual(['already-there']);
    expect((await inspect(engine, `${prefix}db`)).Id).toBe(db);
  });
});
