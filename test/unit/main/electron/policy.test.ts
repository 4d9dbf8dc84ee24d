import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, isTrustedSender, webPreferences } from '../../../../src/main/electron/policy';

describe('desktop security policy', () => {
  it('runs the page sandboxed and isolated, without Node', () => {
    const prefs = webPreferences('/app/preload.cjs', true);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('has no DevTools in a packaged build, only while developing', () => {
    expect(webPreferences('/app/preload.cjs', true).devTools).toBe(false);
    expect(webPreferences('/app/preload.cjs', false).devTools).toBe(true);
  });

  it('knows its own pages by parsed origin, not by prefix', () => {
    expect(isAppUrl('app://silo/index.html')).toBe(true);
    for (const url of ['app://silo.evil/index.html', 'app://silox/', 'https://silo/', 'file:///index.html', 'app://evil/silo', '', null])
      expect(isAppUrl(url)).toBe(false);
  });

  it('trusts only the main frame of its own window at its own origin, failing closed', () => {
    expect(isTrustedSender({ frameUrl: 'app://silo/index.html', isMainFrame: true, fromAppWindow: true })).toBe(true);
    expect(isTrustedSender({ frameUrl: null, isMainFrame: true, fromAppWindow: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://silo/index.html', isMainFrame: false, fromAppWindow: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'app://silo/index.html', isMainFrame: true, fromAppWindow: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.com/', isMainFrame: true, fromAppWindow: true })).toBe(false);
  });

  it('opens only https links in the browser', () => {
    expect(isSafeExternalUrl('https://docs.docker.com/engine/')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com', 'not a url'])
      expect(isSafeExternalUrl(url)).toBe(false);
  });
});
