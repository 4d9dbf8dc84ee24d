import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/renderer/i18n';
import {
  describeVolumePrune,
  isContainerState,
  joinNames,
  matchesVolume,
  parseLabels,
  sortVolumes,
  volumeNameProblem,
  volumeUsersNow,
} from '../../../../src/renderer/views/volumes/model';
import type { ContainerSummary } from '../../../../src/shared/model/container';
import { container } from '../fixtures';
import { volume } from './fixtures';

const en = translator('en');
const es = translator('es');

describe('volumeUsersNow', () => {
  it('names the users as the container list has them now, and keeps those it no longer lists', () => {
    const web = container({ name: 'web-renamed', state: 'exited' });
    const byId: ReadonlyMap<string, ContainerSummary> = new Map([[web.id, web]]);
    const v = volume({
      usedBy: [
        { id: web.id, name: 'web', state: 'running' },
        { id: 'ffffffffffff', name: 'gone', state: 'running' },
      ],
    });
    expect(volumeUsersNow(v, byId)).toEqual([
      { id: 'ffffffffffff', name: 'gone', state: 'running', listed: false },
      { id: web.id, name: 'web-renamed', state: 'exited', listed: true },
    ]);
    expect(volumeUsersNow(volume(), byId)).toEqual([]);
  });

  it('knows the engine states it has words for', () => {
    expect(isContainerState('running')).toBe(true);
    expect(isContainerState('weird')).toBe(false);
  });

  it('joins a few names for a sentence', () => {
    expect(joinNames(['a', 'b'], en)).toBe('a, b');
    expect(joinNames(['a', 'b', 'c', 'd', 'e'], en)).toBe('a, b, c and 2 more');
    expect(joinNames(['a', 'b', 'c', 'd'], es)).toBe('a, b, c y 1 más');
  });

  it('sorts named volumes before anonymous ones and filters by name, driver or user', () => {
    const anon = volume({ name: 'a'.repeat(64), anonymous: true });
    const named = volume({ name: 'zdata', usedBy: [{ id: 'x', name: 'db', state: 'running' }] });
    expect(sortVolumes([anon, named]).map((v) => v.name)).toEqual(['zdata', anon.name]);
    expect(matchesVolume(named, 'DB')).toBe(true);
    expect(matchesVolume(named, 'local')).toBe(true);
    expect(matchesVolume(anon, 'db')).toBe(false);
  });
});

describe('describeVolumePrune', () => {
  it('says nothing would go, and why, per the engine rule', () => {
    expect(describeVolumePrune({ volumes: [], bytes: 0, anonymousOnly: true }, en, 'en')).toBe('Nothing to remove: no anonymous volume is unused.');
    expect(describeVolumePrune({ volumes: [], bytes: 0, anonymousOnly: false }, en, 'en')).toBe('Nothing to remove: every volume is in use.');
  });

  it('counts what it frees, and says when the engine did not measure', () => {
    expect(describeVolumePrune({ volumes: [{ name: 'a', size: 2_000_000 }], bytes: 2_000_000, anonymousOnly: false }, en, 'en')).toBe(
      '1 unused volume would be removed, freeing 2 MB.',
    );
    expect(
      describeVolumePrune(
        {
          volumes: [
            { name: 'a', size: null },
            { name: 'b', size: null },
          ],
          bytes: 0,
          anonymousOnly: false,
        },
        en,
        'en',
      ),
    ).toBe('2 unused volumes would be removed; the engine does not report their sizes.');
    expect(
      describeVolumePrune(
        {
          volumes: [
            { name: 'a', size: 5_000 },
            { name: 'b', size: null },
          ],
          bytes: 5_000,
          anonymousOnly: false,
        },
        en,
        'en',
      ),
    ).toBe('2 unused volumes would be removed, freeing at least 5 kB (1 without a reported size).');
  });
});

describe('the create form', () => {
  it('takes an empty name (the engine makes one) or the engine rule', () => {
    expect(volumeNameProblem('')).toBeNull();
    expect(volumeNameProblem('db-data_1.bak')).toBeNull();
    expect(volumeNameProblem('x')).toBe('volume-name');
    expect(volumeNameProblem('-x')).toBe('volume-name');
    expect(volumeNameProblem('a/b')).toBe('volume-name');
  });

  it('reads labels as docker volume create --label does', () => {
    expect(parseLabels('team=blue\n\n  tier = db\nflag\n')).toEqual({ labels: { team: 'blue', tier: ' db', flag: '' }, badLines: [] });
    expect(parseLabels('ok=1\n=nokey\nalso=2')).toEqual({ labels: { ok: '1', also: '2' }, badLines: [2] });
  });
});
