// Silo with the keyboard alone, in real Chromium through the browser host: the containers table
// is one tab stop with arrow keys, details and Back keep the focus on what the person was on,
// dialogs open on their first field or safest button and give the focus back, "/" and Escape,
// the command palette (Ctrl+K) reaches views, containers and actions, and the theme and density
// preferences apply and survive a reload.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const NAMES = ['e2e-kb-a', 'e2e-kb-b', 'e2e-kb-c'];
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  for (const name of NAMES) await engine.run(['--name', name]);
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.docker(['rm', '-f', ...NAMES]).catch(() => undefined);
});

async function openSilo(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(await host.newLink());
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).waitFor({ timeout: 15_000 });
  await page.getByRole('row', { name: /^e2e-kb-c, / }).waitFor({ timeout: 15_000 });
  return page;
}

/** What has the focus: its role-ish description (tag, aria-label or text, row name). */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  const row = el.closest('[role="row"]');
  const role = el.getAttribute('role');
  return el.tagName.toLowerCase() + (role ? '[' + role + ']' : '') + '|' + (el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '') + '|' + (row?.getAttribute('aria-label') ?? '');
})()`;
const focused = (page: Page): Promise<string> => page.evaluate(FOCUSED) as Promise<string>;

async function filterTo(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(text);
}

describe('the containers table as a grid', () => {
  it('is one tab stop; arrows move between rows and into a row; Enter opens details, Back returns to the row', { timeout: 60_000 }, async () => {
    const page = await openSilo();
    await filterTo(page, 'e2e-kb-');
    await expect.poll(() => page.getByRole('grid').getByRole('row').count()).toBeGreaterThanOrEqual(4);
    // One tab stop in the body; no control of a row is in the tab order.
    const stops = await page.evaluate(`(() => {
      const body = document.querySelector('.containers-table .vtable-window');
      const rows = [...body.querySelectorAll('[role="row"]')].filter((r) => r.getAttribute('tabindex') === '0').length;
      const controls = [...body.querySelectorAll('button, input, a[href], select')].filter((c) => c.getAttribute('tabindex') !== '-1').length;
      return { rows, controls };
    })()`);
    expect(stops).toEqual({ rows: 1, controls: 0 });

    // From the filter, Tab reaches a row within the header's few stops, and one more Tab leaves the grid.
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).focus();
    let tabs = 0;
    while (!(await focused(page)).startsWith('div[row]') && tabs < 20) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    // The first row is the group header of the containers outside compose projects.
    expect(await focused(page)).toMatch(/^div\[row\]\|Not in a compose project\|/);
    expect(tabs).toBeLessThan(12);
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/\|(Not in a compose project|e2e-kb-.*)$/);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatch(/^div\[row\]\|Not in a compose project\|/);

    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatch(/^div\[row\]\|e2e-kb-a, /);
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatch(/^div\[row\]\|e2e-kb-b, /);
    await page.keyboard.press('End');
    expect(await focused(page)).toMatch(/^div\[row\]\|e2e-kb-c, /);
    await page.keyboard.press('Home');
    expect(await focused(page)).toMatch(/^div\[row\]\|Not in a compose project\|/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // Right enters the row (its checkbox first), Right again its name, Left goes back.
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatch(/^input\|Select e2e-kb-b\|e2e-kb-b, /);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatch(/^button\|e2e-kb-b\|/);
    await page.keyboard.press('Escape');
    expect(await focused(page)).toMatch(/^div\[row\]\|e2e-kb-b, /);

    // Enter opens the details, on their heading.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'e2e-kb-b' }).waitFor();
    expect(await focused(page)).toMatch(/^h1\|e2e-kb-b\|$/);
    // Back (the browser's, and the page's button) puts the focus on the row again.
    await page.goBack();
    await expect.poll(() => focused(page)).toMatch(/^div\[row\]\|e2e-kb-b, /);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'e2e-kb-b' }).waitFor();
    await page.getByRole('button', { name: 'Back to containers' }).press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^div\[row\]\|e2e-kb-b, /);
    await page.close();
  });

  it('Space selects the row, Escape clears the selection, "/" focuses the filter', { timeout: 60_000 }, async () => {
    const page = await openSilo();
    await filterTo(page, 'e2e-kb-');
    await page.getByRole('row', { name: /^e2e-kb-a, / }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const bar = page.getByRole('toolbar', { name: 'Actions for the selected containers' });
    await expect.poll(() => bar.textContent()).toMatch(/2 selected/);
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^div\[row\]\|e2e-kb-b, /);

    await page.keyboard.press('/');
    expect(await focused(page)).toMatch(/^input\|Filter by name or image/);
    // Typed into the field, "/" is a character.
    await page.keyboard.type('e2e/');
    expect(await page.getByRole('searchbox', { name: 'Filter by name or image' }).inputValue()).toBe('e2e/');
    await page.close();
  });
});

describe('dialogs', () => {
  it('open on their safest button or first field, and give the focus back to what opened them', { timeout: 60_000 }, async () => {
    const page = await openSilo();
    await filterTo(page, 'e2e-kb-a');
    const remove = page.getByRole('row', { name: /^e2e-kb-a, / }).getByRole('button', { name: /^Remove/ });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Remove e2e-kb-a?' });
    await dialog.waitFor();
    expect(await focused(page)).toMatch(/^button\|Cancel\|/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatch(/^button\|Remove\|e2e-kb-a, /);

    const create = page.getByRole('button', { name: 'New container', exact: true });
    await create.click();
    const form = page.getByRole('dialog', { name: 'New container' });
    await form.waitFor();
    expect(await focused(page)).toMatch(/^(input|select)/);
    expect(await page.evaluate(`document.activeElement?.closest('dialog') !== null`)).toBe(true);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatch(/^button\|New container/);
    await page.close();
  });
});

describe('the command palette', () => {
  it('Ctrl+K reaches a container by name, a view and an action, with the keyboard only', { timeout: 60_000 }, async () => {
    const page = await openSilo();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Go to or do' });
    await palette.waitFor();
    expect(await focused(page)).toMatch(/^input\[combobox\]/);
    const options = page.getByRole('listbox').getByRole('option');
    // Views, actions and every container are there; typing narrows them.
    expect(await page.getByRole('option', { name: /^Engine settings/ }).count()).toBe(1);
    await palette.fill('kb-c');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringMatching(/^e2e-kb-cContainer · /)]);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'e2e-kb-c' }).waitFor();
    expect(await focused(page)).toMatch(/^h1\|e2e-kb-c/);

    await page.keyboard.press('Control+k');
    await palette.fill('volu');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#/volumes');
    await expect.poll(() => focused(page)).toMatch(/^h1\|Volumes/);

    // Arrow keys choose among the matches; the chosen one is the active descendant.
    await page.keyboard.press('Control+k');
    await palette.fill('theme');
    expect(await options.count()).toBe(3);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await palette.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${chosen}"]`).textContent()).toMatch(/^Theme: Dark/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(`document.documentElement.dataset.theme`)).toBe('dark');
    await page.keyboard.press('Control+k');
    await palette.fill('light');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(`document.documentElement.dataset.theme`)).toBe('light');
    await page.close();
  });

  it('speaks Spanish in Spanish', { timeout: 60_000 }, async () => {
    const page = await openSilo();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Ir a o hacer' });
    await palette.fill('imagen');
    await expect.poll(() => page.getByRole('listbox').getByRole('option').first().textContent()).toBe('ImágenesVista');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await page.close();
  });
});

