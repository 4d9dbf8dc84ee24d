// Pull progress on recorded `docker pull` lines, and what load and import answers mean.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageError, type JsonMessage } from '../../../../src/shared/dashboard/json-message';
import { readLoadOutput } from '../../../../src/shared/dashboard/load-output';
import { applyPullMessage, layerPhase, newPull, pullProgress, pullQuery } from '../../../../src/shared/dashboard/pull-progress';

const ndjson = (path: string): JsonMessage[] =>
  readFileSync(new URL(`../../../fixtures/dashboard/${path}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as JsonMessage);

describe('pull progress (tsuru/tsuru recorded lines)', () => {
  const lines = ndjson('pull/tsuru-static.ndjson');

  it('follows each layer to its end, with a total of the known sizes', () => {
    const state = newPull('192.168.50.4:5000/tsuru/static');
    for (const line of lines) applyPullMessage(state, line);
    const done = pullProgress(state);
    expect(done.layers.map((l) => [l.id, l.phase])).toEqual([
      ['a6aa3b66376f', 'exists'],
      ['106572778bf7', 'complete'],
      ['bac681833e51', 'complete'],
      ['7302e23ef08a', 'complete'],
    ]);
    expect(done).toMatchObject({ layersDone: 4, total: 621 + 1854 + 21_059_403, downloaded: 621 + 1854 + 21_059_403, done: true });
    expect(done.digest).toBe('sha256:b754472891aa7e33fc0214e3efa988174f2c2289285fcae868b7ec8b6675fc77');
    expect(done.status).toBe('Status: Downloaded newer image for 192.168.50.4:5000/tsuru/static');
  });

  it('counts bytes as they download, and never goes backwards', () => {
    const state = newPull('x');
    const seen: number[] = [];
    for (const line of lines) {
      applyPullMessage(state, line);
      seen.push(pullProgress(state).downloaded);
    }
    expect(seen.every((n, i) => i === 0 || n >= seen[i - 1]!)).toBe(true);
    // After "Downloading 8.491 MB" of the big layer, the two small ones already downloaded.
    const at = lines.findIndex((l) => l.progressDetail?.current === 8_490_555);
    expect(seen[at]).toBe(621 + 1854 + 8_490_555);
  });

  it('names every phase the engine uses', () => {
    expect(
      [
        'Pulling fs layer',
        'Waiting',
        'Downloading',
        'Verifying Checksum',
        'Download complete',
        'Extracting',
        'Pull complete',
        'Already exists',
        'Retrying in 5 seconds',
        'Something new',
      ].map(layerPhase),
    ).toEqual(['waiting', 'waiting', 'downloading', 'verifying', 'downloaded', 'extracting', 'complete', 'exists', 'retrying', 'other']);
  });

  it('splits a reference into the query of POST /images/create', () => {
    expect(pullQuery('alpine')).toEqual({ fromImage: 'alpine', tag: 'latest' });
    expect(pullQuery('alpine:3.20')).toEqual({ fromImage: 'alpine', tag: '3.20' });
    expect(pullQuery('localhost:5000/team/app')).toEqual({ fromImage: 'localhost:5000/team/app', tag: 'latest' });
    expect(pullQuery('localhost:5000/team/app:1')).toEqual({ fromImage: 'localhost:5000/team/app', tag: '1' });
    expect(pullQuery('alpine@sha256:abc')).toEqual({ fromImage: 'alpine', tag: 'sha256:abc' });
  });
});

describe('load and import answers (recorded)', () => {
  it('reads the loaded references, an import id, and an archive the engine refused', () => {
    expect(readLoadOutput(ndjson('load/load.ndjson'))).toEqual({ images: ['silo-test/saveme:1'], messages: ['Loaded image: silo-test/saveme:1'], error: null });
    expect(readLoadOutput(ndjson('load/load-again.ndjson')).images).toEqual(['silo-test/saveme:1']);
    expect(readLoadOutput(ndjson('load/import.ndjson')).images).toEqual(['sha256:8f862c0eb10140f2695cbe19195b51e4420f543e8deefeb75f4d2d1a0691fa41']);
    const refused = readLoadOutput(ndjson('load/invalid-tar.ndjson'));
    expect(refused.error).toBe('Error processing tar file(exit status 1): archive/tar: invalid tar header');
    expect(refused.images).toEqual([]);
  });

  it('keeps sentences and leaves out progress lines', () => {
    const out = readLoadOutput([
      { status: 'Loading layer', progressDetail: { current: 32768, total: 1_982_256 }, id: 'abc' },
      { stream: 'Loaded image ID: sha256:' + 'a'.repeat(64) + '\n' },
    ]);
    expect(out).toEqual({ images: ['sha256:' + 'a'.repeat(64)], messages: ['Loaded image ID: sha256:' + 'a'.repeat(64)], error: null });
    expect(messageError({ error: 'plain' })).toBe('plain');
    expect(messageError({ status: 'fine' })).toBeNull();
  });
});
