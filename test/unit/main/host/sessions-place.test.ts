// Main asks the open pages to show a place: every page that started a session hears place.open on
// its own channel (the Electron window's IPC, each browser host WebSocket); one that has not, not.
import { describe, expect, it } from 'vitest';
import { SessionHub } from '../../../../src/main/host/sessions';
import type { EngineService } from '../../../../src/main/engine/types';
import type { PreferencesStore } from '../../../../src/main/preferences/store';
import type { IsolationService } from '../../../../src/main/isolation/service';
import type { EventName } from '../../../../src/shared/contract';

const off = () => () => undefined;
const engine = { on: off, endpoints: () => [], snapshot: () => ({}), containers: () => [] } as unknown as EngineService;
const preferences = { on: off, get: () => ({ language: 'en' }) } as unknown as PreferencesStore;
const isolation = { on: off } as unknown as IsolationService;

describe('SessionHub.openPlace', () => {
  it('reaches every started page, and only those', async () => {
    const hub = new SessionHub(engine, preferences, isolation);
    const heard = { started: [] as { event: EventName; payload: unknown }[], idle: [] as { event: EventName; payload: unknown }[] };
    const started = hub.open((event, payload) => heard.started.push({ event, payload }));
    hub.open((event, payload) => heard.idle.push({ event, payload }));
    await started.handlers['session.start']({});

    const place = { view: 'containers' as const, container: 'abc123', tab: 'logs' as const };
    hub.openPlace(place);
    expect(heard.started.filter((e) => e.event === 'place.open')).toEqual([{ event: 'place.open', payload: { place } }]);
    expect(heard.idle).toEqual([]);

    started.close();
    hub.openPlace({ view: 'images' });
    expect(heard.started.filter((e) => e.event === 'place.open')).toHaveLength(1);
    hub.close();
  });
});
