// How main sends an event to one page: the type every capability's page handlers take, so none of
// them needs the hub that calls them.
import type { EventName, EventPayloads } from '../../shared/contract';

export type Send = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
