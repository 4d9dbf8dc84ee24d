// Where a click on a notice takes the person: the container it is about (its logs when it died or
// was killed, its inspect, with the health check's output, when it is unhealthy); a summary of
// several containers, the containers list.
import type { Place } from '../../shared/place';
import type { Notice } from './types';

export function placeOfNotice(notice: Notice): Place {
  const ids = new Set(notice.incidents.map((incident) => incident.id));
  const only = notice.incidents[0];
  if (ids.size !== 1 || !only) return { view: 'containers' };
  const unhealthy = notice.incidents.every((incident) => incident.kind === 'unhealthy');
  return { view: 'containers', container: only.id, tab: unhealthy ? 'inspect' : 'logs' };
}
