// Whether Silo updates itself: only a packaged build that was given an https feed at packaging
// time (scripts/package.mjs writes it into app-update.yml), installed in a way that can update
// itself (NSIS on Windows, an AppImage on Linux; a deb is updated by the package manager), and
// not turned off. Without a feed, Silo never contacts any update server. On Windows an update
// is installed only once electron-updater has checked its Authenticode signature against the
// publisher names the feed file carries: without them it would check nothing, so Silo does not
// update at all. Every file an update names must come over https too.

export interface UpdateFeed {
  provider: string;
  url: string | null;
  /** The signing certificate's subject names (electron-builder's `publisherName`); Windows only. */
  publisherName?: string[] | null;
}

export type UpdateDecision =
  | { enabled: true; feed: string }
  | { enabled: false; reason: 'not-packaged' | 'turned-off' | 'no-feed' | 'insecure-feed' | 'unsigned' | 'unsupported-install' };

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
  // electron-updater verifies a Windows update's signature only against these names.
  if (platform === 'win32' && !(feed.publisherName ?? []).some((name) => name.trim() !== '')) return { enabled: false, reason: 'unsigned' };
  return { enabled: true, feed: feed.url };
}

/** A file an update names (relative to the feed, or absolute) may be downloaded only over https, without credentials. */
export function isSafeUpdateUrl(file: string, feed: string): boolean {
  try {
    return isHttps(new URL(file, feed).toString());
  } catch {
    return false;
  }
}

function isHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The top-level keys Silo reads from electron-builder's app-update.yml: provider, url, publisherName (a list). */
export function parseFeedFile(text: string): UpdateFeed | null {
  const value = (key: string) => {
    const match = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(text);
    return match?.[1] ? unquote(match[1]) : null;
  };
  const provider = value('provider');
  return provider ? { provider, url: value('url'), publisherName: publisherNames(text) } : null;
}

/** `publisherName:` followed by `  - Name` lines, or `publisherName: Name`, or `[A, B]`. */
function publisherNames(text: string): string[] | null {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((line) => /^publisherName:/.test(line));
  if (at < 0) return null;
  const inline = (lines[at] ?? '').replace(/^publisherName:/, '').trim();
  if (inline.startsWith('['))
    return inline
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map(unquote)
      .filter(Boolean);
  if (inline) return [unquote(inline)];
  const names: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s+-\s*(.*?)\s*$/.exec(line);
    if (!item) break;
    if (item[1]) names.push(unquote(item[1]));
  }
  return names;
}

function unquote(text: string): string {
  return text.trim().replace(/^(['"])(.*)\1$/, '$2');
}
