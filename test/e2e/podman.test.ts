// A person runs Silo on a real Podman 4.3 service: the Engine view names it Podman, a container
// started under gVisor outside Silo reads gVisor in its row (not "Unknown · oci"), and Engine
// settings says where Podman's settings live instead of offering a daemon.json editor.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { PodmanService, PODMAN_IMAGE } from '../support/podman';

const podman = new PodmanService(inject('podmanDir'));
const name = `e2e-pm-${process.pid}`;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  await podman.podman(['run', '-d', '--name', name, PODMAN_IMAGE, 'sleep', '3600'], ['--runtime', 'runsc']);
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: podman.dockerHost };
  delete env.DOCKER_CONTEXT;
  host = await startBrowserHost(env);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await podman.podman(['rm', '-f', '-t', '0', name]).catch(() => undefined);
});

async function openSilo(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(await host.newLink());
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  return page;
}

describe('Silo on Podman', () => {
  it('names the engine Podman, and a gVisor container reads gVisor in its row', async () => {
    const page = await openSilo();
    await expect.poll(() => page.getByRole('row', { name }).textContent(), { timeout: 15_000 }).toMatch(/runsc/);
    expect(await page.getByRole('row', { name }).textContent()).toMatch(/User-space kernel/);
    expect(await page.getByRole('row', { name }).textContent()).not.toMatch(/\boci\b/);
    await page.getByRole('navigation').getByRole('button', { name: 'Engine', exact: true }).click();
    await expect.poll(() => page.getByRole('main').textContent(), { timeout: 10_000 }).toMatch(/Podman/);
    await page.close();
  });

  it('Engine settings says where Podman keeps its settings, and offers no daemon.json editor', async () => {
    const page = await openSilo();
    await page.getByRole('navigation').getByRole('button', { name: 'Engine settings', exact: true }).click();
    const podmanSection = page.getByRole('region', { name: "Podman's settings" });
    await podmanSection.waitFor({ timeout: 10_000 });
    expect(await podmanSection.textContent()).toContain('/etc/containers/containers.conf');
    expect(await page.getByRole('region', { name: 'Configuration file (daemon.json)' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Default isolation' }).count()).toBe(0);
    await page.close();
  });
});
