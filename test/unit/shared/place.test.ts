// The address of a place: every place Silo can show survives format → parse, and a hostile or
// stale hash falls back to the containers list instead of a blank screen.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DETAILS_TABS, HOME, VIEWS, formatPlace, parsePlace, readPlace, samePlace, type Place } from '../../../src/shared/place';

describe('place', () => {
  it('reads each view', () => {
    for (const view of VIEWS) expect(parsePlace(`#/${view}`)).toEqual({ view });
  });

  it('reads a container with its tab, and defaults the tab to inspect', () => {
    expect(parsePlace('#/containers/abc123/logs')).toEqual({ view: 'containers', container: 'abc123', tab: 'logs' });
    expect(parsePlace('#/containers/web-1')).toEqual({ view: 'containers', container: 'web-1', tab: 'inspect' });
    expect(parsePlace('#/containers/web-1/nonsense')).toEqual({ view: 'containers', container: 'web-1', tab: 'inspect' });
  });

  it('reads the containers filters from the query, keeping only known values', () => {
    expect(parsePlace('#/containers?state=running&rung=user-space-kernel&project=shop&q=web')).toEqual({
      view: 'containers',
      filters: { state: 'running', rung: 'user-space-kernel', project: 'shop', text: 'web' },
    });
    expect(parsePlace('#/containers?state=sleeping&rung=moon')).toEqual({ view: 'containers' });
    expect(parsePlace('#/containers?boundary=engine')).toEqual({ view: 'containers', filters: { boundary: 'engine' } });
    expect(parsePlace('#/containers?boundary=safe')).toEqual({ view: 'containers' });
    expect(parsePlace('#/containers/web-1/isolation')).toEqual({ view: 'containers', container: 'web-1', tab: 'isolation' });
  });

  it('falls back to the list for unknown views, bad escapes and odd ids', () => {
    expect(parsePlace('')).toEqual(HOME);
    expect(parsePlace('#/')).toEqual(HOME);
    expect(parsePlace('#/nowhere')).toEqual(HOME);
    expect(parsePlace('#/containers/%E0%A4%A/logs')).toEqual(HOME);
    expect(parsePlace('#/containers/..%2Fetc/logs')).toEqual({ view: 'containers' });
    expect(parsePlace('#/containers/<script>/logs')).toEqual({ view: 'containers' });
  });

  it('formats the address a person can paste', () => {
    expect(formatPlace({ view: 'containers', container: 'abc', tab: 'terminal' })).toBe('#/containers/abc/terminal');
    expect(formatPlace({ view: 'backends' })).toBe('#/backends');
    expect(formatPlace({ view: 'containers', filters: { text: 'a b', state: 'exited' } })).toBe('#/containers?q=a+b&state=exited');
    expect(formatPlace({ view: 'containers', filters: { text: '  ' } })).toBe('#/containers');
  });

  it('compares places by what they show', () => {
    expect(samePlace({ view: 'images' }, parsePlace('#/images'))).toBe(true);
    expect(samePlace({ view: 'images' }, { view: 'volumes' })).toBe(false);
  });

  const placeArb: fc.Arbitrary<Place> = fc.oneof(
    fc.constantFrom(...VIEWS.filter((v) => v !== 'containers')).map((view) => ({ view }) as Place),
    fc.record(
      {
        view: fc.constant('containers' as const),
        container: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/),
        tab: fc.constantFrom(...DETAILS_TABS),
      },
      { requiredKeys: ['view', 'container', 'tab'] },
    ),
    fc
      .record({
        view: fc.constant('containers' as const),
        filters: fc.record(
          {
            text: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
            state: fc.constantFrom('running' as const, 'exited' as const),
            boundary: fc.constantFrom('weakened' as const, 'engine' as const, 'privileged' as const),
            project: fc.string({ minLength: 1, maxLength: 20 }),
          },
          { requiredKeys: [] },
        ),
      })
      .map((p) => (Object.keys(p.filters).length ? p : { view: 'containers' as const })),
  );

  test.prop([placeArb])('format then parse gives the same place', (place) => {
    expect(parsePlace(formatPlace(place))).toEqual(place);
  });

  describe('readPlace (a place a person typed)', () => {
    it('reads every place parsePlace reads exactly', () => {
      expect(readPlace('#/containers/abc/logs')).toEqual({ view: 'containers', container: 'abc', tab: 'logs' });
      expect(readPlace('#/containers/abc')).toEqual({ view: 'containers', container: 'abc', tab: 'inspect' });
      expect(readPlace('#/images')).toEqual({ view: 'images' });
      expect(readPlace('#/containers?state=running&q=web')).toEqual({ view: 'containers', filters: { state: 'running', text: 'web' } });
    });

    it('refuses what parsePlace would quietly drop', () => {
      const junk = [
        '',
        'containers',
        '#/',
        '#/nowhere',
        '#/containers/<x>/logs',
        '#/containers/abc/nonsense',
        '#/containers/abc/logs/more',
        '#/images/x',
        '#/images?q=a',
        '#/containers?state=sleeping',
        '#/containers?colour=red',
        '#/containers/%E0%A4%A/logs',
      ];
      for (const hash of junk) expect(readPlace(hash), hash).toBeNull();
    });

    test.prop([placeArb])('reads every formatted place', (place) => {
      expect(readPlace(formatPlace(place))).toEqual(place);
    });
  });
});
