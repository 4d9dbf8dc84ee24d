// A person changes a container's isolation, and creates one under gVisor, at the browser host in
// Debian's Chromium, with the private engine (gVisor registered) behind it.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
let host: RunningHost;
let browser: Browser;
const made: string[] = [];

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  for (const name of made) await engine.docker(['rm', '-f', name]).catch(() => undefined);
});

async function openSilo(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(await host.newLink());
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  return page;
}

/** The table is virtualized: filter it down to the one row first. */
async function rowOf(page: Page, name: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
  const row = page.getByRole('row', { name: new RegExp(`^${name}, `) });
  await row.waitFor({ timeout: 10_000 });
  return row;
}

const runtimeAndState = (name: string): Promise<string> => engine.docker(['inspect', '-f', '{{.HostConfig.Runtime}} {{.State.Status}}', name]);

describe('changing isolation', () => {
  it('moves a running container to gVisor from its row, and the row shows it running there', { timeout: 120_000 }, async () => {
    const name = 'e2e-iso-move';
    made.push(name);
    await engine.run(['--name', name, '--stop-timeout', '1']);
    expect(await runtimeAndState(name)).toBe('runc running');
    const page = await openSilo();
    const row = await rowOf(page, name);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Shared kernel/);

    await row.getByRole('button', { name: 'Change isolation', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Change isolation of ${name}` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /runsc/ }).check();

    // The advice arrives; if the writable layer holds changes, the person answers explicitly.
    const confirm = dialog.getByRole('button', { name: 'Change isolation', exact: true });
    const keep = dialog.getByRole('radio', { name: /^Keep them/ });
    await expect.poll(async () => (await confirm.isEnabled()) || (await keep.count()) > 0, { timeout: 30_000 }).toBe(true);
    if ((await keep.count()) > 0) {
      expect(await confirm.isDisabled()).toBe(true);
      await keep.check();
      await expect.poll(() => confirm.isEnabled(), { timeout: 30_000 }).toBe(true);
    }
    await expect.poll(() => dialog.textContent()).toMatch(/Create the new e2e-iso-move under gVisor \(runsc\)/);

    await confirm.click();
    await dialog.getByRole('heading', { name: 'Done', exact: true }).waitFor({ timeout: 90_000 });
    expect(await dialog.textContent()).toContain(`${name} now runs under gVisor (runsc), on the User-space kernel rung.`);
    // Each step was followed as it happened.
    const started = dialog.getByRole('listitem').filter({ hasText: 'Start the new container' });
    expect(await started.textContent()).toMatch(/done/);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const moved = await rowOf(page, name);
    await expect.poll(() => moved.textContent(), { timeout: 20_000 }).toMatch(/User-space kernel/);
    expect(await moved.textContent()).toMatch(/runsc/);
    expect(await moved.textContent()).toMatch(/Running/);
    expect(await runtimeAndState(name)).toBe('runsc running');
    await page.close();
  });
});

describe('creating a container', () => {
  it('shows an invalid name on the field as it is typed and sends nothing; a valid form creates it under runsc', { timeout: 90_000 }, async () => {
    const bad = 'no spaces here';
    const name = 'e2e-iso-created';
    made.push(name);
    const page = await openSilo();
    // Only this test's name: other files' containers come and go on the shared engine meanwhile.
    const containersBefore = await engine.docker(['ps', '-a', '-q', '--filter', `name=^/${name}$`]);
    await page.getByRole('button', { name: 'New container', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New container' });
    await dialog.waitFor();
    const submit = dialog.getByRole('button', { name: 'Create', exact: true });

    const nameBox = dialog.getByRole('textbox', { name: 'Name', exact: true });
    await nameBox.fill(bad);
    const message = dialog.getByText('A name starts with a letter or digit and holds only letters, digits, _ . and -, at least two characters.');
    await message.waitFor();
    expect(await nameBox.getAttribute('aria-invalid')).toBe('true');
    expect((await nameBox.getAttribute('aria-describedby'))?.split(' ')).toContain(await message.getAttribute('id'));
    expect(await submit.isDisabled()).toBe(true);
    // Enter in the field does not send it either.
    await nameBox.press('Enter');
    await message.waitFor();

    await nameBox.fill(name);
    await message.waitFor({ state: 'detached' });
    expect(await nameBox.getAttribute('aria-invalid')).toBe('false');
    await dialog.getByRole('combobox', { name: 'Image', exact: true }).selectOption(TEST_IMAGE);
    await dialog.getByRole('textbox', { name: 'Command', exact: true }).fill('sleep 3600');
    await dialog.getByRole('combobox', { name: 'Network', exact: true }).fill('none');
    await dialog.getByRole('textbox', { name: 'Environment variables' }).fill('GREETING=hello world');
    await dialog.getByRole('radio', { name: /runsc/ }).check();
    expect(await engine.docker(['ps', '-a', '-q', '--filter', `name=^/${name}$`])).toBe(containersBefore);

    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByRole('status', { name: 'New container' }).textContent()).toMatch(`Created ${name} and started it.`);

    // It appears through the engine's events: no reload.
    const row = await rowOf(page, name);
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toMatch(/User-space kernel/);
    expect(await row.textContent()).toMatch(/runsc/);
    expect(await row.textContent()).toMatch(/Running/);
    expect(await runtimeAndState(name)).toBe('runsc running');
    expect(await engine.docker(['inspect', '-f', '{{json .Config.Env}} {{json .Config.Cmd}}', name])).toMatch(/"GREETING=hello world".*\["sleep","3600"\]/);
    await page.close();
  });
});
