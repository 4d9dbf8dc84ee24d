// Issue 17, volumes, in Chromium at the browser host: a person opens a volume's files, goes into a
// folder by its name and back by the breadcrumb, scrolls a folder of 10,000 files (only the rows
// in view are drawn), reads a text file, downloads a file (the browser's download holds its
// bytes), exports the whole volume as .tar.gz with its progress, getting the volume's tar, imports
// that file into a new volume, is stopped from importing into the full one without a choice, and
// clones the volume.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';
import { MANY, fillVolume, helpersLeft } from '../support/volume-fixture';

const engine = new TestEngine(inject('engineDir'));
const volume = 'e2e-vf-data';
const copy = 'e2e-vf-copy';
const clone = 'e2e-vf-clone';
let host: RunningHost;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'silo-e2e-vf-'));
  await fillVolume(engine, volume);
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.docker(['volume', 'rm', '-f', volume, copy, clone]).catch(() => undefined);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function openFiles(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(await host.newLink());
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
  await page
    .getByRole('row', { name: volume, exact: true })
    .getByRole('button', { name: `Files of ${volume}` })
    .click();
  return page;
}

describe('a volume’s files in the browser', () => {
  it('browses folders, reads a file, downloads one, and scrolls 10,000 entries drawing only those in view', async () => {
    const page = await openFiles();
    const dialog = page.getByRole('dialog', { name: `Files of ${volume}` });
    const table = dialog.getByRole('grid', { name: 'Entries of /' });
    await table.waitFor({ timeout: 20_000 });
    const owned = table.getByRole('row', { name: 'owned.txt', exact: true });
    await expect.poll(() => owned.textContent()).toMatch(/-rwsr-x---.*1234:5678/);

    await table.getByRole('button', { name: 'Open folder a' }).click();
    await dialog.getByRole('grid', { name: 'Entries of a' }).getByRole('button', { name: 'Open folder b' }).click();
    const ab = dialog.getByRole('grid', { name: 'Entries of a/b' });
    await expect.poll(() => ab.getByRole('row', { name: 'up', exact: true }).textContent()).toMatch(/up → \.\.\/\.\.l/);
    await dialog.getByRole('navigation', { name: 'Folder' }).getByRole('button', { name: volume, exact: true }).click();

    await dialog.getByRole('grid', { name: 'Entries of /' }).getByRole('button', { name: 'Show file hello.txt' }).click();
    await expect.poll(() => dialog.getByRole('region', { name: 'Content of hello.txt' }).locator('pre').textContent(), { timeout: 20_000 }).toBe('hello\n');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: 'Download hello.txt' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hello.txt');
    const saved = join(scratch, 'hello.txt');
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe('hello\n');

    await dialog.getByRole('grid', { name: 'Entries of /' }).getByRole('button', { name: 'Open folder many' }).click();
    const many = dialog.getByRole('grid', { name: 'Entries of many' });
    await many.waitFor({ timeout: 30_000 });
    expect(await many.getAttribute('aria-rowcount')).toBe(String(MANY + 1));
    const drawn = await many.getByRole('row').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    await page.close();
    await expect.poll(() => helpersLeft(engine), { timeout: 20_000 }).toBe('');
  });

  it('exports the whole volume as .tar.gz with its progress, imports that file into a new volume, and clones the volume', async () => {
    const page = await openFiles();
    const dialog = page.getByRole('dialog', { name: `Files of ${volume}` });
    await dialog.getByRole('grid', { name: 'Entries of /' }).waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Export the volume…' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${volume}.tar.gz`);
    const saved = join(scratch, 'export.tar.gz');
    await download.saveAs(saved);
    await expect
      .poll(() => dialog.getByRole('status', { name: 'Saving' }).textContent())
      .toMatch(new RegExp(`${volume}\\.tar\\.gz saved: .*, \\d{5} files\\.`));
    const tar = join(scratch, 'export.tar');
    writeFileSync(tar, gunzipSync(readFileSync(saved)));
    const names = execFileSync('tar', ['-tf', tar], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
    expect(names).toContain('./a/b/c/deep.txt');
    expect(names.filter((n) => n.startsWith('./many/f'))).toHaveLength(MANY);

    // The export imported into a new volume, from the page's file picker.
    await dialog.getByLabel('Tar or .tar.gz file').setInputFiles(saved);
    await dialog.getByLabel('Name of the new volume').fill(copy);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status', { name: 'Import' }).textContent(), { timeout: 60_000 }).toMatch(`Imported into ${copy}`);
    const listed = await engine.docker(['run', '--rm', '--network', 'none', '-v', `${copy}:/v:ro`, TEST_IMAGE, 'cat', '/v/a/b/c/deep.txt']);
    expect(listed).toBe('deep');

    // Into this volume, which holds files: not without a choice of replace or merge.
    await dialog.getByLabel(`Into ${volume}`).check();
    await expect.poll(() => dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => dialog.getByRole('radiogroup').textContent()).toMatch(/already holds files.*backup/);

    await dialog.getByLabel('Name of the clone').fill(clone);
    await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status', { name: 'Clone' }).textContent(), { timeout: 60_000 }).toBe(`Cloned into ${clone}.`);
    expect(await engine.docker(['run', '--rm', '--network', 'none', '-v', `${clone}:/v:ro`, TEST_IMAGE, 'cat', '/v/hello.txt'])).toBe('hello');
    await page.close();
  });
});
