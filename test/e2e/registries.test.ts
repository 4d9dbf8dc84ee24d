// A person logs in to a real registry (Distribution 2.8 with htpasswd) from the Images view: a
// wrong password is said in plain words, the right one is kept where the docker CLI keeps it (so
// `docker pull` works with it), and Log out takes it away again.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestRegistry } from '../support/registry';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const registry = new TestRegistry({ user: 'silo', password: 'right-horse-battery' });
const dockerConfig = mkdtempSync(join(tmpdir(), 'silo-dc-'));
let host: RunningHost;
let browser: Browser;
let image: string;

beforeAll(async () => {
  await registry.start();
  image = `${registry.address}/silo/e2e:${process.pid}`;
  const pusher = mkdtempSync(join(tmpdir(), 'silo-dp-'));
  await engine.docker(['tag', TEST_IMAGE, image]);
  expect(
    spawnSync('docker', ['login', '-u', 'silo', '--password-stdin', registry.address], {
      env: engine.env({ DOCKER_CONFIG: pusher }),
      input: 'right-horse-battery',
    }).status,
  ).toBe(0);
  expect(spawnSync('docker', ['push', image], { env: engine.env({ DOCKER_CONFIG: pusher }) }).status).toBe(0);
  await engine.docker(['rmi', image]);
  rmSync(pusher, { recursive: true, force: true });
  host = await startBrowserHost(engine.env({ DOCKER_CONFIG: dockerConfig }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await registry.destroy();
  await engine.docker(['rmi', image]).catch(() => undefined);
  rmSync(dockerConfig, { recursive: true, force: true });
});

describe('registry logins in the Images view', () => {
  it('refuses a wrong password in plain words, keeps the right login for docker pull, and logs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(await host.newLink());
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
    await page.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).click();
    await page.getByRole('button', { name: 'Registry logins…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registry logins' });
    await expect.poll(() => dialog.textContent()).toContain('No registry login is kept.');

    await dialog.getByLabel('Registry').fill(registry.address);
    await dialog.getByLabel('User name').fill('silo');
    await dialog.getByLabel('Password or token').fill('wrong');
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 20_000 }).toContain(`${registry.address} refused the login`);

    await dialog.getByLabel('Password or token').fill('right-horse-battery');
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => dialog.getByRole('listitem').first().textContent(), { timeout: 20_000 }).toContain(`${registry.address} as silo`);
    expect(await dialog.getByLabel('Password or token').inputValue()).toBe('');
    const pull = () => spawnSync('docker', ['pull', image], { env: engine.env({ DOCKER_CONFIG: dockerConfig }) });
    expect(pull().status).toBe(0);
    await engine.docker(['rmi', image]);

    await dialog.getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('No registry login is kept.');
    expect(pull().stderr.toString()).toMatch(/no basic auth credentials/);
    await page.close();
  });
});
