// A person moves a container on a network to gVisor, which the test engine registered with
// --network=none: the dialog will not go on until the person ticks that its network will not work
// as before; once moved, its image column reads as the old image with the kept changes.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine, TEST_IMAGE } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const name = 'e2e-iso-ack';
const network = 'e2e-iso-ack-net';
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
  await engine.docker(['network', 'create', network]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.docker(['rm', '-f', name]).catch(() => undefined);
  await engine.docker(['network', 'rm', network]).catch(() => undefined);
  const kept = await engine.docker(['images', '-q', 'silo-keep/*']).catch(() => '');
  if (kept) await engine.docker(['rmi', '-f', ...new Set(kept.split('\n'))]).catch(() => undefined);
});

describe('a move that cuts the network', () => {
  it('needs the person to acknowledge it, and the kept image reads as such', { timeout: 150_000 }, async () => {
    await engine.docker(['run', '-d', '--name', name, '--network', network, '--stop-timeout', '1', TEST_IMAGE, 'sh', '-c', 'echo note > /kept; sleep 3600']);
    await expect.poll(() => engine.docker(['diff', name]), { timeout: 15_000 }).toMatch(/kept/);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(await host.newLink());
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
    const row = page.getByRole('row', { name: new RegExp(`^${name}, `) });
    await row.getByRole('button', { name: 'Change isolation', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Change isolation of ${name}` });
    await dialog.getByRole('radio', { name: /runsc/ }).check();

    const understood = dialog.getByRole('checkbox', { name: /will not work as before under gVisor/ });
    await understood.waitFor({ timeout: 30_000 });
    await dialog.getByRole('radio', { name: /^Keep them/ }).check();
    const confirm = dialog.getByRole('button', { name: 'Change isolation', exact: true });
    // Everything else is answered: only the acknowledgement holds it back.
    await dialog.getByText('Tick that you know what will not work as before.').waitFor({ timeout: 30_000 });
    expect(await confirm.isDisabled()).toBe(true);
    await understood.check();
    await expect.poll(() => confirm.isEnabled(), { timeout: 30_000 }).toBe(true);
    await confirm.click();
    await dialog.getByRole('heading', { name: 'Done', exact: true }).waitFor({ timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    expect(await engine.docker(['inspect', '-f', '{{.HostConfig.Runtime}} {{.Config.Image}}', name])).toMatch(/^runsc silo-keep\//);
    await expect.poll(() => row.getByRole('gridcell').nth(2).textContent(), { timeout: 15_000 }).toContain('the old image + kept changes');
    await page.close();
  });
});
