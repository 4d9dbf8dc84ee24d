// The service: one move at a time, a second move of a container already moving is refused,
// progress is forwarded, and a journal left by an earlier Silo is recovered on connecting.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IsolationService } from '../../../../src/main/isolation/service';
import { SimulatedCrash } from '../../../../src/main/isolation/hooks';
import type { FaultHooks } from '../../../../src/main/isolation/hooks';
import type { EngineSnapshot } from '../../../../src/shared/model/engine';
import { SiloFailure } from '../../../../src/shared/errors';
import { FakeEngine } from './fake-engine';
import { ENDPOINT, FAST } from './support';

function serviceOn(fake: FakeEngine, configDir: string, hooks: FaultHooks = {}, initial: 'connected' | 'reconnecting' = 'connected') {
  let phase = initial;
  const listeners = new Set<(s: EngineSnapshot) => void>();
  const snapshot = (): EngineSnapshot => ({
    endpoint: { id: ENDPOINT, name: 'fake', host: ENDPOINT, source: 'docker-host', flavor: null, tls: false, active: true },
    connection: { phase, error: null, apiVersion: '1.41', attempt: 0, nextAttemptAt: null },
    info: null,
  });
  const engine = {
    operations: () => (phase === 'connected' ? fake.ops((id) => (id.startsWith('bbbbbbbb') ? 'new' : 'old')) : null),
    snapshot,
    on: (_event: 'engine', listener: (s: EngineSnapshot) => void) => (listeners.add(listener), () => listeners.delete(listener)),
  } as unknown as ConstructorParameters<typeof IsolationService>[0]['engine'];
  const service = new IsolationService({ engine, configDir, hooks, verify: FAST, log: () => undefined });
  const setPhase = (next: typeof phase): void => {
    phase = next;
    for (const l of listeners) l(snapshot());
  };
  return { service, setPhase };
}

describe('the isolation service', () => {
  it('refuses a second move of a container that is moving, and forwards progress', async () => {
    const fake = new FakeEngine();
    const web = fake.add('web');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { service } = serviceOn(fake, mkdtempSync(join(tmpdir(), 'silo-s-')), { before: (p) => (p.step === 'stop' ? gate : undefined) });
    const seen: string[] = [];
    service.on('progress', (p) => seen.push(`${p.step}:${p.status}`));
    const first = service.move({ ids: [web.Id], target: 'runsc', operationId: 'first-move', acknowledged: [web.Id] });
    await new Promise((r) => setTimeout(r, 20));
    const second = await service.move({ ids: [web.Id.slice(0, 12)], target: 'runsc' }).catch((e: unknown) => e);
    expect((second as SiloFailure).error.code).toBe('operation-in-progress');
    release();
    expect((await first).ok).toBe(true);
    expect(seen.at(0)).toBe('stop:running');
    expect(seen.at(-1)).toBe('moved:done');
  });

  it('on connecting, finishes or undoes what an earlier Silo left in its journal, and says so', async () => {
    const fake = new FakeEngine();
    const web = fake.add('web');
    const dir = mkdtempSync(join(tmpdir(), 'silo-s-'));
    const crashing = serviceOn(fake, dir, {
      after: (p) => {
        if (p.step === 'rename') throw new SimulatedCrash();
      },
    });
    await expect(crashing.service.move({ ids: [web.Id], target: 'runsc', acknowledged: [web.Id] })).rejects.toBeInstanceOf(SimulatedCrash);
    crashing.service.close();
    expect(fake.names()).toEqual([`web-silo-old-${web.Id.slice(0, 12)}`]);

    const next = serviceOn(fake, dir, {}, 'reconnecting');
    const told = new Promise((resolve) => next.service.on('recovered', resolve));
    next.setPhase('connected');
    expect(await told).toMatchObject({ ok: true, containers: [{ name: 'web', outcome: 'original' }] });
    expect(fake.names()).toEqual(['web']);
    expect(next.service.recovered()).toHaveLength(1);
    expect(next.service.journal.list()).toEqual([]);
  });
});
