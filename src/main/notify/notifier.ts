// Native notifications for containers that die unexpectedly, are killed for memory, or turn
// unhealthy: incidents read from the engine's container changes, decided by the pure burst rule,
// shown with Electron's Notification. A summary closes the notices it stands for.
import { Notification } from 'electron';
import type { ContainerSummary, ContainersPatch } from '../../shared/model/container';
import type { Language } from '../../shared/model/preferences';
import type { Place } from '../../shared/place';
import type { EngineService } from '../engine/types';
import { initialNotifierState, nextWake, receive, tick, type NotifierState } from './burst';
import { incidentsFromPatch } from './incidents';
import type { RequestedStops } from './requested';
import type { Notice, NotifyPreferences } from './types';
import { placeOfNotice } from './place';
import { wordNotice } from './words';

export interface NotifierOptions {
  engine: Pick<EngineService, 'containers' | 'on'>;
  preferences(): NotifyPreferences;
  language(): Language;
  requested: RequestedStops;
  /** A click on a notice opens the window at the container it is about (placeOfNotice). */
  openWindow(place: Place): void;
  now?(): number;
}

export interface Notifier {
  stop(): void;
}

function applyPatch(known: Map<string, ContainerSummary>, patch: ContainersPatch): void {
  if (patch.reset) known.clear();
  for (const id of patch.remove) known.delete(id);
  for (const container of patch.upsert) known.set(container.id, container);
}

export function startNotifier(options: NotifierOptions): Notifier {
  const now = options.now ?? Date.now;
  const known = new Map(options.engine.containers().map((c) => [c.id, c] as const));
  const shown = new Map<number, Notification>();
  let state: NotifierState = initialNotifierState();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const show = (notice: Notice) => {
    for (const id of notice.replaces) {
      shown.get(id)?.close();
      shown.delete(id);
    }
    if (!Notification.isSupported()) return;
    const { title, body } = wordNotice(notice, options.language());
    const notification = new Notification({ title, body });
    notification.on('click', () => options.openWindow(placeOfNotice(notice)));
    notification.on('close', () => shown.delete(notice.id));
    shown.set(notice.id, notification);
    notification.show();
  };

  const wake = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const at = nextWake(state);
    if (at === null) return;
    timer = setTimeout(
      () => {
        timer = null;
        const step = tick(state, now());
        state = step.state;
        step.notices.forEach(show);
        wake();
      },
      Math.max(0, at - now()),
    );
  };

  const unsubscribe = options.engine.on('containers', (patch) => {
    const at = now();
    const incidents = incidentsFromPatch(known, patch, at, (id) => options.requested.has(id, at));
    applyPatch(known, patch);
    const preferences = options.preferences();
    for (const incident of incidents) {
      const step = receive(state, incident, preferences);
      state = step.state;
      step.notices.forEach(show);
    }
    wake();
  });

  return {
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
