import { describe, expect, it } from 'vitest';
import { SiloCallError } from '../../../../src/renderer/api';
import { createPlatformStore } from '../../../../src/renderer/stores/backends-platform';
import { createDaemonStore } from '../../../../src/renderer/stores/backends-daemon';
import { feedBackends, createBackendsStores } from '../../../../src/renderer/stores/backends-feed';
import { setDefaultRuntime } from '../../../../src/shared/backends';
import type { DaemonApplyResult, DesktopProgress } from '../../../../src/shared/model/backends';
import type { EventName, EventPayloads } from '../../../../src/shared/contract';
import { ENGINE, FILE, SHA_A, SHA_B, editableRead, fakeApi } from './fixtures';

const applied: DaemonApplyResult = { status: 'applied', backupPath: null, changes: [], needsRestart: [], warnings: [] };
const needsElevation: DaemonApplyResult = {
  status: 'needs-elevation',
  error: { code: 'config-permission-denied' },
  configFile: '/etc/docker/daemon.json',
  method: 'pkexec',
};

describe('the daemon.json slice', () => {
  it('loads the file into the draft, with its sha256 as the draft’s base', async () => {
    const store = createDaemonStore(fakeApi({ 'backends.daemon.read': () => editableRead() }));
    await store.getState().load(ENGINE);
    expect(store.getState()).toMatchObject({ engine: ENGINE, loading: false, draft: FILE, draftBase: SHA_A, apply: { phase: 'idle' } });
  });

  it('changes the default runtime on the sha256 it read, records the steps, reads the file again, then shows the outcome', async () => {
    let version = 0;
    const api = fakeApi({
      'backends.daemon.read': () => (version === 0 ? editableRead() : editableRead({ text: setDefaultRuntime(FILE, 'runsc'), sha256: SHA_B })),
      'backends.daemon.setDefaultRuntime': () => {
        store.getState().recordProgress({ engine: ENGINE, step: 'validate', elapsedMs: 1 });
        store.getState().recordProgress({ engine: 'unix:///other.sock', step: 'write', elapsedMs: 1 });
        store.getState().recordProgress({ engine: ENGINE, step: 'verify', elapsedMs: 2 });
        expect(store.getState().apply).toMatchObject({ phase: 'running', kind: 'runtime', steps: ['validate', 'verify'] });
        version = 1;
        return applied;
      },
    });
    const store = createDaemonStore(api);
    await store.getState().load(ENGINE);
    await store.getState().setDefaultRuntime('runsc');
    expect(api.calls.find((c) => c.name === 'backends.daemon.setDefaultRuntime')?.args).toEqual({
      engine: ENGINE,
      runtime: 'runsc',
      baseSha256: SHA_A,
      acknowledged: [],
    });
    expect(store.getState()).toMatchObject({
      apply: { phase: 'done', kind: 'runtime', result: applied, retry: null },
      draft: setDefaultRuntime(FILE, 'runsc'),
      draftBase: SHA_B,
    });
  });

  it('after needs-elevation, the elevated apply sends the same edit on the same base', async () => {
    const api = fakeApi({
      'backends.daemon.read': () => editableRead(),
      'backends.daemon.setDefaultRuntime': () => needsElevation,
      'backends.daemon.applyElevated': () => applied,
    });
    const store = createDaemonStore(api);
    await store.getState().load(ENGINE);
    await store.getState().setDefaultRuntime('runsc');
    expect(store.getState().apply).toMatchObject({
      phase: 'done',
      result: needsElevation,
      retry: { engine: ENGINE, text: setDefaultRuntime(FILE, 'runsc'), baseSha256: SHA_A, acknowledged: [] },
    });
    // Nothing was written, so the file is not read again.
    expect(api.calls.filter((c) => c.name === 'backends.daemon.read')).toHaveLength(1);
    await store.getState().applyElevated();
    expect(api.calls.at(-2)).toEqual({
      name: 'backends.daemon.applyElevated',
      args: { engine: ENGINE, text: setDefaultRuntime(FILE, 'runsc'), baseSha256: SHA_A, acknowledged: [] },
    });
    expect(store.getState().apply).toMatchObject({ phase: 'done', elevated: true, result: applied, retry: null });
  });

  it('applies the draft on the base it started from; a person’s edits survive a new read of a changed file', async () => {
    let sha = SHA_A;
    const api = fakeApi({
      'backends.daemon.read': () => editableRead({ sha256: sha }),
      'backends.daemon.apply': () => ({ status: 'refused', error: { code: 'config-changed-on-disk' }, problems: [] }),
    });
    const store = createDaemonStore(api);
    await store.getState().load(ENGINE);
    store.getState().setDraft('{"debug": true}');
    sha = SHA_B;
    await store.getState().load(ENGINE);
    expect(store.getState()).toMatchObject({ draft: '{"debug": true}', draftBase: SHA_A });
    await store.getState().applyDraft();
    expect(api.calls.find((c) => c.name === 'backends.daemon.apply')?.args).toEqual({
      engine: ENGINE,
      text: '{"debug": true}',
      baseSha256: SHA_A,
      acknowledged: [],
    });
    store.getState().resetDraft();
    expect(store.getState()).toMatchObject({ draft: FILE, draftBase: SHA_B });
  });

  it('keeps the server’s check only for the text it checked; a failed call is shown as an error', async () => {
    const api = fakeApi({
      'backends.daemon.read': () => editableRead(),
      'backends.daemon.validate': () => ({ problems: [{ code: 'runtime-path-missing' }], changes: [] }),
      'backends.daemon.apply': () => new SiloCallError({ code: 'config-not-editable', params: { reason: 'remote' } }),
    });
    const store = createDaemonStore(api);
    await store.getState().load(ENGINE);
    store.getState().setDraft('{}');
    await store.getState().checkOnServer();
    expect(store.getState().serverCheck).toMatchObject({ text: '{}', problems: [{ code: 'runtime-path-missing' }] });
    await store.getState().applyDraft();
    expect(store.getState().apply).toEqual({
      phase: 'error',
      kind: 'file',
      engine: ENGINE,
      error: { code: 'config-not-editable', params: { reason: 'remote' } },
    });
    store.getState().dismissOutcome();
    expect(store.getState().apply).toEqual({ phase: 'idle' });
  });

  it('another engine starts afresh; a locked engine has no draft', async () => {
    const api = fakeApi({
      'backends.daemon.read': (args: { engine: string }) =>
        args.engine === ENGINE ? editableRead() : { editable: false, engine: args.engine, reason: 'remote' },
    });
    const store = createDaemonStore(api);
    await store.getState().load(ENGINE);
    store.getState().setDraft('{"debug": true}');
    await store.getState().load('tcp://10.0.0.2:2376');
    expect(store.getState()).toMatchObject({ engine: 'tcp://10.0.0.2:2376', read: { editable: false, reason: 'remote' }, draft: '', draftBase: null });
  });
});

