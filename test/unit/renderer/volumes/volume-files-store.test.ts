// The page's side of a volume's files: a folder read, a save taken piece by piece (each piece
// acknowledged, the bytes handed over only at the end), a cancelled save that hands over nothing,
// and an import into a full volume that asks Silo with the person's choice.
import { describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../../../src/shared/contract';
import type { StreamData } from '../../../../src/shared/model/stream';
import type { CallPort } from '../../../../src/renderer/stores/api-port';
import { createStreamHub } from '../../../../src/renderer/stores/streams';
import { createVolumeFilesStore } from '../../../../src/renderer/stores/volume-files';
import { createVolumeImportStore } from '../../../../src/renderer/stores/volume-import';
import { SiloCallError } from '../../../../src/renderer/api';

function fakeApi(handlers: Partial<Record<CallName, (args: unknown) => unknown>>) {
  const calls: Array<{ name: CallName; args: unknown }> = [];
  const api: CallPort = {
    call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
      calls.push({ name, args });
      const handler = handlers[name];
      if (!handler) return Promise.reject(new SiloCallError({ code: 'unknown-call' }));
      return Promise.resolve(handler(args) as CallResult<N>);
    },
  };
  return { api, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const piece = (text: string, bytes: number, files: number): Omit<Extract<StreamData, { kind: 'archive' }>, 'streamId'> => ({
  kind: 'archive',
  data: btoa(text),
  bytes,
  files,
});

describe('a volume’s files in the page', () => {
  it('reads a folder, then saves a file from its pieces, acknowledging each', async () => {
    const { api, calls } = fakeApi({
      'volumes.browse': () => ({ volume: 'v', path: '', entries: [], helperImage: 'busybox', liveUsers: [] }),
      'volumes.download': () => ({ streamId: 's1', fileName: 'f.txt', kind: 'file', size: 6 }),
    });
    const hub = createStreamHub(api);
    const acked: number[] = [];
    const store = createVolumeFilesStore(api, hub, { consumed: (d) => acked.push(d.streamId.length), consumedBytes: () => undefined, flush: () => undefined });
    store.getState().open('v');
    await tick();
    expect(store.getState().listing).toMatchObject({ state: 'done', value: { helperImage: 'busybox' } });

    const delivered: Array<{ text: string; name: string }> = [];
    const done = store
      .getState()
      .download('f.txt', false, (parts, name) => delivered.push({ text: parts.map((p) => new TextDecoder().decode(p)).join(''), name }));
    await tick();
    hub.dispatchData({ streamId: 's1', ...piece('hel', 3, 1) });
    hub.dispatchData({ streamId: 's1', ...piece('lo\n', 6, 1) });
    expect(store.getState().save).toMatchObject({ phase: 'running', bytes: 6, files: 1, fileName: 'f.txt' });
    expect(delivered).toEqual([]);
    hub.dispatchEnd({ streamId: 's1', error: null });
    await done;
    expect(acked).toHaveLength(2);
    expect(delivered).toEqual([{ text: 'hello\n', name: 'f.txt' }]);
    expect(store.getState().save?.phase).toBe('done');
    expect(calls.find((c) => c.name === 'volumes.download')?.args).toEqual({ name: 'v', path: 'f.txt' });
  });

  it('cancels a save: Silo is told, nothing is handed over', async () => {
    const { api, calls } = fakeApi({
      'volumes.browse': () => ({ volume: 'v', path: '', entries: [], helperImage: 'busybox', liveUsers: [] }),
      'volumes.download': () => ({ streamId: 's2', fileName: 'v.tar.gz', kind: 'tar', size: null }),
      'stream.close': () => null,
    });
    const hub = createStreamHub(api);
    const store = createVolumeFilesStore(api, hub, { consumed: () => undefined, consumedBytes: () => undefined, flush: () => undefined });
    store.getState().open('v');
    let delivered = false;
    const done = store.getState().download('', true, () => (delivered = true));
    await tick();
    hub.dispatchData({ streamId: 's2', ...piece('abc', 3, 2) });
    store.getState().cancelSave();
    hub.dispatchEnd({ streamId: 's2', error: null });
    await done;
    expect(calls.map((c) => c.name)).toContain('stream.close');
    expect(calls.find((c) => c.name === 'volumes.download')?.args).toEqual({ name: 'v', path: '', gzip: true });
    expect(delivered).toBe(false);
    expect(store.getState().save?.phase).toBe('cancelled');
  });

  it('imports into a full volume only with the person’s choice, and keeps the backup’s name', async () => {
    const { api, calls } = fakeApi({
      'volumes.import.open': () => ({ streamId: 's3' }),
      'volumes.import.chunk': (args) => ({ received: atob((args as { data: string }).data).length }),
      'volumes.import.finish': () => ({ volume: 'v', backup: 'v-backup-20261202T145900Z', files: 3, bytes: 5 }),
    });
    const store = createVolumeImportStore(api);
    await store.getState().start(new Blob(['hello']), { name: 'v', into: 'existing', mode: 'merge' });
    expect(calls[0]).toEqual({ name: 'volumes.import.open', args: { name: 'v', into: 'existing', mode: 'merge', size: 5 } });
    expect(store.getState().run).toMatchObject({ phase: 'done', sent: 5, result: { backup: 'v-backup-20261202T145900Z' } });
  });
});
