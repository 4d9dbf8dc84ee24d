// A person reads the runtimes Silo offers on an engine that lists runc three times (Engine 20.10:
// runc, io.containerd.runc.v2, io.containerd.runtime.v1.linux): one runc, "also known as" its
// other names, and no "move" to them. Then removes a container someone else removed meanwhile.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.docker(['rm', '-f', 'e2e-alias', 'e2e-gone']).catch(() => undefined);
});

async function openSilo(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(await host.newLink());
  return { page, problems };
}

describe('runtime aliases and a container gone meanwhile', () => {
  it('offers runc once, with its other names, and never a move to one of them', { timeout: 60_000 }, async () => {
    const listed = await engine.docker(['info', '-f', '{{range $name, $r := .Runtimes}}{{$name}} {{end}}']);
    expect(listed.split(' ')).toEqual(expect.arrayContaining(['io.containerd.runc.v2', 'runc', 'runsc']));
    await engine.run(['--name', 'e2e-alias']);
    const { page, problems } = await openSilo();
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill('e2e-alias');
    const row = page.getByRole('row', { name: /^e2e-alias, / });
    await row.getByRole('button', { name: 'Change isolation', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Change isolation of e2e-alias' });
    await dialog.getByRole('radio', { name: /runsc/ }).waitFor({ timeout: 15_000 });
    // From runc, only gVisor: none of runc's other names is offered as a move.
    expect(await dialog.getByRole('radio').allTextContents()).toHaveLength(1);
    expect(await dialog.getByRole('radio', { name: /io\.containerd/ }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.getByRole('button', { name: 'New container', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'New container' });
    const runc = form
      .locator('label')
      .filter({ has: page.getByRole('radio') })
      .filter({ hasText: /^runc/ });
    await expect(runc.textContent()).resolves.toContain('also known as io.containerd.runc.v2, io.containerd.runtime.v1.linux');
    expect(await form.getByRole('radio', { name: /^io\.containerd/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says by name that a container removed meanwhile was already gone', { timeout: 60_000 }, async () => {
    const id = await engine.docker(['create', '--name', 'e2e-gone', '--network', 'none', 'silo-test/busybox:latest', 'true']);
    const { page, problems } = await openSilo();
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill('e2e-gone');
    const row = page.getByRole('row', { name: /^e2e-gone, / });
    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove e2e-gone?' });
    await dialog.waitFor();
    // Someone else removes it while the dialog is open.
    await engine.docker(['rm', '-f', id]);
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'e2e-gone was already gone: it had been removed meanwhile.' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'Could not remove' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
