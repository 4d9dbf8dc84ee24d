// The rules every web contents of Silo's process is held to, not only its window's: Electron may
// make others (a devtools host, a frame, something a future feature opens), and each is created
// through `app.on('web-contents-created')`, where index.ts applies these (checklist 12–14).
// Navigation, redirects and sub-frame navigation stay on app://silo; no new window ever opens;
// no webview attaches. The window adds only the opening of https links the person clicks.
import type { WebContents } from 'electron';
import { isAppUrl } from './policy';

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // Any frame's navigation, the main frame's and every sub-frame's (Silo's page has none).
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
