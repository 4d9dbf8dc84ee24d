import { describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult, EventName, EventPayloads } from '../../../../src/shared/contract';
import { SiloCallError, type HostLink } from '../../../../src/renderer/api';
import type { CallPort } from '../../../../src/renderer/stores/api-port';
import { applyResourcePatch } from '../../../../src/renderer/stores/resource-list';
import { createImagesStore, toBase64, UPLOAD_CHUNK_BYTES } from '../../../../src/renderer/stores/images';
import { createVolumesStore } from '../../../../src/renderer/stores/volumes';
import { createNetworksStore } from '../../../../src/renderer/stores/networks';
import { createComposeStore, offeredComposeActions } from '../../../../src/renderer/stores/compose';
import { feedResources } from '../../../../src/renderer/stores/resource-feed';
import type { ImageListItem } from '../../../../src/shared/model/image-list';
import { image, network, pullProgress, volume } from './fixtures';

type Handler = (args: unknown) => unknown;

/** A CallPort answering from handlers, recording every call in order. */
function fakeApi(handlers: Partial<Record<CallName, Handler>>) {
  const calls: Array<{ name: CallName; args: unknown }> = [];
  const api: CallPort = {
    call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
      calls.push({ name, args });
      const handler = handlers[name];
      if (!handler) return Promise.reject(new SiloCallError({ code: 'unknown-call' }));
      try {
        return Promise.resolve(handler(args) as CallResult<N>);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  return { api, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('applyResourcePatch', () => {
  const key = (i: ImageListItem) => i.id;

  it('keeps the objects of unchanged items and the map when nothing changed', () => {
    const a = image();
    const b = image();
    const start = applyResourcePatch(new Map(), { reset: true, upsert: [a, b], remove: [] }, key);
    const same = applyResourcePatch(start, { reset: false, upsert: [JSON.parse(JSON.stringify(a)) as ImageListItem], remove: [] }, key);
    expect(same).toBe(start);
    const again = applyResourcePatch(start, { reset: true, upsert: [JSON.parse(JSON.stringify(a)) as ImageListItem], remove: [] }, key);
    expect(again.get(a.id)).toBe(a);
    expect(again.has(b.id)).toBe(false);
  });

  it('applies upserts, then removals', () => {
    const a = image();
    const start = applyResourcePatch(new Map(), { reset: true, upsert: [a], remove: [] }, key);
    const bigger = { ...a, size: a.size + 1 };
    const next = applyResourcePatch(start, { reset: false, upsert: [bigger, image()], remove: [] }, key);
    expect(next.get(a.id)).toBe(bigger);
    expect(next.size).toBe(2);
    expect(applyResourcePatch(next, { reset: false, upsert: [], remove: [a.id, 'unknown'] }, key).size).toBe(1);
  });
});

describe('a list slice', () => {
  it('lists once, then follows the patches; before its list, patches are not applied', async () => {
    const v = volume({ name: 'data' });
    const { api, calls } = fakeApi({ 'volumes.list': () => [v] });
    const store = createVolumesStore(api);
    store.getState().applyPatch({ reset: false, upsert: [volume({ name: 'early' })], remove: [] });
    expect(store.getState().items.size).toBe(0);
    await store.getState().load();
    expect(calls.map((c) => c.name)).toEqual(['volumes.list']);
    expect(store.getState()).toMatchObject({ loaded: true, following: true, loading: false, listError: null });
    store.getState().applyPatch({ reset: false, upsert: [volume({ name: 'late' })], remove: ['data'] });
    expect([...store.getState().items.keys()]).toEqual(['late']);
    store.getState().unfollow();
    store.getState().applyPatch({ reset: true, upsert: [], remove: [] });
    expect(store.getState().items.size).toBe(1);
  });

  it('keeps the reason a list failed, and what it had', async () => {
    let fail = false;
    const { api } = fakeApi({
      'networks.list': () => {
        if (fail) throw new SiloCallError({ code: 'engine-unreachable' });
        return [network({ name: 'front' })];
      },
    });
    const store = createNetworksStore(api);
    await store.getState().load();
    store.getState().unfollow();
    fail = true;
    await store.getState().load();
    expect(store.getState().listError?.code).toBe('engine-unreachable');
    expect(store.getState().following).toBe(false);
    expect(store.getState().items.size).toBe(1);
  });

  it('sends what the person chose, and only that', async () => {
    const { api, calls } = fakeApi({ 'volumes.remove': () => null, 'networks.disconnect': () => null, 'networks.connect': () => null });
    await createVolumesStore(api).getState().remove('data', true);
    await createNetworksStore(api).getState().disconnect('front', 'abcdefabcdef');
    await createNetworksStore(api).getState().connect('front', 'abcdefabcdef');
    expect(calls).toEqual([
      { name: 'volumes.remove', args: { name: 'data', force: true } },
      { name: 'networks.disconnect', args: { network: 'front', container: 'abcdefabcdef' } },
      { name: 'networks.connect', args: { network: 'front', container: 'abcdefabcdef' } },
    ]);
  });
});

describe('a pull', () => {
  it('follows its stream: progress, then the end with the engine refusal', async () => {
    const { api } = fakeApi({ 'images.pull': () => ({ streamId: 's7' }) });
    const store = createImagesStore(api);
    await store.getState().startPull('busybox:latest');
    expect(store.getState().pull).toMatchObject({ phase: 'running', streamId: 's7' });
    store.getState().onStreamData({ streamId: 's8', kind: 'pull', progress: pullProgress({ total: 99 }) });
    expect(store.getState().pull?.progress).toBeNull();
    store.getState().onStreamData({ streamId: 's7', kind: 'pull', progress: pullProgress({ total: 10, downloaded: 5 }) });
    expect(store.getState().pull?.progress?.downloaded).toBe(5);
    store.getState().onStreamEnd({
      streamId: 's7',
      error: { code: 'registry-unreachable', params: { reference: 'busybox:latest' }, detail: 'dial tcp: lookup registry-1.docker.io: no such host' },
    });
    expect(store.getState().pull).toMatchObject({ phase: 'failed', error: { code: 'registry-unreachable' } });
    store.getState().clearPull();
    expect(store.getState().pull).toBeNull();
  });

  it('is done when the stream ends cleanly', async () => {
    const { api } = fakeApi({ 'images.pull': () => ({ streamId: 's1' }) });
    const store = createImagesStore(api);
    await store.getState().startPull('busybox:latest');
    store.getState().onStreamData({ streamId: 's1', kind: 'pull', progress: pullProgress({ total: 10, downloaded: 10 }) });
    store.getState().onStreamEnd({ streamId: 's1', error: null });
    expect(store.getState().pull).toMatchObject({ phase: 'done', error: null, progress: { done: true } });
  });

  it('cancels with stream.close, and closes a stream that answered after the cancel', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const { api, calls } = fakeApi({ 'images.pull': () => new Promise((resolve) => (answer = resolve)), 'stream.close': () => null });
    const store = createImagesStore(api);
    const started = store.getState().startPull('busybox:latest');
    await store.getState().cancelPull();
    expect(store.getState().pull?.phase).toBe('cancelled');
    answer({ streamId: 's3' });
    await started;
    expect(calls.map((c) => c.name)).toEqual(['images.pull', 'stream.close']);
    expect(calls[1]?.args).toEqual({ streamId: 's3' });
    expect(store.getState().pull?.phase).toBe('cancelled');
  });

  it('a refused start says why', async () => {
    const { api } = fakeApi({
      'images.pull': () => {
        throw new SiloCallError({ code: 'validation', field: 'reference' });
      },
    });
    const store = createImagesStore(api);
    await store.getState().startPull('x');
    expect(store.getState().pull).toMatchObject({ phase: 'failed', error: { code: 'validation' } });
  });

  it('ends when the link to Silo drops (Silo closed the page streams)', async () => {
    const { api } = fakeApi({ 'images.pull': () => ({ streamId: 's1' }) });
    const store = createImagesStore(api);
    await store.getState().startPull('busybox:latest');
    store.getState().unfollow();
    expect(store.getState().pull).toMatchObject({ phase: 'failed', error: { code: 'stream-not-found' } });
  });
});

describe('an upload', () => {
  const file = (size: number) => {
    const bytes = new Uint8Array(size).map((_, i) => i % 251);
    return Object.assign(new Blob([bytes]), { name: 'image.tar' });
  };

  it('encodes base64 without Node', () => {
    expect(toBase64(new TextEncoder().encode('hello'))).toBe('aGVsbG8=');
    expect(toBase64(new Uint8Array(0))).toBe('');
  });

  it('sends the file in pieces under the contract limit, in order, each after the last was taken', async () => {
    const pieces: string[] = [];
    let received = 0;
    const { api, calls } = fakeApi({
      'images.upload.open': () => ({ streamId: 's4' }),
      'images.upload.chunk': (args) => {
        const { data } = args as { data: string };
        pieces.push(data);
        received += atob(data).length;
        return { received };
      },
      'images.upload.finish': () => ({ images: ['silo-test/busybox:latest'], messages: ['Loaded image: silo-test/busybox:latest'] }),
    });
    const store = createImagesStore(api);
    const size = UPLOAD_CHUNK_BYTES * 2 + 10;
    await store.getState().startUpload(file(size), 'load');
    expect(calls[0]).toEqual({ name: 'images.upload.open', args: { mode: 'load', size } });
    expect(pieces).toHaveLength(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(700_000);
    expect(atob(pieces[2]!).length).toBe(10);
    expect(atob(pieces[1]!).charCodeAt(0)).toBe(UPLOAD_CHUNK_BYTES % 251);
    expect(store.getState().upload).toMatchObject({ phase: 'done', sent: size, result: { images: ['silo-test/busybox:latest'] } });
  });

  it('passes the new name of an import, and stops sending once cancelled', async () => {
    const { api, calls } = fakeApi({
      'images.upload.open': () => ({ streamId: 's5' }),
      'images.upload.chunk': () => {
        void store.getState().cancelUpload();
        return { received: UPLOAD_CHUNK_BYTES };
      },
      'stream.close': () => null,
    });
    const store = createImagesStore(api);
    await store.getState().startUpload(file(UPLOAD_CHUNK_BYTES * 3), 'import', 'mine:1');
    await tick();
    expect(calls.map((c) => c.name)).toEqual(['images.upload.open', 'images.upload.chunk', 'stream.close']);
    expect(calls[0]?.args).toMatchObject({ mode: 'import', reference: 'mine:1' });
    expect(store.getState().upload?.phase).toBe('cancelled');
  });

  it('refuses an empty file without asking Silo, and says what the engine refused', async () => {
    const { api, calls } = fakeApi({
      'images.upload.open': () => ({ streamId: 's6' }),
      'images.upload.chunk': () => {
        throw new SiloCallError({ code: 'invalid-archive', detail: 'unexpected EOF' });
      },
    });
    const store = createImagesStore(api);
    await store.getState().startUpload(file(0), 'load');
    expect(store.getState().upload).toMatchObject({ phase: 'failed', error: { code: 'invalid-archive' } });
    expect(calls).toHaveLength(0);
    await store.getState().startUpload(file(100), 'load');
    expect(store.getState().upload).toMatchObject({ phase: 'failed', error: { code: 'invalid-archive', detail: 'unexpected EOF' } });
  });
});

describe('a compose project action', () => {
  it('counts the outcomes as they come and keeps the failures', async () => {
    const { api } = fakeApi({ 'compose.act': () => ({ streamId: 's9', total: 3 }) });
    const store = createComposeStore(api);
    await store.getState().act('shop', 'stop');
    expect(store.getState().runs.get('shop')).toMatchObject({ phase: 'running', total: 3, done: 0 });
    store.getState().onStreamData({ streamId: 's9', kind: 'progress', done: 1, total: 3, outcome: { id: 'a', ok: true, error: null } });
    store
      .getState()
      .onStreamData({ streamId: 's9', kind: 'progress', done: 2, total: 3, outcome: { id: 'b', ok: false, error: { code: 'container-not-running' } } });
    store.getState().onStreamData({ streamId: 'other', kind: 'progress', done: 3, total: 3, outcome: { id: 'z', ok: false, error: null } });
    expect(store.getState().runs.get('shop')).toMatchObject({ done: 2, failures: [{ id: 'b' }] });
    await store.getState().act('shop', 'start');
    expect(store.getState().runs.get('shop')?.action).toBe('stop');
    store.getState().onStreamEnd({ streamId: 's9', error: null });
    expect(store.getState().runs.get('shop')?.phase).toBe('done');
    store.getState().dismiss('shop');
    expect(store.getState().runs.size).toBe(0);
  });

  it('says why a project could not be handled at all, and cancels with stream.close', async () => {
    const { api, calls } = fakeApi({
      'compose.act': (args) => {
        if ((args as { project: string }).project === 'nope') throw new SiloCallError({ code: 'compose-project-not-found', params: { project: 'nope' } });
        return { streamId: 's2', total: 2 };
      },
      'stream.close': () => null,
    });
    const store = createComposeStore(api);
    await store.getState().act('nope', 'restart');
    expect(store.getState().runs.get('nope')).toMatchObject({ phase: 'failed', error: { code: 'compose-project-not-found' } });
    await store.getState().act('shop', 'restart');
    await store.getState().cancel('shop');
    expect(store.getState().runs.get('shop')?.phase).toBe('cancelled');
    expect(calls.at(-1)).toEqual({ name: 'stream.close', args: { streamId: 's2' } });
  });

  it('offers Start while some are down, Stop while some are up, Restart always', () => {
    expect([...offeredComposeActions(3, 3)].sort()).toEqual(['restart', 'stop']);
    expect([...offeredComposeActions(3, 0)].sort()).toEqual(['restart', 'start']);
    expect([...offeredComposeActions(3, 1)].sort()).toEqual(['restart', 'start', 'stop']);
  });
});

describe('feedResources', () => {
  it('routes the list patches and stream events, and stops following when the link drops', async () => {
    const listeners = new Map<EventName, (payload: never) => void>();
    let onLink: (link: HostLink) => void = () => undefined;
    const client = {
      on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
        listeners.set(event, listener as (payload: never) => void);
        return () => listeners.delete(event);
      },
      onLink(listener: (link: HostLink) => void) {
        onLink = listener;
        return () => undefined;
      },
    };
    const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => (listeners.get(event) as ((p: EventPayloads[E]) => void) | undefined)?.(payload);
    const { api } = fakeApi({ 'images.list': () => [], 'compose.act': () => ({ streamId: 's2', total: 1 }), 'images.pull': () => ({ streamId: 's1' }) });
    const stores = { images: createImagesStore(api), volumes: createVolumesStore(api), networks: createNetworksStore(api), compose: createComposeStore(api) };
    const off = feedResources(client, stores);
    await stores.images.getState().load();
    await stores.images.getState().startPull('busybox');
    await stores.compose.getState().act('shop', 'start');
    const fresh = image();
    emit('images.changed', { reset: false, upsert: [fresh], remove: [] });
    expect(stores.images.getState().items.get(fresh.id)).toBe(fresh);
    emit('stream.data', { streamId: 's1', kind: 'pull', progress: pullProgress({ total: 1 }) });
    emit('stream.data', { streamId: 's2', kind: 'progress', done: 1, total: 1, outcome: { id: 'a', ok: true, error: null } });
    expect(stores.images.getState().pull?.progress?.total).toBe(1);
    expect(stores.compose.getState().runs.get('shop')?.done).toBe(1);
    emit('stream.end', { streamId: 's2', error: null });
    expect(stores.compose.getState().runs.get('shop')?.phase).toBe('done');
    onLink({ state: 'lost', attempt: 1, retryAt: 0 });
    expect(stores.images.getState().following).toBe(false);
    expect(stores.images.getState().pull?.phase).toBe('failed');
    off();
    expect(listeners.size).toBe(0);
  });
});