describe('the backends slice', () => {
  it('asks one engine for its default isolation, showing that it asks', async () => {
    let release: (value: unknown) => void = () => undefined;
    const api = fakeApi({ 'engines.describe': () => new Promise((resolve) => (release = resolve)) });
    const store = createPlatformStore(api);
    const asked = store.getState().describe('tcp://h:2376');
    expect(store.getState().defaults.get('tcp://h:2376')).toEqual({ asking: true });
    const answer = { id: 'tcp://h:2376', osType: 'linux', defaultRuntime: 'runc', defaultIsolation: null, rung: 'shared-kernel', error: null };
    release(answer);
    await asked;
    expect(store.getState().defaults.get('tcp://h:2376')).toEqual({ asking: false, value: answer });
  });

  it('adds a remote engine, then lists the contexts again; a refusal is kept to be worded', async () => {
    const context = { name: 'lab', description: null, host: 'ssh://me@lab', tls: false, createdBySilo: true, current: false };
    const api = fakeApi({
      'engines.addRemote': (input: { name: string }) =>
        input.name === 'lab'
          ? { status: 'done', context, backupPath: null }
          : { status: 'refused', error: { code: 'context-exists', params: { name: input.name } } },
      'engines.contexts': () => [context],
    });
    const store = createPlatformStore(api);
    expect(await store.getState().addRemote({ name: 'lab', host: 'ssh://me@lab' })).toBe(true);
    expect(store.getState()).toMatchObject({ contexts: [context], adding: false, addOutcome: { status: 'done' } });
    expect(await store.getState().addRemote({ name: 'other', host: 'ssh://me@lab' })).toBe(false);
    expect(store.getState().addOutcome).toEqual({ status: 'refused', error: { code: 'context-exists', params: { name: 'other' } } });
  });

  it('follows a Docker Desktop switch through its progress events to its outcome, then reads the state again', async () => {
    const stores = createBackendsStores(
      fakeApi({
        'backends.desktop.switchBackend': (args) => {
          expect(args).toEqual({ target: 'hyperv', dataDoesNotCarryOver: true });
          emit('backends.desktop.progress', { phase: 'waiting', elapsedMs: 3000, operation: 'backend', target: 'hyperv' });
          emit('backends.desktop.progress', { phase: 'waiting', elapsedMs: 3000, operation: 'containers', target: 'windows' });
          expect(stores.platform.getState().desktopSwitch).toMatchObject({ phase: 'running', progress: { phase: 'waiting', operation: 'backend' } });
          return { status: 'switched', backupPath: null, restart: 'desktop-cli' };
        },
        'backends.desktop.state': () => ({ installed: true }),
      }),
    );
    const listeners = new Map<EventName, (payload: never) => void>();
    const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => listeners.get(event)?.(payload as never);
    const off = feedBackends({ on: (event, listener) => (listeners.set(event, listener as (payload: never) => void), () => listeners.delete(event)) }, stores);
    await stores.platform.getState().switchBackend('hyperv');
    expect(stores.platform.getState()).toMatchObject({ desktopSwitch: { phase: 'done', result: { status: 'switched' } }, desktop: { installed: true } });
    off();
    expect(listeners.size).toBe(0);
    const progress: DesktopProgress = { phase: 'done', elapsedMs: 0, operation: 'backend', target: 'wsl2' };
    stores.platform.getState().recordDesktopProgress(progress);
    expect(stores.platform.getState().desktopSwitch.phase).toBe('done');
  });
});
