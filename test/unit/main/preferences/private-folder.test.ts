// The config folder was created 0755: another local user could read the settings and the move
// journal. It is created 0700 with its files 0600, and a folder an older Silo left open is
// tightened when the settings store opens it (both hosts open it first thing).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { securePrivateFolder } from '../../../../src/main/preferences/private-folder';
import { PreferencesStore } from '../../../../src/main/preferences/store';
import { writeBounds } from '../../../../src/main/electron/window-state';

const mode = (path: string): number => statSync(path).mode & 0o777;
let root: string;
let umask: number;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'silo-cfg-'));
  umask = process.umask(0o022); // the usual umask, which made the folder 0755
});

afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

describe('the config folder', () => {
  it('is created 0700 by the settings store, nested folders too, and settings.json is 0600', () => {
    const dir = join(root, 'xdg', 'Silo');
    const store = new PreferencesStore(dir);
    expect(mode(dir)).toBe(0o700);
    store.update({ language: 'es' });
    expect(mode(join(dir, 'settings.json'))).toBe(0o600);
  });

  it('an open folder from an older Silo is tightened, and the files in it', () => {
    const dir = join(root, 'Silo');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'settings.json'), '{"language":"en"}\n', { mode: 0o644 });
    writeFileSync(join(dir, 'window-state.json'), '{}\n', { mode: 0o664 });
    writeFileSync(join(dir, 'read-only'), '', { mode: 0o444 });
    mkdirSync(join(dir, 'recreate-journal'), { mode: 0o755 });
    const warnings: string[] = [];
    expect(new PreferencesStore(dir, (w) => warnings.push(w)).get()).toMatchObject({ language: 'en' }); // the other preferences keep their defaults
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'settings.json'))).toBe(0o600);
    expect(mode(join(dir, 'window-state.json'))).toBe(0o600);
    expect(mode(join(dir, 'read-only'))).toBe(0o400); // only ever narrowed
    expect(warnings).toEqual([]);
  });

  it('never changes what a symlink in it points to', () => {
    const dir = join(root, 'Silo');
    mkdirSync(dir);
    const outside = join(root, 'outside');
    writeFileSync(outside, '', { mode: 0o644 });
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(dir, 'link'));
    securePrivateFolder(dir);
    expect(mode(outside)).toBe(0o644);
    expect(mode(dir)).toBe(0o700);
  });

  it('the window bounds are written 0600 in a 0700 folder', () => {
    const file = join(root, 'userData', 'window-state.json');
    writeBounds(file, { width: 800, height: 600, maximized: false });
    expect(mode(join(root, 'userData'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });
});
