// axe-core on every view of Silo, in real Chromium through the browser host: Containers, each tab
// of a container's details, Images, Volumes, Networks, Engine, Engine settings, the new-container
// form and the change-isolation dialog, in the light and the dark theme, in English and Spanish
// (set through Silo's own preferences, as a person sets them). No serious or critical violation.
// In-page scripts are strings: the Node type project has no DOM (on purpose).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DETAILS_TABS } from '../../src/shared/place';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { seriousViolations, type AxeFinding } from '../support/axe';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const NAME = 'e2e-a11y';
const GVISOR = 'e2e-a11y-gvisor';
let id: string;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  id = await engine.run(['--name', NAME], ['sh', '-c', 'printf "\\033[32mgreen\\033[0m \\033[1mbold\\033[0m plain\\n"; sleep 3600']);
  await engine.run(['--name', GVISOR, '--runtime', 'runsc']);
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.docker(['rm', '-f', NAME, GVISOR]).catch(() => undefined);
});

const VIEWS = ['containers', 'images', 'volumes', 'networks', 'engine', 'backends'] as const;

/** The view has its heading and its elements have stopped coming (lists and tabs load on open). */
async function settle(page: Page): Promise<void> {
  // Polled from outside: a predicate polled inside the page is compiled there, which the CSP refuses.
  await expect.poll(() => page.evaluate(`document.querySelector('main h1') !== null`), { timeout: 15_000 }).toBe(true);
  let before = '';
  await expect
    .poll(
      async () => {
        const now = String(await page.evaluate(`document.querySelectorAll('*').length`));
        const same = now === before;
        before = now;
        return same;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true)
    .catch(() => undefined);
}

async function pick(page: Page, label: RegExp, value: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label });
  await expect.poll(() => select.isEnabled(), { timeout: 15_000 }).toBe(true);
  await select.selectOption(value);
}

async function check(page: Page, where: string, found: Map<string, AxeFinding[]>): Promise<void> {
  await settle(page);
  const violations = await seriousViolations(page);
  if (violations.length > 0) found.set(where, violations);
}

describe.each([
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'es'],
  ['dark', 'es'],
] as const)('axe in the %s theme, %s', (theme, language) => {
  it('finds no serious or critical violation on any view, tab or dialog', { timeout: 300_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(await host.newLink());
    await page.getByRole('row', { name: new RegExp(`^${NAME}, `) }).waitFor({ timeout: 20_000 });
    await pick(page, /^(Language|Idioma)$/, language);
    await pick(page, /^(Theme|Tema)$/, theme);
    await expect.poll(() => page.evaluate(`[document.documentElement.lang, document.documentElement.dataset.theme]`)).toEqual([language, theme]);

    const found = new Map<string, AxeFinding[]>();
    const nav = page.getByRole('navigation').getByRole('button');
    for (const [i, view] of VIEWS.entries()) {
      await nav.nth(i).click();
      await expect.poll(() => new URL(page.url()).hash).toBe(`#/${view}`);
      if (view === 'containers') {
        // Both rows on screen: the gVisor one carries the user-space kernel badge.
        await page.getByRole('searchbox').fill(NAME);
        await page.getByRole('row', { name: new RegExp(`^${GVISOR}, `) }).waitFor();
        await expect.poll(() => page.locator('.badge.rung-2').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      }
      await check(page, view, found);
    }

    await nav.first().click();
    for (const tab of DETAILS_TABS) {
      await page.evaluate(`location.hash = '#/containers/${id}/${tab}'`);
      await expect.poll(() => page.getByRole('tab', { selected: true }).getAttribute('id')).toBe(`details-tab-${tab}`);
      if (tab === 'logs') await page.getByRole('log').getByText('green').waitFor({ timeout: 15_000 });
      await check(page, `details ${tab}`, found);
    }

    await page.evaluate(`location.hash = '#/containers'`);
    await page.locator('.new-container').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'create form', found);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: new RegExp(`^${NAME}, `) });
    await row.locator('.move-button').click();
    const move = page.getByRole('dialog');
    await move.getByRole('radio').first().waitFor({ timeout: 15_000 });
    await check(page, 'move dialog', found);
    await page.keyboard.press('Escape');

    expect(Object.fromEntries(found)).toEqual({});
    expect(problems).toEqual([]);
    await page.close();
  });
});
