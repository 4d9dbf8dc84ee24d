// A person on a container's details page: starts a stopped container from "This container is not
// running", opens "Change isolation…" beside the badge, and removes the container with the
// labelled Remove action, after which the page goes back to the list.
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

const state = (id: string) => engine.docker(['inspect', '-f', '{{.State.Status}}', id]);

describe('the details page', () => {
  it('starts a stopped container from its notice, changes isolation beside the badge, and removes it by a labelled action', { timeout: 90_000 }, async () => {
    const name = 'e2e-details-actions';
    const id = await engine.docker(['create', '--name', name, '--network', 'none', '--stop-timeout', '1', 'silo-test/busybox:latest', 'sleep', '3600']);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(await host.newLink());
    await openDetails(page, name);

    // The actions are labelled: their visible text is their name.
    const actions = page.getByRole('group', { name: 'Actions' });
    await expect(actions.getByRole('button', { name: 'Start', exact: true }).innerText()).resolves.toBe('Start');
    await expect(actions.getByRole('button', { name: 'Remove', exact: true }).isVisible()).resolves.toBe(true);

    await page.getByRole('tab', { name: 'Terminal' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'This container is not running.' });
    await notice.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => state(id), { timeout: 20_000 }).toBe('running');

    await page.getByRole('button', { name: 'Change isolation…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Change isolation of ${name}` });
    await dialog.getByRole('radio', { name: /runsc/ }).waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await actions.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => state(id), { timeout: 20_000 }).toBe('exited');
    await actions.getByRole('button', { name: 'Remove', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Remove ${name}?` });
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).waitFor({ timeout: 15_000 });
    await expect(engine.docker(['ps', '-aq', '--filter', `name=^${name}$`])).resolves.toBe('');

    expect(problems).toEqual([]);
    await page.close();
  });
});
