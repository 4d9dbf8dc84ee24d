// The notification glue, with Electron's Notification replaced by a test double and the clock faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainersPatch, ContainerSummary } from '../../../../src/shared/model/container';
import { RequestedStops } from '../../../../src/main/notify/requested';
import { DEFAULT_NOTIFY_PREFERENCES, type NotifyPreferences } from '../../../../src/main/notify/types';
import { container } from '../tray/fixtures';

const electron = vi.hoisted(() => {
  class FakeNotification {
    static all: FakeNotification[] = [];
    static supported = true;
    static isSupported() {
      return FakeNotification.supported;
    }
    handlers = new Map<string, () => void>();
    shown = false;
    closed = false;
    constructor(readonly options: { title: string; body: string }) {
      FakeNotification.all.push(this);
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
    }
    show() {
      this.shown = true;
    }
    close() {
      this.closed = true;
    }
  }
  return { FakeNotification };
});
vi.mock('electron', () => ({ Notification: electron.FakeNotification }));

const { startNotifier } = await import('../../../../src/main/notify/notifier');

const detail = (exitCode: number, oomKilled = false) => ({ startedAt: 0, finishedAt: 1, exitCode, oomKilled, health: null, restartCount: 0 });

function setup(list: ContainerSummary[], preferences: NotifyPreferences = DEFAULT_NOTIFY_PREFERENCES) {
  let listener: ((patch: ContainersPatch) => void) | null = null;
  const engine = {
    containers: () => list,
    on: (_event: 'containers', l: (patch: ContainersPatch) => void) => {
      listener = l;
      return () => (listener = null);
    },
  };
  const requested = new RequestedStops();
  const openWindow = vi.fn();
  const notifier = startNotifier({
    engine: engine as never,
    preferences: () => preferences,
    language: () => 'en',
    requested,
    openWindow,
    now: () => Date.now(),
  });
  const emit = (upsert: ContainerSummary[]) => listener?.({ reset: false, upsert, remove: [] });
  return { notifier, requested, openWindow, emit, hasListener: () => listener !== null };
}

describe('native notifications', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    electron.FakeNotification.all = [];
    electron.FakeNotification.supported = true;
  });
  afterEach(() => vi.useRealTimers());

  it('tells a container that died, and opens the window at its logs on a click', () => {
    const web = container(1, 'running', { name: 'web' });
    const { emit, openWindow } = setup([web]);
    emit([{ ...web, state: 'exited', detail: detail(2) }]);
    const [shown] = electron.FakeNotification.all;
    expect(shown?.options).toEqual({ title: 'web stopped unexpectedly', body: 'It exited with code 2.' });
    expect(shown?.shown).toBe(true);
    shown?.handlers.get('click')?.();
    expect(openWindow).toHaveBeenCalledWith({ view: 'containers', container: web.id, tab: 'logs' });
  });

  it('stays quiet for a stop the person asked for through Silo', () => {
    const web = container(1, 'running', { name: 'web' });
    const { emit, requested } = setup([web]);
    requested.record([web.id], 'stop', Date.now());
    emit([{ ...web, state: 'exited', detail: detail(1) }]);
    expect(electron.FakeNotification.all).toEqual([]);
  });

  it('summarises fifty deaths into one notice, closing the few already shown', () => {
    const list = Array.from({ length: 50 }, (_, i) => container(i, 'running'));
    const { emit, openWindow } = setup(list);
    emit(list.map((c) => ({ ...c, state: 'exited' as const, detail: detail(1) })));
    expect(electron.FakeNotification.all).toHaveLength(3);
    vi.advanceTimersByTime(2_000);
    expect(electron.FakeNotification.all).toHaveLength(4);
    const [a, b, c, summary] = electron.FakeNotification.all;
    expect([a, b, c].every((n) => n?.closed)).toBe(true);
    expect(summary?.options.title).toBe('50 containers stopped unexpectedly');
    // A summary is about many containers: its click opens the list.
    summary?.handlers.get('click')?.();
    expect(openWindow).toHaveBeenCalledWith({ view: 'containers' });
  });

  it('shows nothing of a kind turned off, and nothing where notifications are unsupported', () => {
    const web = container(1, 'running', { name: 'web' });
    setup([web], { died: false, oom: true, unhealthy: true }).emit([{ ...web, state: 'exited', detail: detail(1) }]);
    electron.FakeNotification.supported = false;
    setup([web]).emit([{ ...web, state: 'exited', detail: detail(137, true) }]);
    expect(electron.FakeNotification.all).toEqual([]);
  });

  it('stops listening when stopped', () => {
    const { notifier, hasListener } = setup([]);
    notifier.stop();
    expect(hasListener()).toBe(false);
  });
});
