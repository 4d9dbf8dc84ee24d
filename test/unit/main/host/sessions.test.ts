// The hub composes every capability's handlers, and carries `place.open` to the pages: to every
// started page at once, or, while none has started (the window is still loading), to the first
// page that starts, after the state it starts with.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionHub } from '../../../../src/main/host/sessions';
import { PreferencesStore } from '../../../../src/main/preferences/store';
import { callSchemas, type EventName } from '../../../../src/shared/contract';
import { snapshot } from '../tray/fixtures';

function hub() {
  const engine = {
    endpoints: () => [],
    snapshot: () => snapshot('connected'),
    containers: () => [],
    on: () => () => undefined,
  };
  const isolation = { on: () => () => undefined };
  return new SessionHub(engine as never, new PreferencesStore(mkdtempSync(join(tmpdir(), 'silo-hub-'))), isolation as never);
}

function page(h: SessionHub) {
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const session = h.open((event, payload) => events.push({ event, payload }));
  return { session, events, names: () => events.map((e) => e.event) };
}

describe('the session hub', () => {
  it('has a handler for every call of the contract, from the capabilities it composes', () => {
    const { session } = page(hub());
    expect(Object.keys(session.handlers).sort()).toEqual(Object.keys(callSchemas).sort());
  });

  it('sends place.open to every started page, never to one that has not started', async () => {
    const h = hub();
    const started = page(h);
    const loading = page(h);
    await started.session.handlers['session.start']({} as never);
    h.openPlace({ view: 'containers', container: 'web', tab: 'logs' });
    expect(started.events.at(-1)).toEqual({ event: 'place.open', payload: { place: { view: 'containers', container: 'web', tab: 'logs' } } });
    expect(loading.events).toEqual([]);
  });

  it('keeps a place asked for while no page has started for the first page that starts, once', async () => {
    const h = hub();
    h.openPlace({ view: 'backends' });
    const first = page(h);
    await first.session.handlers['session.start']({} as never);
    expect(first.names()).toEqual(['preferences.changed', 'engines.changed', 'engine.changed', 'containers.changed', 'place.open']);
    expect(first.events.at(-1)?.payload).toEqual({ place: { view: 'backends' } });
    const second = page(h);
    await second.session.handlers['session.start']({} as never);
    expect(second.names()).not.toContain('place.open');
  });
});
