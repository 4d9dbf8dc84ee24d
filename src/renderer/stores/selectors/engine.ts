// Pure selectors over the engine slice.
import type { HostLink } from '../../api';
import type { EngineSnapshot } from '../../../shared/model/engine';

/** True when what the page shows is current: the link to Silo is open and the engine answers. */
export function isLive(link: HostLink, snapshot: EngineSnapshot | null): boolean {
  return link.state === 'open' && snapshot?.connection.phase === 'connected';
}
