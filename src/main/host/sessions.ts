// Fans the engine's changes out to every page that has started a session (the Electron window,
// or each browser host WebSocket). A page gets the whole state first, then only deltas, in order,
// over its own ordered channel. Each capability writes its own handlers; the hub only composes them.
import type { EventName, EventPayloads, Handlers } from '../../shared/contract';
import type { Place } from '../../shared/place';
import { openBackendsPage, type Backends } from '../backends/handlers';
import type { Dashboard } from '../dashboard/dashboard';
import { openDashboardPage } from '../dashboard/handlers';
import { StreamRegistry } from '../dashboard/stream-registry';
import { engineHandlers } from '../engine/handlers';
import type { EngineService } from '../engine/types';
import { isolationHandlers } from '../isolation/handlers';
import type { IsolationService } from '../isolation/service';
import { preferencesHandlers } from '../preferences/handlers';
import type { PreferencesStore } from '../preferences/store';
import type { Send } from '../util/send';

export interface Session {
  readonly handlers: Handlers;
  close(): void;
}

export class SessionHub {
  private readonly pages = new Set<{ started: boolean; send: Send }>();
  private readonly unsubscribe: Array<() => void>;
  /** A place asked for while no page had started: the next page to start is sent there. */
  private pendingPlace: Place | null = null;

  constructor(
    private readonly engine: EngineService,
    private readonly preferences: PreferencesStore,
    private readonly isolation: IsolationService,
    private readonly dashboard: Dashboard | null = null,
    private readonly backends: Backends | null = null,
  ) {
    this.unsubscribe = [
      engine.on('endpoints', (endpoints) => this.broadcast('engines.changed', endpoints)),
      engine.on('engine', (snapshot) => this.broadcast('engine.changed', snapshot)),
      engine.on('containers', (patch) => this.broadcast('containers.changed', patch)),
      preferences.on((value) => this.broadcast('preferences.changed', value)),
      isolation.on('progress', (progress) => this.broadcast('isolation.progress', progress)),
      isolation.on('recovered', (report) => this.broadcast('isolation.recovered', report)),
    ];
  }

  /**
   * A new page: its handlers, bound to its channel. `buffered`: what the channel holds unsent (a
   * WebSocket's buffered amount), one of the signals that the page is behind its streams.
   */
  open(send: Send, channel: { buffered?: () => number } = {}): Session {
    const page = { started: false, send };
    this.pages.add(page);
    const { engine, preferences } = this;
    // The page's streams (logs, stats, terminals, pulls…) close with it.
    const streams = new StreamRegistry(send, channel.buffered ? { buffered: channel.buffered } : {});
    const dashboardPage = openDashboardPage(this.dashboard, send, streams);
    const handlers: Handlers = {
      'session.start': async () => {
        page.started = true;
        send('preferences.changed', preferences.get());
        send('engines.changed', engine.endpoints());
        send('engine.changed', engine.snapshot());
        send('containers.changed', { reset: true, upsert: engine.containers(), remove: [] });
        if (this.pendingPlace) send('place.open', { place: this.pendingPlace });
        this.pendingPlace = null;
        return null;
      },
      ...engineHandlers(engine),
      ...isolationHandlers(this.isolation),
      ...dashboardPage.handlers,
      ...openBackendsPage(this.backends, send),
      ...preferencesHandlers(preferences),
    };
    const close = (): void => {
      this.pages.delete(page);
      dashboardPage.close();
      streams.closeAll();
    };
    return { handlers, close };
  }

  /**
   * Asks every started page to show a place (the tray's "Open logs", a notification's click).
   * With none started yet (the window is still loading), the first page to start is sent there.
   */
  openPlace(place: Place): void {
    if ([...this.pages].some((page) => page.started)) this.broadcast('place.open', { place });
    else this.pendingPlace = place;
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.pages.clear();
  }

  private broadcast<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const page of this.pages) if (page.started) page.send(event, payload);
  }
}
