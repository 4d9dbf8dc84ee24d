// A person at the browser host changes the engine's default runtime in Settings, against a private
// engine of this file's own (the shared e2e engine keeps its default): gVisor becomes the default,
// the Engine view shows it, a container created without a runtime runs under gVisor; then back to
// runc. The daemon.json editor refuses a bad file before anything is written.
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine();
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  await engine.start();
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.destroy();
});

async function openSettings(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(host.url);
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  return page;
}

const defaultIsolation = (page: Page) => page.getByRole('region', { name: 'Default isolation' });
const uname = () => engine.docker(['run', '--rm', '--network', 'none', TEST_IMAGE, 'uname', '-r']);
const onDisk = () => JSON.parse(readFileSync(engine.configFile, 'utf8')) as Record<string, unknown>;

async function chooseDefault(page: Page, runtime: string): Promise<void> {
  const section = defaultIsolation(page);
  await section.getByRole('radio', { name: new RegExp(`^${runtime}\\b`) }).check();
  await section.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect.poll(() => section.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Applied and verified/);
}

async function engineViewDefault(page: Page): Promise<string | null> {
  await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
  return page.locator('.fact', { has: page.getByText('Default runtime', { exact: true }) }).locator('dd').textContent();
}

describe('Settings: the default runtime', () => {
  it('a person makes gVisor the default, the Engine view shows it, a new container runs under it; then back to runc', async () => {
    expect(await uname()).toBe(release());
    const page = await openSettings();
    const section = defaultIsolation(page);
    await expect.poll(() => section.getByRole('radio', { name: /^runc\b/ }).isChecked(), { timeout: 10_000 }).toBe(true);

    await chooseDefault(page, 'runsc');
    expect(onDisk()['default-runtime']).toBe('runsc');
    await expect.poll(() => engineViewDefault(page), { timeout: 10_000 }).toBe('runsc');
    expect(await uname()).toBe('4.4.0');

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await chooseDefault(page, 'runc');
    expect(onDisk()['default-runtime']).toBe('runc');
    await expect.poll(() => engineViewDefault(page), { timeout: 10_000 }).toBe('runc');
    expect(await uname()).toBe(release());
    await page.close();
  });

  it('the daemon.json editor shows problems as typed, with line and column, and writes nothing while they stand', async () => {
    const before = readFileSync(engine.configFile);
    const page = await openSettings();
    const editorSection = page.getByRole('region', { name: 'Configuration file (daemon.json)' });
    const editor = editorSection.getByRole('textbox', { name: /^Contents of/ });
    await expect.poll(() => editor.inputValue(), { timeout: 10_000 }).toBe(before.toString('utf8'));
    const apply = editorSection.getByRole('button', { name: 'Apply', exact: true });

    await editor.fill('{\n  "runtimes": {\n    "runsc": {"path": "/usr/bin/runsc", "runtimeArgs": ["--network=none"]},\n  }\n}\n');
    await expect.poll(() => editorSection.textContent()).toMatch(/Line 4, column 3.*This is not valid JSON here/);
    expect(await apply.isDisabled()).toBe(true);

    await editor.fill('{\n  "default-runtme": "runsc",\n  "runtimes": {\n    "kata": {"path": "/usr/bin/no-such-kata"}\n  }\n}\n');
    await expect.poll(() => editorSection.textContent()).toMatch(/Line 2, column 3.*"default-runtme" is not an option the engine knows/);
    // The binary on disk is checked by Silo itself a moment after typing stops.
    await expect.poll(() => editorSection.textContent(), { timeout: 10_000 }).toMatch(/Line 4, column \d+.*points at \/usr\/bin\/no-such-kata, which is not a program/);
    await expect.poll(() => editorSection.textContent()).toMatch(/default-runtme added: "runsc"/);
    expect(await apply.isDisabled()).toBe(true);
    expect(readFileSync(engine.configFile).equals(before)).toBe(true);

    await editorSection.getByRole('button', { name: 'Discard my edits' }).click();
    expect(await editor.inputValue()).toBe(before.toString('utf8'));
    await page.close();
  });
});
