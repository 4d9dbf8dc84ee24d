// Spanish at 1280 px, in real Chromium through the browser host: the rung badges (short labels,
// the long name in their tooltip) and the filters show their words whole, nothing cut by an
// ellipsis; an exited container's status starts with what matters ("Terminó (3)").
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const NAMES = ['e2e-fit-runc', 'e2e-fit-gvisor', 'e2e-fit-exited'];
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  await engine.run(['--name', NAMES[0]!]);
  await engine.run(['--name', NAMES[1]!, '--runtime', 'runsc']);
  await engine.run(['--name', NAMES[2]!], ['sh', '-c', 'exit 3']);
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.docker(['rm', '-f', ...NAMES]).catch(() => undefined);
});

// In-page scripts are strings: the Node type project has no DOM (on purpose).
const CUT = `[...document.querySelectorAll('.containers-table .badge.rung, .filter-bar select, .filter-bar .field > span')]
  .filter((el) => el.scrollWidth > el.clientWidth + 1)
  .map((el) => el.className + ': ' + (el.textContent || '').trim())`;

describe('Spanish at 1280 px', () => {
  it('cuts no rung label or filter', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'es-ES' });
    await page.goto(await host.newLink());
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('es');
    await page.getByRole('searchbox', { name: 'Filtrar por nombre o imagen' }).fill('e2e-fit-');
    await page.getByRole('row', { name: /^e2e-fit-exited, / }).waitFor({ timeout: 15_000 });
    const gvisor = page.getByRole('row', { name: /^e2e-fit-gvisor, / }).locator('.badge.rung');
    await expect.poll(() => gvisor.textContent(), { timeout: 20_000 }).toBe('Kernel de usuario');
    expect(await gvisor.getAttribute('title')).toBe('Kernel en espacio de usuario');
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /^e2e-fit-exited, / })
          .locator('.cell-status')
          .textContent(),
      )
      .toMatch(/^Terminó \(3\)/);
    expect(await page.evaluate(CUT)).toEqual([]);
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('auto');
    await page.close();
  });
});
