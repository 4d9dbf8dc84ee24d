// Whether Silo updates itself: only a packaged build that was given an https feed at packaging
// time (scripts/package.mjs writes it into app-update.yml), installed in a way that can update
// itself (NSIS on Windows, an AppImage on Linux; a deb is updated by the package manager), and
// not turned off. Without a feed, Silo never contacts any update server.

export interface UpdateFeed {
  provider: string;
  url: string | null;
}

export type UpdateDecision =
  { enabled: true; feed: string } | { enabled: false; reason: 'not-packaged' | 'turned-off' | 'no-feed' | 'insecure-feed' | 'unsupported-install' };

export interface UpdateInputs {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** The feed of the app's resources/app-update.yml, or null when the build has none. */
  feed: UpdateFeed | null;
  env: Readonly<Record<string, string | undefined>>;
}

export function decideUpdates({ isPackaged, platform, feed, env }: UpdateInputs): UpdateDecision {
  if (!isPackaged) return { enabled: false, reason: 'not-packaged' };
  if (env.SILO_DISABLE_UPDATES === '1') return { enabled: false, reason: 'turned-off' };
  if (!feed || feed.provider !== 'generic' || !feed.url) return { enabled: false, reason: 'no-feed' };
  if (!isHttps(feed.url)) return { enabled: false, reason: 'insecure-feed' };
  const canUpdateItself = platform === 'win32' || (platform === 'linux' && Boolean(env.APPIMAGE));
  if (!canUpdateItself) return { enabled: false, reason: 'unsupported-install' };
  return { enabled: true, feed: feed.url };
}

function isHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The two top-level keys Silo reads from electron-builder's app-update.yml. */
export function parseFeedFile(text: string): UpdateFeed | null {
  const value = (key: string) => {
    const match = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(text);
    return match?.[1] ? match[1].replace(/^(['"])(.*)\1$/, '$2') : null;
  };
  const provider = value('provider');
  return provider ? { provider, url: value('url') } : null;
}
