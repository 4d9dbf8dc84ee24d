// electron-builder.yml, checked against electron-builder's OWN schema (its scheme.json, with the
// ajv options it uses itself, and its own validateConfiguration), then held to what Silo ships:
// fuses, asar, targets, installer options and files. Packaging itself needs Electron's binary
// download, which this machine cannot make; everything short of that is checked here.
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateFeed } from '../../../scripts/update-feed.mjs';

const root = resolve(__dirname, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));
/** The parts of electron-builder.yml these tests read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  directories: { output: string; buildResources: string };
  win: { target: unknown; icon: string; verifyUpdateCodeSignature?: boolean };
  linux: { target: unknown; icon: string };
  nsis: Record<string, unknown>;
  deb: { depends: string[] };
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The same options electron-builder compiles its schema with (app-builder-lib's schemaValidator).
const validate = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(scheme);
const builderValidate: (config: unknown, debug: unknown) => Promise<void> = require('app-builder-lib/out/util/config/config.js').validateConfiguration;
const debugLogger = { isEnabled: false, add: () => undefined };

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe("the installers' configuration", () => {
  it("passes electron-builder's own schema", async () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    await expect(builderValidate(config, debugLogger)).resolves.toBeUndefined();
  });

  it('still passes with the update feed that packaging adds when SILO_UPDATE_URL is set', async () => {
    const publish = updateFeed({ SILO_UPDATE_URL: 'https://updates.example.org/silo/' });
    await expect(builderValidate({ ...config, publish }, debugLogger)).resolves.toBeUndefined();
    expect(config).not.toHaveProperty('publish');
  });

  it('is checked for real: a misspelt fuse is rejected', async () => {
    const wrong = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    expect(validate(wrong)).toBe(false);
    await expect(builderValidate(wrong, debugLogger)).rejects.toThrow(/electronFuses/);
  });

  it('names the product and the application', () => {
    expect(config.productName).toBe('Silo');
    expect(pkg.productName).toBe('Silo');
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
  });

  it('flips the fuses of the security checklist (item 19)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('flips them in an Electron binary the way electron-builder 26 does', async () => {
    // A stand-in binary holding the fuse wire as Electron ships it (sentinel, version 1, eight
    // fuses: RunAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, only asar,
    // browser V8 snapshot, file:// privileges), flipped by electron-builder's own fuse mapping.
    const fuses = await import('@electron/fuses');
    const { PlatformPackager } = require('app-builder-lib');
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const binary = join(mkdtempSync(join(tmpdir(), 'silo-fuses-')), 'silo');
    writeFileSync(
      binary,
      Buffer.concat([Buffer.alloc(64, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.alloc(64, 7)]),
    );
    await fuses.flipFuses(binary, fuseConfig);
    const wire = await fuses.getCurrentFuseWire(binary);
    const on = (option: number) => String.fromCharCode(Number((wire as Record<number, unknown>)[option]));
    const O = fuses.FuseV1Options;
    expect(on(O.RunAsNode)).toBe('0');
    expect(on(O.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(O.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(O.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(O.OnlyLoadAppFromAsar)).toBe('1');
    expect(on(O.GrantFileProtocolExtraPrivileges)).toBe('0');
    expect(on(O.EnableCookieEncryption)).toBe('1');
    expect(on(O.LoadBrowserProcessSpecificV8Snapshot)).toBe('0');
  });

  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it('builds NSIS for Windows x64: per-user by default, install folder choice, Start menu and desktop shortcuts', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // A Windows update installs only with a valid signature of the feed's publisher.
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
  });

  it('builds AppImage and deb for Linux x64', () => {
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    // Setting deb.depends replaces electron-builder's list: it must keep what Electron needs.
    expect(config.deb.depends).toEqual(
      expect.arrayContaining(['libnss3', 'libgtk-3-0', 'libnotify4', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0']),
    );
  });

  it('uses icons from assets/, large enough for every installer', () => {
    for (const icon of [config.linux.icon, config.win.icon]) {
      expect(icon).toMatch(/^assets\//);
      const { width, height } = pngSize(join(root, icon));
      expect(width).toBeGreaterThanOrEqual(256);
      expect(height).toBe(width);
    }
    expect(config.directories.buildResources).toBe('assets');
  });

  it('ships only the built app, its icons and package.json', () => {
    const files: string[] = config.files;
    const included = files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['assets/icon.png', 'assets/tray-*.png', 'dist/**/*', 'package.json']);
    expect(files).toContain('!dist/**/*.map');
    for (const pattern of files) expect(pattern).not.toMatch(/^(src|test|scripts|bench|node_modules)\b/);
  });

  it('starts from the entry scripts/build.mjs writes, inside what ships', () => {
    const build = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    expect(build).toContain(`outfile: '${pkg.main}'`);
    expect(pkg.main).toMatch(/^dist\//);
  });

  it('has a tray icon for every engine state, at 1x and 2x', () => {
    for (const state of ['connected', 'reconnecting', 'unreachable']) {
      expect(pngSize(join(root, 'assets', `tray-${state}.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(join(root, 'assets', `tray-${state}@2x.png`))).toEqual({ width: 32, height: 32 });
      expect(existsSync(join(root, 'assets', `tray-${state}.svg`))).toBe(true);
    }
  });

  it('keeps electron-updater a runtime dependency, so that a build with a feed ships it', () => {
    expect(pkg.dependencies).toHaveProperty('electron-updater');
    expect(pkg.devDependencies).toHaveProperty('electron-builder');
    expect(pkg.devDependencies).toHaveProperty('electron');
  });
});
