// Auto-update through electron-updater, started only when the policy allows it. The module is
// loaded lazily, so a build without a feed never even loads the updater. Nothing downloads by
// itself: an update is fetched only when every file it names comes over https, and on Windows
// electron-updater's own signature check (verifyUpdateCodeSignature, against the feed's
// publisher names) is left as it is, never replaced.
import { app } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideUpdates, isSafeUpdateUrl, parseFeedFile, type UpdateDecision, type UpdateFeed } from './policy';

const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

function readFeed(resourcesPath: string | undefined): UpdateFeed | null {
  if (!resourcesPath) return null;
  try {
    return parseFeedFile(readFileSync(join(resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}

/** What the updater is started from; the defaults are the running app's. */
export interface UpdateHost {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  resourcesPath: string | undefined;
  env: NodeJS.ProcessEnv;
}

interface UpdateInfoLike {
  version?: string;
  files?: Array<{ url: string }>;
  path?: string;
}

export async function startAutoUpdate(log: (line: string) => void, host?: Partial<UpdateHost>): Promise<UpdateDecision> {
  const { isPackaged, platform, resourcesPath, env }: UpdateHost = {
    isPackaged: app.isPackaged,
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    env: process.env,
    ...host,
  };
  const decision = decideUpdates({ isPackaged, platform, feed: readFeed(resourcesPath), env });
  log(decision.enabled ? `auto-update: on (${decision.feed})` : `auto-update: off (${decision.reason})`);
  if (!decision.enabled) return decision;
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.on('update-available', (info: UpdateInfoLike) => {
    const files = [...(info.files ?? []).map((f) => f.url), ...(info.path ? [info.path] : [])];
    const unsafe = files.find((file) => !isSafeUpdateUrl(file, decision.feed));
    if (unsafe !== undefined || files.length === 0) {
      log(`auto-update: refused ${info.version ?? 'an update'}: ${unsafe === undefined ? 'it names no file' : `${unsafe} is not https`}`);
      return;
    }
    autoUpdater.downloadUpdate().catch((error: unknown) => log(`auto-update: ${(error as Error)?.message ?? error}`));
  });
  autoUpdater.on('error', (error: Error) => log(`auto-update: ${error?.message ?? error}`));
  const check = () => autoUpdater.checkForUpdates().catch((error: unknown) => log(`auto-update: ${(error as Error)?.message ?? error}`));
  void check();
  setInterval(check, CHECK_EVERY_MS).unref();
  return decision;
}
