// The desktop app's security decisions as pure functions, so they are tested without Electron
// (Electron's security checklist, docs/security.md).

/** The renderer is served from this origin by Silo's own protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'silo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export interface SafeWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  /** No DevTools in a packaged build: they would hand anyone at the keyboard the contract, unchecked by the page. */
  devTools: boolean;
}

/** `packaged`: Electron's `app.isPackaged`. DevTools only while developing. */
export function webPreferences(preload: string, packaged: boolean): SafeWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !packaged,
  };
}

/** Is this URL one of Silo's own pages? Compared by parsed origin, never by prefix. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * An IPC message is trusted only when it comes from the main frame of Silo's own window, at
 * Silo's own origin. A null frame (navigated away or destroyed) fails closed.
 */
export function isTrustedSender(sender: { frameUrl: string | null; isMainFrame: boolean; fromAppWindow: boolean }): boolean {
  return sender.fromAppWindow && sender.isMainFrame && isAppUrl(sender.frameUrl);
}

/** Links a person clicked may open in their browser: https only, with a real host. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
