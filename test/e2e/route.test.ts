// Where the person is lives in the address, in real Chromium through the browser host: the ready
// line of `--open` lands on a container's logs through the token exchange, Back and Forward walk
// views and a container's tabs, a reload comes back to the same place, a pasted address opens it,
// and a link to a container that is not there says so.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const NAME = 'e2e-route';
let id: string;
let host: RunningHost;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  id = await engine.run(['--name', NAME], ['sh', '-c', 'echo route-hello; sleep 3600']);
  host = await startBrowserHost(engine.env(), ['--port', '0', '--open', `#/containers/${id}/logs`]);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (id) await engine.docker(['rm', '-f', id]);
});

/** A page of the shared context. Each tab signs in with an address of its own (sessionStorage is per tab). */
async function newPage(problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return page;
}

const hashOf = (page: Page): string => new URL(page.url()).hash;
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
/** Engine settings: the view at #/backends. */
const backendsNav = (page: Page) => nav(page, 'Engine settings');

async function expectDetails(page: Page, tabName: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor({ timeout: 15_000 });
  await expect.poll(() => tab(page, tabName).getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
}

describe('the place in the address', () => {
  it('the ready line of --open lands on the container’s logs through the token exchange', async () => {
    expect(host.url).toBe(`${host.origin}/?token=${host.token}#/containers/${id}/logs`);
    const problems: string[] = [];
    const page = await newPage(problems);
    await page.goto(host.url);
    await expectDetails(page, 'Logs');
    // Signing in dropped the code from the address and kept the place.
    expect(page.url()).toBe(`${host.origin}/#/containers/${id}/logs`);
    await page
      .getByRole('log', { name: `Log of ${NAME}` })
      .getByText('route-hello')
      .waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Back and Forward walk views and a container’s tabs; typing a filter adds no entries; a reload comes back', async () => {
    const problems: string[] = [];
    const page = await newPage(problems);
    await page.goto(await host.newLink());
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).waitFor({ timeout: 15_000 });
    expect(hashOf(page)).toBe('#/containers');
    const start = await page.evaluate<number>('history.length');

    await nav(page, 'Images').click();
    await expect.poll(() => hashOf(page)).toBe('#/images');
    await nav(page, 'Containers').click();
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).pressSequentially(NAME);
    await expect.poll(() => hashOf(page)).toBe(`#/containers?q=${NAME}`);
    await page.getByRole('button', { name: NAME, exact: true }).click();
    await expectDetails(page, 'Logs');
    await tab(page, 'Stats').click();
    await expect.poll(() => hashOf(page)).toBe(`#/containers/${id}/stats?q=${NAME}`);
    // Images, containers (each typed key rewrote it), the container's logs, its stats.
    expect(await page.evaluate<number>('history.length')).toBe(start + 4);

    await page.goBack();
    await expectDetails(page, 'Logs');
    await page.goBack();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Filter by name or image' }).inputValue(), { timeout: 10_000 }).toBe(NAME);
    await page.goBack();
    await expect.poll(() => nav(page, 'Images').getAttribute('aria-current')).toBe('page');
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await expectDetails(page, 'Stats');

    await page.reload();
    await expectDetails(page, 'Stats');
    expect(hashOf(page)).toBe(`#/containers/${id}/stats?q=${NAME}`);

    await backendsNav(page).click();
    await expect.poll(() => hashOf(page)).toBe('#/backends');
    await page.reload();
    await expect.poll(() => backendsNav(page).getAttribute('aria-current'), { timeout: 15_000 }).toBe('page');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a pasted address opens the container’s logs, in a new tab and in an open one', async () => {
    const problems: string[] = [];
    const page = await newPage(problems);
    await page.goto(await host.newLink(`#/containers/${id}/logs`));
    await expectDetails(page, 'Logs');
    expect(page.url()).toBe(`${host.origin}/#/containers/${id}/logs`);
    await page
      .getByRole('log', { name: `Log of ${NAME}` })
      .getByText('route-hello')
      .waitFor({ timeout: 15_000 });

    await nav(page, 'Volumes').click();
    await expect.poll(() => hashOf(page)).toBe('#/volumes');
    // Pasted into the address bar of the open page: the same document, a hashchange.
    await page.goto(`${host.origin}/#/containers/${NAME}/processes`);
    await expectDetails(page, 'Processes');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a link to a container that is not there says so, and junk becomes the list', async () => {
    const problems: string[] = [];
    const page = await newPage(problems);
    await page.goto(await host.newLink('#/containers/no-such-container/logs'));
    await page.getByRole('alert').filter({ hasText: 'There is no container “no-such-container” on this engine' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Back to containers' }).click();
    await expect.poll(() => hashOf(page)).toBe('#/containers');

    await page.goto(`${host.origin}/#/nowhere/at/all`);
    await expect.poll(() => hashOf(page)).toBe('#/containers');
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('--open refuses junk in plain words', async () => {
    const run = promisify(execFile)(
      process.execPath,
      [resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'web.js'), '--port', '0', '--open', '#/nowhere'],
      { env: engine.env() },
    );
    const failure = (await run.then(
      () => null,
      (error: unknown) => error,
    )) as { code?: number; stdout?: string; stderr?: string } | null;
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toMatch(/^--open takes a place in Silo: #\/containers, .*; got "#\/nowhere"\n$/);
  });
});
