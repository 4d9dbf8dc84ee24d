// A person opens the Changes tab of a container that changed nothing (Engine 20.10 answers `null`
// for GET /containers/{id}/changes) and of one that wrote a file: both read as they should.
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
});

async function openDetails(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
}

describe('the Changes tab', () => {
  it('reads "No files changed outside its volumes." for an unchanged container, and lists a written file', async () => {
    const still = await engine.run(['--name', 'e2e-unchanged']);
    const wrote = await engine.run(['--name', 'e2e-wrote'], ['sh', '-c', 'echo hi > /silo-note; sleep 3600']);
    // The engine itself answers `null` for the unchanged one: the case this test is about.
    await expect(engine.docker(['diff', still])).resolves.toBe('');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(await host.newLink());

    await openDetails(page, 'e2e-unchanged');
    await page.getByRole('tab', { name: 'Changes' }).click();
    await page.getByText('No files changed outside its volumes.').waitFor({ timeout: 15_000 });
    await expect(page.getByText('Something went wrong inside Silo').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Back to containers' }).click();
    await expect.poll(() => engine.docker(['diff', wrote]), { timeout: 15_000 }).toMatch(/silo-note/);
    await openDetails(page, 'e2e-wrote');
    await page.getByRole('tab', { name: 'Changes' }).click();
    await page.getByRole('gridcell', { name: '/silo-note' }).waitFor({ timeout: 15_000 });

    expect(problems).toEqual([]);
    await page.close();
    await engine.docker(['rm', '-f', still, wrote]);
  });
});
