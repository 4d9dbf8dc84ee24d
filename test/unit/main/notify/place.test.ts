// Where a notice's click takes the person.
import { describe, expect, it } from 'vitest';
import { placeOfNotice } from '../../../../src/main/notify/place';
import type { ContainerIncident, Notice } from '../../../../src/main/notify/types';
import { formatPlace, parsePlace } from '../../../../src/shared/place';
import { hexId } from '../tray/fixtures';

const incident = (n: number, kind: ContainerIncident['kind']): ContainerIncident => ({
  kind,
  at: 0,
  id: hexId(n),
  name: `c${n}`,
  exitCode: kind === 'died' ? 1 : null,
});
const notice = (incidents: ContainerIncident[], summary = incidents.length > 1): Notice => ({
  id: 1,
  kind: incidents[0]!.kind,
  summary,
  incidents,
  replaces: [],
});

describe('the place a notice opens', () => {
  it("is the container's logs when it died or was killed for memory", () => {
    expect(placeOfNotice(notice([incident(1, 'died')]))).toEqual({ view: 'containers', container: hexId(1), tab: 'logs' });
    expect(placeOfNotice(notice([incident(1, 'oom')]))).toEqual({ view: 'containers', container: hexId(1), tab: 'logs' });
  });

  it("is the container's inspect (its health check's output) when it is unhealthy", () => {
    expect(placeOfNotice(notice([incident(2, 'unhealthy')]))).toEqual({ view: 'containers', container: hexId(2), tab: 'inspect' });
  });

  it('is that container for a summary of one container, the list for several', () => {
    expect(placeOfNotice(notice([incident(3, 'died'), incident(3, 'unhealthy')], true))).toEqual({ view: 'containers', container: hexId(3), tab: 'logs' });
    expect(placeOfNotice(notice([incident(3, 'died'), incident(4, 'died')]))).toEqual({ view: 'containers' });
  });

  it('is a place the address parses back to itself', () => {
    const place = placeOfNotice(notice([incident(5, 'died')]));
    expect(parsePlace(formatPlace(place))).toEqual(place);
  });
});