describe('theme and density preferences', () => {
  it('dark, light and system themes and compact rows apply at once and survive a reload', { timeout: 60_000 }, async () => {
    const page = await openSilo();
    const theme = () => page.evaluate(`[document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]`);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(theme).toEqual(['dark', 'rgb(22, 24, 29)']);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await expect.poll(theme).toEqual(['light', 'rgb(246, 247, 249)']);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(theme).toEqual(['dark', 'rgb(22, 24, 29)']);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect.poll(theme).toEqual(['light', 'rgb(246, 247, 249)']);

    const rowHeight = () =>
      page
        .getByRole('row', { name: /^e2e-kb-a, / })
        .evaluate((r) => (r as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height);
    expect(await rowHeight()).toBe(40);
    await page.getByRole('combobox', { name: 'Density' }).selectOption('compact');
    await expect.poll(rowHeight).toBe(32);

    await page.reload();
    await page.getByRole('row', { name: /^e2e-kb-a, / }).waitFor({ timeout: 15_000 });
    await expect.poll(theme).toEqual(['light', 'rgb(246, 247, 249)']);
    await expect.poll(rowHeight).toBe(32);
    expect(await page.getByRole('combobox', { name: 'Density' }).inputValue()).toBe('compact');
    await page.getByRole('combobox', { name: 'Density' }).selectOption('comfortable');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await page.close();
  });
});
