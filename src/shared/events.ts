import { DASHBOARD_EVENT_NAMES } from './events-dashboard';
import { BACKENDS_EVENT_NAMES } from './events-backends';

/** The names of the events main pushes to a page (payloads: EventPayloads in contract.ts). */
export const EVENT_NAMES = [
  'engines.changed',
  'engine.changed',
  'containers.changed',
  'preferences.changed',
  'isolation.progress',
  'isolation.recovered',
  'place.open',
  ...DASHBOARD_EVENT_NAMES,
  ...BACKENDS_EVENT_NAMES,
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
