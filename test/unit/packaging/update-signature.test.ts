// Update signatures and feeds: on Windows electron-updater checks an update's Authenticode
// signature only against the publisher names of app-update.yml (with none it checks nothing), so
// Silo does not update there without them, and never replaces that check; an update whose files
// do not all come over https is not downloaded. electron-updater is replaced at the module boundary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decideUpdates, isSafeUpdateUrl } from '../../../src/main/update/policy';
import { updateFeed } from '../../../scripts/update-feed.mjs';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const verify = async () => null;
  const updater = {
    loaded: false,
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    handlers: new Map<string, Handler>(),
    checks: 0,
    downloads: 0,
    assigned: [] as string[],
    on(event: string, handler: Handler) {
      updater.handlers.set(event, handler);
      return updater;
    },
    checkForUpdates: async () => {
      updater.checks += 1;
      return null;
    },
    downloadUpdate: async () => {
      updater.downloads += 1;
      return [];
    },
  };
  // electron-updater's NsisUpdater: a setter that replaces the signature check.
  let current: unknown = verify;
  Object.defineProperty(updater, 'verifyUpdateCodeSignature', {
    get: () => current,
    set: (value) => {
      updater.assigned.push('verifyUpdateCodeSignature');
      current = value;
    },
  });
  return { updater, verify };
});
vi.mock('electron', () => ({ app: { isPackaged: false } }));
vi.mock('electron-updater', () => {
  fake.updater.loaded = true;
  return { autoUpdater: fake.updater };
});

const { startAutoUpdate } = await import('../../../src/main/update/updater');

function resources(yml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'silo-res-'));
  writeFileSync(join(dir, 'app-update.yml'), yml);
  return dir;
}

const FEED = 'https://updates.example.org/silo/';
const windows = { provider: 'generic', url: FEED };

describe('update signatures', () => {
  it('Windows updates need the publisher names electron-updater verifies against', () => {
    expect(decideUpdates({ isPackaged: true, platform: 'win32', feed: windows, env: {} })).toEqual({ enabled: false, reason: 'unsigned' });
    expect(decideUpdates({ isPackaged: true, platform: 'win32', feed: { ...windows, publisherName: [' '] }, env: {} })).toEqual({
      enabled: false,
      reason: 'unsigned',
    });
    expect(decideUpdates({ isPackaged: true, platform: 'win32', feed: { ...windows, publisherName: ['Silo Authors'] }, env: {} })).toEqual({
      enabled: true,
      feed: FEED,
    });
    expect(updateFeed({ SILO_UPDATE_URL: FEED, SILO_WIN_PUBLISHER: ' Silo Authors ' })).toEqual({
      provider: 'generic',
      url: FEED,
      publisherName: ['Silo Authors'],
    });
  });

  it('an update file must come over https, relative to the feed or absolute, without credentials', () => {
    expect(isSafeUpdateUrl('Silo-Setup-1.2.0.exe', FEED)).toBe(true);
    expect(isSafeUpdateUrl('https://cdn.example.org/Silo-1.2.0.AppImage', FEED)).toBe(true);
    for (const bad of ['http://cdn.example.org/Silo-Setup.exe', 'file:///tmp/Silo-Setup.exe', 'https://u:p@cdn.example.org/x.exe', '//:x'])
      expect(isSafeUpdateUrl(bad, FEED), bad).toBe(false);
  });

  it('a Windows build whose feed names no publisher never loads the updater', async () => {
    const lines: string[] = [];
    const decision = await startAutoUpdate((l) => lines.push(l), {
      isPackaged: true,
      platform: 'win32',
      resourcesPath: resources(`provider: generic\nurl: ${FEED}\n`),
      env: {},
    });
    expect(decision).toEqual({ enabled: false, reason: 'unsigned' });
    expect(lines).toEqual(['auto-update: off (unsigned)']);
    expect(fake.updater.loaded).toBe(false);
  });

  it('keeps electron-updater’s signature check, downloads nothing by itself, and refuses an update with a file not over https', async () => {
    const lines: string[] = [];
    const decision = await startAutoUpdate((l) => lines.push(l), {
      isPackaged: true,
      platform: 'win32',
      resourcesPath: resources(`provider: generic\nurl: ${FEED}\npublisherName:\n  - Silo Authors\n`),
      env: {},
    });
    expect(decision).toEqual({ enabled: true, feed: FEED });
    expect(fake.updater.loaded).toBe(true);
    expect(fake.updater.assigned).toEqual([]);
    expect((fake.updater as unknown as { verifyUpdateCodeSignature: unknown }).verifyUpdateCodeSignature).toBe(fake.verify);
    expect(fake.updater.autoDownload).toBe(false);
    expect(fake.updater.allowDowngrade).toBe(false);
    expect(fake.updater.checks).toBe(1);

    const available = fake.updater.handlers.get('update-available')!;
    available({ version: '9.9.9', files: [{ url: 'http://cdn.example.org/Silo-Setup-9.9.9.exe' }] });
    available({ version: '9.9.9', files: [] });
    expect(fake.updater.downloads).toBe(0);
    expect(lines.filter((l) => l.includes('refused'))).toHaveLength(2);
    available({ version: '1.2.0', files: [{ url: 'Silo-Setup-1.2.0.exe' }], path: 'Silo-Setup-1.2.0.exe' });
    expect(fake.updater.downloads).toBe(1);
  });
});
