// Consent for every root-equivalent choice, on the real private engine: a symlink under another
// name to that engine's own socket is followed (as the engine follows it) and refused without the
// person's consent, nothing reaching the engine; with consent the container is made, really sees
// the socket, and its row is marked. The engine's data root, /etc, /proc/self/root spellings and
// another container's namespace are refused the same way.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDispatch } from '../../../src/main/host/dispatch';
import { SessionHub } from '../../../src/main/host/sessions';
import { PreferencesStore } from '../../../src/main/preferences/store';
import type { ContainerSummary } from '../../../src/shared/model/container';
import { TestEngine, TEST_IMAGE } from '../../support/test-engine';
import { waitFor } from '../engine/helpers';
import { inspect, removeByPrefix, startSilo, type Silo } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `rootconsent-${process.pid}-`;
let silo: Silo;
let call: ReturnType<typeof createDispatch>;
let links: string;

beforeAll(async () => {
  silo = await startSilo(engine);
  const hub = new SessionHub(silo.recorded.manager, new PreferencesStore(silo.configDir), silo.service);
  call = createDispatch(hub.open(() => undefined).handlers);
  links = mkdtempSync(join(tmpdir(), 'silo-links-'));
  symlinkSync(engine.socketPath, join(links, 'innocent'));
});

afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
  rmSync(links, { recursive: true, force: true });
});

type Reply = Awaited<ReturnType<typeof call>>;
const errorOf = (reply: Reply) => (reply.ok ? null : reply.error);
function idOf(reply: Reply): string {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return (reply.result as { id: string }).id;
}
const names = async (filter: string) => engine.docker(['ps', '-aq', '--filter', `name=${prefix}${filter}`]);

async function row(id: string): Promise<ContainerSummary> {
  let found: ContainerSummary | undefined;
  await waitFor('the row with its inspect', () => (found = silo.recorded.manager.containers().find((c) => c.id === id))?.isolation != null, 20_000);
  return found!;
}

describe('a symlink to the engine’s own socket', () => {
  const spec = () => ({ image: TEST_IMAGE, name: `${prefix}link`, command: ['sh', '-c', 'test -S /s'], network: 'none', volumes: [`${links}/innocent:/s`] });

  it('is followed and refused without consent, naming it, before anything reaches the engine', async () => {
    const reply = await call('containers.create', spec());
    expect(reply.ok).toBe(false);
    expect(errorOf(reply)).toMatchObject({
      code: 'consent-needed',
      field: 'acknowledged',
      params: { count: 1, settings: `${links}/innocent:/s`, 'code.0': 'engine-socket', 'path.0': engine.socketPath },
    });
    expect(await names('link')).toBe('');
    // Consent to something else is not consent to this.
    expect(errorOf(await call('containers.create', { ...spec(), acknowledged: ['host-etc'] }))?.code).toBe('consent-needed');
    expect(await names('link')).toBe('');
  });

  it('is made with consent, the engine mounts the socket through it, and the row is marked', async () => {
    const reply = await call('containers.create', { ...spec(), acknowledged: ['engine-socket'], start: true });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    const id = idOf(reply);
    for (let i = 0; i < 400 && (await inspect(engine, id)).State.Status !== 'exited'; i++) await new Promise((r) => setTimeout(r, 50));
    // `test -S /s` exited 0: what the engine mounted is the socket, not a link.
    expect((await inspect(engine, id)).State.ExitCode).toBe(0);
    const marked = await row(id);
    expect(marked.rootAccess).toContainEqual({ code: 'engine-socket', setting: `${links}/innocent:/s`, path: engine.socketPath });
    expect(marked.mountsEngineSocket).toBe(true);
  });
});

describe('the other root-equivalent choices', () => {
  it('the engine’s data root (DockerRootDir), /etc, another container’s network: each refused, then made with its consent', async () => {
    const info = JSON.parse(await engine.docker(['info', '--format', '{{json .}}'])) as { DockerRootDir: string };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['data', { volumes: [`${info.DockerRootDir}:/d:ro`] }, 'data-root'],
      ['etc', { volumes: ['/etc:/host-etc:ro'] }, 'host-etc'],
      ['procroot', { volumes: ['/proc/self/root/etc/:/e'] }, 'host-etc'],
    ];
    for (const [name, extra, code] of cases) {
      const spec = { image: TEST_IMAGE, name: `${prefix}${name}`, command: ['true'], network: 'none', ...extra };
      const refused = await call('containers.create', spec);
      expect(errorOf(refused), name).toMatchObject({ code: 'consent-needed', params: { 'code.0': code } });
      expect(await names(name)).toBe('');
      const made = await call('containers.create', { ...spec, acknowledged: [code] });
      expect(made.ok, JSON.stringify(made)).toBe(true);
      expect((await row(idOf(made))).rootAccess.map((f) => f.code)).toContain(code);
    }
  });

  it('container:<id> as the network: refused without consent, marked once made', async () => {
    const host = await call('containers.create', { image: TEST_IMAGE, name: `${prefix}ns-host`, command: ['sleep', '60'], network: 'none', start: true });
    expect(host.ok, JSON.stringify(host)).toBe(true);
    const spec = { image: TEST_IMAGE, name: `${prefix}ns-guest`, command: ['true'], network: `container:${idOf(host)}` };
    expect(errorOf(await call('containers.create', spec))).toMatchObject({ code: 'consent-needed', params: { 'code.0': 'network-container' } });
    const made = await call('containers.create', { ...spec, acknowledged: ['network-container'] });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    expect((await row(idOf(made))).rootAccess.map((f) => f.code)).toEqual(['network-container']);
    // The container it joined has nothing of the kind.
    expect((await row(idOf(host))).rootAccess).toEqual([]);
  });

  it('a named volume that is a bind of /etc in disguise (local driver, o=bind) is followed to /etc', async () => {
    const volume = `${prefix}etcvol`;
    await engine.docker(['volume', 'create', '--opt', 'type=none', '--opt', 'o=bind', '--opt', 'device=/etc', volume]);
    try {
      const spec = { image: TEST_IMAGE, name: `${prefix}disguised`, command: ['true'], network: 'none', volumes: [`${volume}:/v:ro`] };
      expect(errorOf(await call('containers.create', spec))).toMatchObject({
        code: 'consent-needed',
        params: { 'code.0': 'host-etc', 'setting.0': `${volume}:/v:ro` },
      });
      expect(await names('disguised')).toBe('');
      expect((await call('containers.create', { ...spec, acknowledged: ['host-etc'] })).ok).toBe(true);
    } finally {
      await removeByPrefix(engine, `${prefix}disguised`);
      await engine.docker(['volume', 'rm', volume]).catch(() => undefined);
    }
  });

  it('a container made outside Silo with --privileged and --pid host is marked too', async () => {
    const id = await engine.docker(['create', '--name', `${prefix}priv`, '--privileged', '--pid', 'host', '--network', 'none', TEST_IMAGE, 'true']);
    expect((await row(id.trim())).rootAccess.map((f) => f.code)).toEqual(['pid-host', 'privileged']);
  });
});
