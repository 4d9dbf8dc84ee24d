// Fans the engine's changes out to every page that has started a session (the Electron window,
// or each browser host WebSocket). A page gets the whole state first, then only deltas, in order,
// over its own ordered channel.
import type { EventName, EventPayloads, Handlers } from '../../shared/contract';
import type { Place } from '../../shared/place';
import type { EngineService } from '../engine/types';
import type { IsolationService } from '../isolation/service';
import type { SettingsStore } from './settings';
import type { Dashboard } from '../engine/dashboard';
import { openDashboardPage } from './dashboard-handlers';
import { openBackendsPage, type Backends } from './backends-handlers';
import { StreamRegistry } from './stream-registry';

export type Send = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface Session {
  readonly handlers: Handlers;
  close(): void;
}

export class SessionHub {
  private readonly pages = new Set<{ started: boolean; send: Send }>();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly engine: EngineService,
    private readonly settings: SettingsStore,
    private readonly isolation: IsolationService,
    private readonly dashboard: Dashboard | null = null,
    private readonly backends: Backends | null = null,
  ) {
    this.unsubscribe = [
      engine.on('endpoints', (endpoints) => this.broadcast('engines.changed', endpoints)),
      engine.on('engine', (snapshot) => this.broadcast('engine.changed', snapshot)),
      engine.on('containers', (patch) => this.broadcast('containers.changed', patch)),
      settings.on((value) => this.broadcast('settings.changed', value)),
      isolation.on('progress', (progress) => this.broadcast('isolation.progress', progress)),
      isolation.on('recovered', (report) => this.broadcast('isolation.recovered', report)),
    ];
  }

  /** A new page: its handlers, bound to its channel. */
  open(send: Send): Session {
    const page = { started: false, send };
    this.pages.add(page);
    const { engine, settings, isolation } = this;
    // The page's streams (logs, stats, terminals, pulls…) close with it.
    const streams = new StreamRegistry(send);
    const dashboardPage = openDashboardPage(this.dashboard, send, streams);
    const handlers: Handlers = {
      'session.start': async () => {
        page.started = true;
        send('settings.changed', settings.get());
        send('engines.changed', engine.endpoints());
        send('engine.changed', engine.snapshot());
        send('containers.changed', { reset: true, upsert: engine.containers(), remove: [] });
        return null;
      },
      'engines.list': async () => engine.endpoints(),
      'engines.refresh': async () => engine.refreshEndpoints(),
      'engines.select': async ({ id }) => {
        await engine.select(id);
        return null;
      },
      'engine.snapshot': async () => engine.snapshot(),
      'containers.list': async () => engine.containers(),
      'containers.act': async ({ ids, action, removeVolumes, force }) =>
        engine.act(ids, action, { removeVolumes: removeVolumes ?? false, force: force ?? false }),
      'settings.get': async () => settings.get(),
      'settings.set': async (change) => settings.update(change),
      'isolation.targets': async ({ id }) => isolation.targets(id),
      'isolation.advise': async ({ id, target, writableLayer }) => isolation.advise(id, target, writableLayer),
      'isolation.measureCost': async (args) => isolation.measureCost(args),
      'isolation.recreate': async (args) => isolation.recreate(args),
      'isolation.recreateProject': async (args) => isolation.recreate(args),
      'isolation.recoveries': async () => isolation.recovered(),
      'containers.create': async (spec) => isolation.createContainer(spec),
      ...dashboardPage.handlers,
      ...openBackendsPage(this.backends, send),
    };
    const close = (): void => {
      this.pages.delete(page);
      dashboardPage.close();
      streams.closeAll();
    };
    return { handlers, close };
  }

  /**
   * Asks every open page to show a place (the tray's "Open logs", a notification's click): the
   * Electron window and each browser host tab that started a session, over its own channel.
   */
  openPlace(place: Place): void {
    this.broadcast('place.open', { place });
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.pages.clear();
  }

  private broadcast<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const page of this.pages) if (page.started) page.send(event, payload);
  }
}
