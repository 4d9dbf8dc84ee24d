// A person at the browser host, in Debian's Chromium, with a real engine behind it.
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

async function openSilo(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto((await host.newLink()) + query);
  return page;
}

function row(page: Page, name: string) {
  return page.getByRole('row', { name: new RegExp(`\\b${name}\\b`) });
}

/** Rows are virtualized: narrow the list to the container first, as a person would. */
async function findRow(page: Page, name: string) {
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
  const target = row(page, name);
  await target.waitFor({ timeout: 10_000 });
  return target;
}

async function stateOf(id: string): Promise<string> {
  return engine.docker(['inspect', '-f', '{{.State.Status}}', id]);
}

describe('containers, live', () => {
  it('shows a container created with the docker CLI without a reload, and its state changes live', async () => {
    const page = await openSilo();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill('e2e-live');
    const id = await engine.run(['--name', 'e2e-live']);
    await row(page, 'e2e-live').waitFor({ timeout: 10_000 });
    await expect.poll(() => row(page, 'e2e-live').textContent()).toMatch(/Running/);
    await engine.docker(['stop', '-t', '0', id]);
    await expect.poll(() => row(page, 'e2e-live').textContent(), { timeout: 10_000 }).toMatch(/Exited/);
    await engine.docker(['rm', id]);
    await row(page, 'e2e-live').waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });

  it('stops a container when a person presses Stop', async () => {
    const id = await engine.run(['--name', 'e2e-stop', '--stop-timeout', '1']);
    const page = await openSilo();
    const target = await findRow(page, 'e2e-stop');
    await target.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => stateOf(id), { timeout: 20_000 }).toBe('exited');
    await expect.poll(() => target.textContent(), { timeout: 10_000 }).toMatch(/Exited/);
    await engine.docker(['rm', '-f', id]);
    await page.close();
  });

  it('shows gVisor containers on the user-space kernel rung', async () => {
    const id = await engine.run(['--name', 'e2e-gvisor', '--runtime', 'runsc']);
    const page = await openSilo();
    const target = await findRow(page, 'e2e-gvisor');
    await expect.poll(() => target.textContent(), { timeout: 10_000 }).toMatch(/User-space kernel/);
    await expect.poll(() => target.textContent()).toMatch(/runsc/);
    await engine.docker(['rm', '-f', id]);
    await page.close();
  });

  it('speaks Spanish with ?lang=es', async () => {
    const id = await engine.run(['--name', 'e2e-es']);
    const page = await openSilo('&lang=es');
    await page.getByRole('searchbox', { name: 'Filtrar por nombre o imagen' }).fill('e2e-es');
    const target = row(page, 'e2e-es');
    await target.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/Contenedores/);
    await expect.poll(() => target.textContent()).toMatch(/En ejecución/);
    await expect(target.getByRole('button', { name: 'Detener', exact: true }).count()).resolves.toBe(1);
    await engine.docker(['rm', '-f', id]);
    await page.close();
  });
});
