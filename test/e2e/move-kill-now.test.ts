// A person moves a container whose process ignores SIGTERM and whose grace period is ten minutes:
// the stop step says it waits for the grace period and offers "Kill now", which ends the wait.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const name = 'e2e-iso-kill-now';
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  const left = await engine.docker(['ps', '-aq', '--filter', `name=${name}`]).catch(() => '');
  if (left) await engine.docker(['rm', '-f', ...left.split('\n')]).catch(() => undefined);
});

describe('the stop step of a move', () => {
  it('waits for the grace period, and "Kill now" ends the wait', { timeout: 150_000 }, async () => {
    // busybox sleep as PID 1 ignores SIGTERM: without "Kill now" the stop would take 600 s.
    await engine.run(['--name', name, '--stop-timeout', '600']);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(await host.newLink());
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
    await page
      .getByRole('row', { name: new RegExp(`^${name}, `) })
      .getByRole('button', { name: 'Change isolation', exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: `Change isolation of ${name}` });
    await dialog.getByRole('radio', { name: /runsc/ }).check();
    const confirm = dialog.getByRole('button', { name: 'Change isolation', exact: true });
    await expect.poll(() => confirm.isEnabled(), { timeout: 30_000 }).toBe(true);
    await confirm.click();

    await dialog.getByText('Waiting up to 600 s for it to end on its own (its grace period), then the engine kills it.').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Kill now', exact: true }).click();
    // Well within the 600 s grace period: the kill ended the wait and the move went on.
    await dialog.getByRole('heading', { name: 'Done', exact: true }).waitFor({ timeout: 120_000 });
    expect(await dialog.textContent()).toContain(`${name} now runs under gVisor (runsc)`);
    expect(await engine.docker(['inspect', '-f', '{{.HostConfig.Runtime}} {{.State.Status}}', name])).toBe('runsc running');
    await page.close();
  });
});
