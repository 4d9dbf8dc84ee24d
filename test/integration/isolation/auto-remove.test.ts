// Where Portainer's re-create lost data or failed (docs/security.md, "Moving a container"): an auto-remove
// container (portainer#3247) with an anonymous volume (portainer#4739) moves to gVisor; the new
// container is created before the old one removes itself, so the volume stays in use and keeps
// its data, and exactly one container holds the name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { holders, inspect, removeByPrefix, startSilo, type Silo } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `isoauto-${process.pid}-`;
let silo: Silo;

beforeAll(async () => {
  silo = await startSilo(engine);
});

afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
});

describe('an auto-remove container with an anonymous volume', () => {
  it('moves to gVisor with its data, and the old one is gone', async () => {
    const name = `${prefix}auto`;
    const id = await engine.run(['--rm', '--name', name, '-v', '/scratch', '--init']);
    await engine.docker(['exec', name, 'sh', '-c', 'echo scratch > /scratch/proof']);
    const volume = (await inspect(engine, id)).Mounts?.find((m) => m.Destination === '/scratch')?.Name;

    const advice = await silo.service.advise(id, 'runsc');
    expect(advice.keeps.notes).toContain('auto-remove');
    expect(advice.steps.map((s) => s.kind)).toEqual(['rename', 'create', 'stop', 'start', 'verify-up']);

    const report = await silo.service.move({ ids: [id], target: 'runsc' });
    expect(report.ok).toBe(true);
    expect(await holders(engine, name)).toEqual([name]);
    const now = await inspect(engine, name);
    expect(now).toMatchObject({ HostConfig: { Runtime: 'runsc', AutoRemove: true }, State: { Running: true } });
    expect(now.Mounts?.find((m) => m.Destination === '/scratch')?.Name).toBe(volume);
    expect(await engine.docker(['exec', name, 'sh', '-c', 'uname -r; cat /scratch/proof'])).toBe('4.4.0\nscratch');
  });
});
