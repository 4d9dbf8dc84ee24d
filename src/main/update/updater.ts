// Auto-update through electron-updater, started only when the policy allows it. The module is
// loaded lazily, so a build without a feed never even loads the updater.
import { app } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideUpdates, parseFeedFile, type UpdateDecision, type UpdateFeed } from './policy';

const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

function readFeed(resourcesPath: string): UpdateFeed | null {
  try {
    return parseFeedFile(readFileSync(join(resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}

export async function startAutoUpdate(log: (line: string) => void): Promise<UpdateDecision> {
  const decision = decideUpdates({ isPackaged: app.isPackaged, platform: process.platform, feed: readFeed(process.resourcesPath), env: process.env });
  log(decision.enabled ? `auto-update: on (${decision.feed})` : `auto-update: off (${decision.reason})`);
  if (!decision.enabled) return decision;
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const check = () => autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => log(`auto-update: ${(error as Error)?.message ?? error}`));
  void check();
  setInterval(check, CHECK_EVERY_MS).unref();
  return decision;
}
