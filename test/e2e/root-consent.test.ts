// The create form asks consent for every root-equivalent choice, in Debian's Chromium at the browser
// host with the private engine behind it: a bind of /etc shows its box as it is typed; a symlink to
// the engine's own socket is found by the host when it follows the link, and the form then shows
// that finding with its own box; each box is labelled with its sentence and ticked from the
// keyboard; the container made is marked on its row.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const name = `e2e-root-${process.pid}`;
let host: RunningHost;
let browser: Browser;
let links: string;

beforeAll(async () => {
  links = mkdtempSync(join(tmpdir(), 'silo-e2e-links-'));
  symlinkSync(engine.socketPath, join(links, 'innocent'));
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.docker(['rm', '-f', name]).catch(() => undefined);
  rmSync(links, { recursive: true, force: true });
});

async function openSilo(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(await host.newLink());
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  return page;
}

describe('consent in the create form', () => {
  it('a box per root-equivalent choice, the host’s own findings included, ticked from the keyboard; the row is marked', { timeout: 90_000 }, async () => {
    const page = await openSilo();
    await page.getByRole('button', { name: 'New container', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New container' });
    await dialog.waitFor();
    const submit = dialog.getByRole('button', { name: 'Create', exact: true });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await dialog.getByRole('combobox', { name: 'Image', exact: true }).selectOption(TEST_IMAGE);
    await dialog.getByRole('textbox', { name: 'Command', exact: true }).fill('sh -c "test -S /s"');
    await dialog.getByRole('combobox', { name: 'Network', exact: true }).fill('none');
    const volumes = dialog.getByRole('textbox', { name: 'Volumes and bind mounts' });

    // Seen in the path as typed: its box at once, and nothing can be sent until it is ticked.
    await volumes.fill('/etc:/host-etc:ro');
    const etc = dialog.getByRole('checkbox', { name: /^\/etc:\/host-etc:ro holds the host's configuration .* I mean it$/ });
    await etc.waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await etc.focus();
    await page.keyboard.press('Space');
    expect(await etc.isChecked()).toBe(true);
    await expect.poll(() => submit.isEnabled()).toBe(true);

    // A symlink under another name: only the host, following it, sees the engine's socket.
    await volumes.fill(`${links}/innocent:/s`);
    await etc.waitFor({ state: 'detached' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: 20_000 })
      .toMatch(`${links}/innocent:/s would give this container control of the host`);
    expect(await engine.docker(['ps', '-aq', '--filter', `name=${name}`])).toBe('');
    const socket = dialog.getByRole('checkbox', {
      name: new RegExp(`reaches the engine's socket: .* It leads to ${engine.socketPath.replace(/[.]/g, '\\.')}\\. I mean it$`),
    });
    await socket.waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await socket.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });

    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
    const row = page.getByRole('row', { name: new RegExp(`^${name}, `) });
    await row.waitFor({ timeout: 10_000 });
    const mark = row.getByRole('img', { name: /^Can take over the host: .*reaches the engine's socket/ });
    await mark.waitFor({ timeout: 20_000 });
    expect(await engine.docker(['inspect', '-f', '{{(index .Mounts 0).Source}}', name])).toBe(`${links}/innocent`);
    await page.close();
  });
});
