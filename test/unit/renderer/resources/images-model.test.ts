import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/renderer/i18n';
import {
  describeImagePrune,
  describeLayer,
  describePull,
  imageName,
  imageRows,
  layerFraction,
  otherTags,
  platformOf,
  pullFraction,
  readableCommand,
  rowName,
  rowReference,
  shortId,
  summarizeLayers,
  wrapCommand,
} from '../../../../src/renderer/views/images/model';
import { image, layer, layerProgress, pullProgress } from './fixtures';

const en = translator('en');
const es = translator('es');

describe('naming an image', () => {
  it('is its first tag, or its short id when untagged', () => {
    expect(imageName(image({ tags: ['web:1', 'web:latest'] }))).toBe('web:1');
    const dangling = image({ id: 'sha256:0123456789abcdef' + '0'.repeat(48), tags: [] });
    expect(imageName(dangling)).toBe('0123456789ab');
    expect(shortId(dangling.id)).toBe('0123456789ab');
  });

  it('lists a row per tag, as docker images does, and one for an untagged image', () => {
    const web = image({ tags: ['web:latest', 'web:1'], createdAt: 2 });
    const dangling = image({ tags: [], createdAt: 1 });
    const rows = imageRows([dangling, web]);
    expect(rows.map(rowName)).toEqual(['web:1', 'web:latest', shortId(dangling.id)]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
    expect(otherTags(rows[0]!)).toEqual(['web:latest']);
    expect(rowReference(rows[0]!)).toBe('web:1');
    expect(rowReference(rows[2]!)).toBe(dangling.id);
  });

  it('shows the platform, with OsVersion for a Windows image', () => {
    expect(platformOf({ os: 'linux', architecture: 'arm64/v8', osVersion: null })).toBe('linux/arm64/v8');
    expect(platformOf({ os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.2762' })).toBe('windows/amd64 · 10.0.20348.2762');
    expect(platformOf({ os: null, architecture: null, osVersion: null })).toBe('');
  });

  it('sorts newest first and filters by tag, or by id prefix (every tag of that image)', () => {
    const old = image({ createdAt: 1, tags: ['old:1'] });
    const fresh = image({ id: `sha256:${'ab'.repeat(32)}`, createdAt: 2, tags: ['fresh:1', 'fresh:latest'] });
    expect(imageRows([old, fresh]).map(rowName)).toEqual(['fresh:1', 'fresh:latest', 'old:1']);
    expect(imageRows([old, fresh], 'LATEST').map(rowName)).toEqual(['fresh:latest']);
    expect(imageRows([old, fresh], 'abab').map(rowName)).toEqual(['fresh:1', 'fresh:latest']);
    expect(imageRows([old, fresh], '  ')).toHaveLength(3);
  });
});

describe('readableCommand', () => {
  it('reads the classic builder: #(nop) instructions and RUN steps', () => {
    expect(readableCommand('/bin/sh -c #(nop)  CMD ["sh"]')).toEqual({ instruction: 'CMD', text: '["sh"]' });
    expect(readableCommand('/bin/sh -c #(nop) ADD file:6f2e in / ')).toEqual({ instruction: 'ADD', text: 'file:6f2e in /' });
    expect(readableCommand('/bin/sh -c apk add --no-cache curl')).toEqual({ instruction: 'RUN', text: 'apk add --no-cache curl' });
    expect(readableCommand('|2 VERSION=1.2 TARGET=x /bin/sh -c make install')).toEqual({ instruction: 'RUN', text: 'make install' });
  });

  it('reads BuildKit steps', () => {
    expect(readableCommand('RUN /bin/sh -c apt-get update # buildkit')).toEqual({ instruction: 'RUN', text: 'apt-get update' });
    expect(readableCommand('COPY app /app # buildkit')).toEqual({ instruction: 'COPY', text: 'app /app' });
    expect(readableCommand('WORKDIR /srv')).toEqual({ instruction: 'WORKDIR', text: '/srv' });
  });

  it('reads Windows shells', () => {
    expect(readableCommand('cmd /S /C #(nop) WORKDIR C:\\app')).toEqual({ instruction: 'WORKDIR', text: 'C:\\app' });
    expect(readableCommand("powershell -Command $ErrorActionPreference = 'Stop'; Install-Thing")).toEqual({
      instruction: 'RUN',
      text: "$ErrorActionPreference = 'Stop'; Install-Thing",
    });
  });

  it('keeps a docker commit as it is, and an import as empty', () => {
    expect(readableCommand('sh -c echo hello > /app/greeting.txt')).toEqual({ instruction: null, text: 'sh -c echo hello > /app/greeting.txt' });
    expect(readableCommand('')).toEqual({ instruction: null, text: '' });
  });

  it('breaks a long chain before each && so it reads as a list', () => {
    const line = 'apt-get update && apt-get install -y curl ca-certificates && rm -rf /var/lib/apt/lists/* || true';
    expect(wrapCommand(line)).toEqual(['apt-get update', '&& apt-get install -y curl ca-certificates', '&& rm -rf /var/lib/apt/lists/*', '|| true']);
    expect(wrapCommand('a && b')).toEqual(['a && b']);
  });
});

describe('summarizeLayers', () => {
  it('counts the steps, the layers with files and their bytes', () => {
    const layers = [
      layer({ size: 6, createdBy: 'sh -c echo' }),
      layer({ size: 0, empty: true, createdBy: '/bin/sh -c #(nop)  CMD ["sh"]' }),
      layer({ size: 1_980_000, comment: 'Imported from -' }),
    ];
    expect(summarizeLayers(layers)).toEqual({ steps: 3, fileLayers: 2, size: 1_980_006 });
    expect(summarizeLayers([])).toEqual({ steps: 0, fileLayers: 0, size: 0 });
  });
});

describe('pull progress', () => {
  it('fills each layer by its phase and bytes', () => {
    expect(layerFraction(layerProgress({ phase: 'waiting' }))).toBe(0);
    expect(layerFraction(layerProgress({ phase: 'downloading', current: 25, total: 100 }))).toBe(0.25);
    expect(layerFraction(layerProgress({ phase: 'downloading', current: 25, total: null }))).toBeNull();
    expect(layerFraction(layerProgress({ phase: 'extracting', current: 50, total: 100 }))).toBe(0.5);
    for (const phase of ['verifying', 'downloaded', 'complete', 'exists'] as const) expect(layerFraction(layerProgress({ phase }))).toBe(1);
    expect(layerFraction(layerProgress({ phase: 'retrying', status: 'Retrying in 5 seconds' }))).toBeNull();
  });

  it('totals the bytes over the known sizes; full once done; unknown before any size', () => {
    expect(pullFraction(pullProgress({ downloaded: 30, total: 120 }))).toBe(0.25);
    expect(pullFraction(pullProgress({ downloaded: 0, total: 0 }))).toBeNull();
    expect(pullFraction(pullProgress({ downloaded: 0, total: 0, done: true }))).toBe(1);
  });

  it('words the total and each layer', () => {
    const progress = pullProgress({ layers: [layerProgress(), layerProgress({ id: 'b' })], layersDone: 1, downloaded: 1_500_000, total: 3_000_000 });
    expect(describePull(progress, en, 'en')).toBe('1 of 2 layers · 1.5 MB of 3 MB');
    expect(describePull({ ...progress, total: 0 }, en, 'en')).toBe('1 of 2 layers');
    expect(describePull(progress, es, 'es')).toBe('1 de 2 capas · 1,5 MB de 3 MB');
    expect(describeLayer(layerProgress({ phase: 'downloading', current: 1_000, total: 2_000_000 }), en, 'en')).toBe('Downloading · 1 kB of 2 MB');
    expect(describeLayer(layerProgress({ phase: 'exists' }), en, 'en')).toBe('Already here');
    expect(describeLayer(layerProgress({ phase: 'retrying', status: 'Retrying in 5 seconds' }), en, 'en')).toBe('Retrying in 5 seconds');
  });
});

describe('describeImagePrune', () => {
  it('says what would go and what it frees, or that nothing would', () => {
    expect(describeImagePrune({ images: [], bytes: 0 }, en, 'en')).toMatch(/^Nothing to remove/);
    expect(describeImagePrune({ images: [{ id: 'a', size: 5, createdAt: 0 }], bytes: 1_200_000 }, en, 'en')).toBe(
      '1 unused image would be removed, freeing 1.2 MB.',
    );
    const two = {
      images: [
        { id: 'a', size: 5, createdAt: 0 },
        { id: 'b', size: 5, createdAt: 0 },
      ],
      bytes: 42_000_000,
    };
    expect(describeImagePrune(two, en, 'en')).toBe('2 unused images would be removed, freeing 42 MB.');
    expect(describeImagePrune(two, es, 'es')).toBe('Se eliminarían 2 imágenes no usadas, liberando 42 MB.');
  });
});
