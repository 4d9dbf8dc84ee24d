import { describe, expect, it, vi } from 'vitest';
import { decideUpdates, parseFeedFile, type UpdateInputs } from '../../../src/main/update/policy';
import { updateFeed } from '../../../scripts/update-feed.mjs';

const loaded = vi.hoisted(() => ({ updater: false }));
vi.mock('electron', () => ({ app: { isPackaged: false } }));
vi.mock('electron-updater', () => {
  loaded.updater = true;
  return { autoUpdater: {} };
});

const feed = { provider: 'generic', url: 'https://updates.example.org/silo/', publisherName: ['Silo Authors'] };
const packagedWindows: UpdateInputs = { isPackaged: true, platform: 'win32', feed, env: {} };

describe('auto-update', () => {
  it('is on only for a packaged build with an https feed that can update itself', () => {
    expect(decideUpdates(packagedWindows)).toEqual({ enabled: true, feed: feed.url });
    expect(decideUpdates({ ...packagedWindows, platform: 'linux', env: { APPIMAGE: '/home/me/Silo.AppImage' } })).toEqual({ enabled: true, feed: feed.url });
  });

  it('is off when no feed is configured, and in every other case', () => {
    expect(decideUpdates({ ...packagedWindows, feed: null })).toEqual({ enabled: false, reason: 'no-feed' });
    expect(decideUpdates({ ...packagedWindows, feed: { provider: 'generic', url: null } })).toEqual({ enabled: false, reason: 'no-feed' });
    expect(decideUpdates({ ...packagedWindows, feed: { provider: 'github', url: null } })).toEqual({ enabled: false, reason: 'no-feed' });
    expect(decideUpdates({ ...packagedWindows, isPackaged: false })).toEqual({ enabled: false, reason: 'not-packaged' });
    expect(decideUpdates({ ...packagedWindows, env: { SILO_DISABLE_UPDATES: '1' } })).toEqual({ enabled: false, reason: 'turned-off' });
    for (const url of ['http://updates.example.org/', 'file:///tmp/feed', 'https://user:pw@updates.example.org/', 'not a url'])
      expect(decideUpdates({ ...packagedWindows, feed: { provider: 'generic', url } })).toEqual({ enabled: false, reason: 'insecure-feed' });
    // A deb is updated by the package manager.
    expect(decideUpdates({ ...packagedWindows, platform: 'linux' })).toEqual({ enabled: false, reason: 'unsupported-install' });
    expect(decideUpdates({ ...packagedWindows, platform: 'darwin' })).toEqual({ enabled: false, reason: 'unsupported-install' });
  });

  it('reads the feed electron-builder writes into app-update.yml', () => {
    expect(parseFeedFile('provider: generic\nurl: https://updates.example.org/silo\nupdaterCacheDirName: silo-updater\n')).toEqual({
      provider: 'generic',
      url: 'https://updates.example.org/silo',
      publisherName: null,
    });
    expect(parseFeedFile('provider: \'generic\'\nurl: "https://u.example.org"\n')).toEqual({
      provider: 'generic',
      url: 'https://u.example.org',
      publisherName: null,
    });
    // electron-builder writes the publisher names as a list.
    expect(
      parseFeedFile('provider: generic\nurl: https://u.example.org\npublisherName:\n  - Silo Authors\n  - "Silo, Inc."\nupdaterCacheDirName: x\n'),
    ).toMatchObject({
      publisherName: ['Silo Authors', 'Silo, Inc.'],
    });
    expect(parseFeedFile('provider: generic\npublisherName: Silo Authors\n')?.publisherName).toEqual(['Silo Authors']);
    expect(parseFeedFile('')).toBeNull();
  });

  it('gets its feed at packaging time from SILO_UPDATE_URL, https only, or none', () => {
    expect(updateFeed({})).toBeNull();
    expect(updateFeed({ SILO_UPDATE_URL: '  ' })).toBeNull();
    expect(updateFeed({ SILO_UPDATE_URL: 'https://updates.example.org/silo/' })).toEqual({ provider: 'generic', url: 'https://updates.example.org/silo/' });
    for (const bad of ['http://updates.example.org/', 'https://a:b@updates.example.org/', 'updates.example.org'])
      expect(() => updateFeed({ SILO_UPDATE_URL: bad })).toThrow(/SILO_UPDATE_URL/);
  });

  it('never loads the updater when it is off', async () => {
    const { startAutoUpdate } = await import('../../../src/main/update/updater');
    const lines: string[] = [];
    expect(await startAutoUpdate((line) => lines.push(line))).toEqual({ enabled: false, reason: 'not-packaged' });
    expect(lines).toEqual(['auto-update: off (not-packaged)']);
    expect(loaded.updater).toBe(false);
  });
});
