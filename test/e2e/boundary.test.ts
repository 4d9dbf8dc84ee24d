// The effective boundary where a person looks, in Debian's Chromium at the browser host with the
// private engine behind it: the row says a weakened container's worst finding beside its rung, the
// boundary filter narrows the list, and the Isolation tab lists each finding with its sentence and
// source, in English and in Spanish.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const prefix = `e2e-bnd-${process.pid}-`;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  const make = (name: string, flags: string[]) => engine.docker(['create', '--name', `${prefix}${name}`, '--network', 'none', ...flags, TEST_IMAGE, 'true']);
  await make('priv', ['--privileged', '--pid', 'host']);
  await make('sock', ['--mount', `type=bind,source=${engine.socketPath},target=/d.sock`]);
  await make('locked', ['--read-only', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '1000']);
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]).catch(() => '');
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]).catch(() => undefined);
});

async function openSilo(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto((await host.newLink()) + query);
  return page;
}

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(`\\b${prefix}${name}\\b`) });

describe('the boundary in the page', () => {
  it('rows say the worst finding; the filter narrows; the Isolation tab lists each finding and its source', { timeout: 90_000 }, async () => {
    const page = await openSilo();
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(prefix);
    await row(page, 'priv').waitFor({ timeout: 15_000 });
    await expect.poll(() => row(page, 'priv').textContent(), { timeout: 15_000 }).toMatch(/Shared kernel.*Weakened: Privileged/);
    await expect.poll(() => row(page, 'sock').textContent()).toMatch(/Weakened: Engine socket/);
    await expect.poll(() => row(page, 'locked').textContent()).toMatch(/Strengthened/);
    expect(await row(page, 'locked').textContent()).not.toMatch(/Weakened/);

    await page.getByRole('combobox', { name: 'Boundary' }).selectOption({ label: 'Can reach the engine' });
    await row(page, 'priv').waitFor({ state: 'detached' });
    expect(await row(page, 'sock').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Boundary' }).selectOption({ label: 'Privileged' });
    await row(page, 'priv').waitFor();
    expect(await row(page, 'sock').count()).toBe(0);

    await row(page, 'priv')
      .getByRole('button', { name: `${prefix}priv` })
      .click();
    await page.getByRole('tab', { name: 'Isolation' }).click();
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.textContent()).toMatch(/This boundary is weakened: the worst finding is Critical\./);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('--privileged: a process in the container gets every capability');
    expect(text).toContain('On this rung it reaches the host.');
    expect(text).toContain('Source: CIS Docker Benchmark v1.6.0, 5.4');
    expect(text).toContain('pid: host: the container sees every process on the host');
    expect(text).toContain('Source: CIS Docker Benchmark v1.6.0, 5.15');

    // The Engine view sums them up: at least these two weakened, one of them by the engine socket.
    await page.getByRole('navigation').getByRole('button', { name: 'Engine', exact: true }).click();
    const sum = page.getByRole('region', { name: 'Container boundaries' });
    await expect
      .poll(() => sum.textContent(), { timeout: 10_000 })
      .toMatch(/\d+ containers? (is|are) weakened · \d+ can reach the engine · \d+ (is|are) privileged/);
    expect(await sum.textContent()).toMatch(/Privileged: \d+ containers?/);
    expect(await sum.textContent()).toMatch(/Engine socket: \d+ containers?/);
    await page.close();
  });

  it('in Spanish', { timeout: 60_000 }, async () => {
    const page = await openSilo('&lang=es');
    await page.getByRole('searchbox', { name: 'Filtrar por nombre o imagen' }).fill(prefix);
    await expect.poll(() => row(page, 'priv').textContent(), { timeout: 15_000 }).toMatch(/Debilitado: Privilegiado/);
    await expect.poll(() => row(page, 'locked').textContent()).toMatch(/Reforzado/);
    await row(page, 'locked')
      .getByRole('button', { name: `${prefix}locked` })
      .click();
    await page.getByRole('tab', { name: 'Aislamiento' }).click();
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.textContent()).toMatch(/Esta frontera es más fuerte que la de un contenedor por defecto\./);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('--read-only: los archivos propios del contenedor no se pueden cambiar');
    expect(text).toContain('--user 1000: los procesos no se ejecutan como root en el contenedor.');
    expect(text).toContain('Fuente: CIS Docker Benchmark v1.6.0, punto 5.12');
    await page.close();
  });
});
