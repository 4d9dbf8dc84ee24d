// The load dialog's limit, in Chromium through the browser host: it says what it is (8 GB unless
// raised), and a small gzip archive that would unpack past the limit the person set is refused
// with a sentence naming it, while the engine makes no image.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
let host: RunningHost;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'silo-lim-'));
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A tar header for one regular file of `size` bytes. */
function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('0', 156);
  h.write('ustar\x0000', 257);
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

it('refuses an archive that would unpack past the limit the person set, naming it', async () => {
  // About 1.3 MB that unpacks to 1.34 GB.
  const chunk = 64 * 1024 * 1024;
  const zeros = gzipSync(Buffer.alloc(chunk), { level: 9 });
  const archive = join(scratch, 'bomb.tar.gz');
  writeFileSync(archive, Buffer.concat([gzipSync(header('big', 20 * chunk)), ...Array.from({ length: 20 }, () => zeros)]));
  const images = await engine.docker(['images', '-aq']);

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(await host.newLink());
  await page.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).click();
  await page.getByRole('button', { name: 'Load or import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load or import an image from a file' });
  const limit = dialog.getByLabel('Most it may unpack to (GB)');
  await expect(limit.inputValue()).resolves.toBe('8');
  await expect(dialog.getByText('Silo stops sending once the archive would unpack to more than this.').isVisible()).resolves.toBe(true);
  await limit.fill('0');
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await dialog.getByText('A whole number of GB, from 1 to 10000.').waitFor();
  await limit.fill('1');
  await dialog.getByLabel('Archive').setInputFiles(archive);
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await dialog.getByText('This archive would unpack to more than 1 GB, the most this load allows.', { exact: false }).waitFor({ timeout: 60_000 });
  expect(await engine.docker(['images', '-aq'])).toBe(images);
  await page.close();
}, 120_000);
