// A person moves a compose project to gVisor while one of its members already runs there: the
// dialog offers gVisor, lists that member as staying as it is, and the rest moves.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const project = 'e2e-proj';
const names = [`${project}-api`, `${project}-db`];
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  for (const name of names) await engine.docker(['rm', '-f', name]).catch(() => undefined);
});

const runtimeOf = (name: string): Promise<string> => engine.docker(['inspect', '-f', '{{.HostConfig.Runtime}} {{.State.Status}}', name]);
const labels = (service: string) => ['-l', `com.docker.compose.project=${project}`, '-l', `com.docker.compose.service=${service}`];

describe('moving a compose project', () => {
  it('with one member already on the target: offered, that member stays, the other moves', { timeout: 150_000 }, async () => {
    await engine.run(['--name', names[0]!, '--stop-timeout', '1', ...labels('api')]);
    await engine.run(['--name', names[1]!, '--stop-timeout', '1', '--runtime', 'runsc', ...labels('db')]);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(await host.newLink());
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(project);

    await page.getByRole('button', { name: `Change isolation of the project ${project}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Change isolation of the project ${project}` });
    await dialog.waitFor();
    // gVisor is offered although db is already there (it used to say "no other isolation").
    await dialog.getByRole('radio', { name: /runsc/ }).check();
    expect(await dialog.textContent()).not.toContain('This engine offers no other isolation');
    await dialog.getByText(`${names[1]} already runs under gVisor (runsc): it stays as it is.`).waitFor({ timeout: 30_000 });

    const confirm = dialog.getByRole('button', { name: 'Change isolation', exact: true });
    const keep = dialog.getByRole('radio', { name: /^Keep them/ });
    const understood = dialog.getByRole('checkbox', { name: /will not work as before/ });
    await expect.poll(async () => (await confirm.isEnabled()) || (await keep.count()) > 0 || (await understood.count()) > 0, { timeout: 30_000 }).toBe(true);
    if ((await keep.count()) > 0) await keep.check();
    if ((await understood.count()) > 0) await understood.check();
    await expect.poll(() => confirm.isEnabled(), { timeout: 30_000 }).toBe(true);
    await confirm.click();
    await dialog.getByRole('heading', { name: 'Done', exact: true }).waitFor({ timeout: 120_000 });
    const text = await dialog.textContent();
    expect(text).toContain(`${names[0]} now runs under gVisor (runsc)`);
    expect(text).toContain(`${names[1]} already ran under gVisor (runsc): it stays as it was.`);
    expect(await runtimeOf(names[0]!)).toBe('runsc running');
    expect(await runtimeOf(names[1]!)).toBe('runsc running');
    expect(problems).toEqual([]);
    await page.close();
  });
});
