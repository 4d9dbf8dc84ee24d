// A person at the browser host looks at images, volumes and networks: the layers of the local
// image and of one built in two steps; a volume in use that cannot be removed without the
// warning naming its container; a network connect and disconnect round trip, seen in the page
// and in `docker network inspect`; a tar loaded from the page; a pull that cannot reach any
// registry, said in plain words; a compose project stopped from its group header.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
let host: RunningHost;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'silo-res-'));
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** What the page's CSP refused, per page (the virtualized tables place rows through the CSSOM). */
const refusedBy = new WeakMap<Page, string[]>();

async function openSilo(view?: 'Images' | 'Volumes' | 'Networks'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const refused: string[] = [];
  refusedBy.set(page, refused);
  await page.exposeFunction('siloCspRefused', (what: string) => refused.push(what));
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => window.siloCspRefused(e.violatedDirective + ' ' + e.sample));",
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(await host.newLink());
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  if (view) await page.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
  return page;
}

/** A row of a table by the resource's name (its accessible name is exactly that). */
function row(page: Page, name: string) {
  return page.getByRole('row', { name, exact: true });
}

/** The commands of the layers table, oldest first, as the dialog shows them. */
async function layerRows(page: Page, image: string): Promise<string[]> {
  const table = page.getByRole('dialog', { name: `Layers of ${image}` }).getByRole('table');
  await table.waitFor({ timeout: 10_000 });
  return table.locator('tbody tr').allInnerTexts();
}

describe('images', () => {
  it('lists the layers of the local image', async () => {
    const page = await openSilo('Images');
    await row(page, TEST_IMAGE)
      .getByRole('button', { name: `Layers of ${TEST_IMAGE}` })
      .click();
    const rows = await layerRows(page, TEST_IMAGE);
    const history = (await engine.docker(['history', '-q', TEST_IMAGE])).split('\n').filter(Boolean);
    expect(rows).toHaveLength(history.length);
    // `docker import` records no command, only its comment.
    expect(rows[0]).toMatch(/Imported from -/);
    await page.close();
  });

  it('lists both layers of an image built in two steps, each with the command that made it', async () => {
    const name = 'e2e-res-two-step';
    const image = 'silo-test/e2e-two-step:1';
    await engine.docker(['run', '--name', name, '--network', 'none', TEST_IMAGE, 'sh', '-c', 'mkdir -p /srv && echo layered > /srv/greeting.txt']);
    await engine.docker(['commit', '-c', 'CMD ["cat", "/srv/greeting.txt"]', name, image]);
    await engine.docker(['rm', name]);
    try {
      const page = await openSilo('Images');
      // The new image arrives through the engine's events, or is there from the first list.
      await row(page, image).waitFor({ timeout: 10_000 });
      await row(page, image)
        .getByRole('button', { name: `Layers of ${image}` })
        .click();
      const rows = await layerRows(page, image);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/Imported from -/);
      expect(rows[1]).toMatch(/echo layered > \/srv\/greeting\.txt/);
      const sizes = (await engine.docker(['history', '--human=false', '--format', '{{.Size}}', image])).split('\n');
      // The commit's layer holds the file it wrote (a few bytes, not nothing).
      expect(Number(sizes[0])).toBeGreaterThan(0);
      expect(rows[1]).toMatch(/\d+ B/);
      await expect(page.getByRole('dialog', { name: `Layers of ${image}` }).textContent()).resolves.toMatch(/2 layers with files, in 2 steps/);
      await page.close();
    } finally {
      await engine.docker(['rmi', '-f', image]).catch(() => undefined);
    }
  });

  it('loads an image from a tar file chosen in the page, with its progress, and lists it', async () => {
    const image = 'silo-test/e2e-loaded:1';
    const archive = join(scratch, 'loaded.tar');
    await engine.docker(['tag', TEST_IMAGE, image]);
    await engine.docker(['save', '-o', archive, image]);
    await engine.docker(['rmi', image]);
    try {
      const page = await openSilo('Images');
      await page.getByRole('button', { name: 'Load or import…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Load or import an image from a file' });
      await dialog.getByLabel('Archive').setInputFiles(archive);
      await dialog.getByRole('button', { name: 'Load', exact: true }).click();
      await expect.poll(() => dialog.getByRole('status').last().textContent(), { timeout: 30_000 }).toMatch(`Loaded ${image}`);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await row(page, image).waitFor({ timeout: 10_000 });
      await expect(engine.docker(['image', 'inspect', '-f', '{{.Id}}', image])).resolves.toMatch(/^sha256:/);
      await page.close();
    } finally {
      await engine.docker(['rmi', image]).catch(() => undefined);
    }
  });

  it('says in plain words that a pull cannot reach a registry', async () => {
    const page = await openSilo('Images');
    await page.getByRole('button', { name: 'Pull…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    await dialog.getByLabel('Image', { exact: true }).fill('Busybox');
    await expect(dialog.getByText('A repository name is lowercase; Busybox is not.').count()).resolves.toBe(1);
    await expect(dialog.getByRole('button', { name: 'Pull', exact: true }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Image', { exact: true }).fill('silo-test/not-anywhere:1');
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    const alert = dialog.getByRole('alert');
    // A machine without a registry answers at once; a slow resolver may take its time to say so.
    await alert.waitFor({ timeout: 80_000 });
    expect(await alert.textContent()).toMatch(/^silo-test\/not-anywhere:1 was not pulled: /);
    await page.close();
  }, 100_000);
});

describe('volumes', () => {
  it('a volume in use cannot be removed without the warning naming its container, and goes only by an explicit choice', async () => {
    const volume = 'e2e-res-data';
    const user = 'e2e-res-volume-user';
    await engine.docker(['volume', 'create', volume]);
    await engine.run(['--name', user, '-v', `${volume}:/data`]);
    try {
      const page = await openSilo('Volumes');
      const target = row(page, volume);
      await target.waitFor({ timeout: 10_000 });
      await expect.poll(() => target.textContent(), { timeout: 10_000 }).toMatch(user);
      await target.getByRole('button', { name: `Remove ${volume}` }).click();
      const dialog = page.getByRole('dialog', { name: `Remove volume ${volume}?` });
      await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(new RegExp(`In use by 1 container: ${user} \\(Running\\)`));
      const remove = dialog.getByRole('button', { name: 'Remove the container and the volume' });
      // No way to remove it while the choice is not made.
      expect(await remove.isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(engine.docker(['volume', 'inspect', '-f', '{{.Name}}', volume])).resolves.toBe(volume);

      await target.getByRole('button', { name: `Remove ${volume}` }).click();
      await dialog.getByRole('checkbox', { name: 'Remove that container first, then the volume' }).check();
      await expect(dialog.getByText(/removed even if it is running/).count()).resolves.toBe(1);
      await remove.click();
      await target.waitFor({ state: 'detached', timeout: 15_000 });
      await expect(engine.docker(['volume', 'ls', '-q', '--filter', `name=^${volume}$`])).resolves.toBe('');
      await expect(engine.docker(['ps', '-aq', '--filter', `name=^${user}$`])).resolves.toBe('');
      await page.close();
    } finally {
      await engine.docker(['rm', '-f', user]).catch(() => undefined);
      await engine.docker(['volume', 'rm', volume]).catch(() => undefined);
    }
  });
});

describe('the resource table', () => {
  it('sorts by a column header both ways, says the order, and the CSP refuses nothing', async () => {
    const names = ['e2e-res-sort-b', 'e2e-res-sort-a', 'e2e-res-sort-c'];
    for (const name of names) await engine.docker(['volume', 'create', name]);
    try {
      const page = await openSilo('Volumes');
      await page.getByRole('searchbox', { name: 'Filter volumes' }).fill('e2e-res-sort');
      const table = page.getByRole('grid', { name: 'Volumes' });
      const shown = async () => (await table.getByRole('row').all()).slice(1).map((r) => r.getAttribute('aria-label'));
      const order = async () => Promise.all(await shown());
      await expect.poll(order, { timeout: 10_000 }).toHaveLength(3);
      const header = table.getByRole('columnheader', { name: 'Name' });
      expect(await header.getAttribute('aria-sort')).toBe('none');
      await header.getByRole('button').click();
      await expect.poll(order).toEqual(['e2e-res-sort-a', 'e2e-res-sort-b', 'e2e-res-sort-c']);
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      await header.getByRole('button').click();
      await expect.poll(order).toEqual(['e2e-res-sort-c', 'e2e-res-sort-b', 'e2e-res-sort-a']);
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      // The rows are placed by the virtualizer through React's style prop: no CSP refusal.
      expect(refusedBy.get(page)).toEqual([]);
      await page.close();
    } finally {
      for (const name of names) await engine.docker(['volume', 'rm', name]).catch(() => undefined);
    }
  });
});

describe('networks', () => {
  it('connects a container and disconnects it again, seen in the page and in docker network inspect', async () => {
    const home = 'e2e-res-net-home';
    const other = 'e2e-res-net-other';
    const name = 'e2e-res-net-user';
    const members = async () => engine.docker(['network', 'inspect', '-f', '{{range .Containers}}{{.Name}} {{end}}', other]);
    await engine.docker(['network', 'create', home]);
    await engine.docker(['network', 'create', '--subnet', '172.29.7.0/24', other]);
    await engine.docker(['run', '-d', '--name', name, '--network', home, TEST_IMAGE, 'sleep', '3600']);
    try {
      const page = await openSilo('Networks');
      const target = row(page, other);
      await target.waitFor({ timeout: 10_000 });
      await expect(target.textContent()).resolves.toMatch(/bridge.*172\.29\.7\.0\/24.*No containers/);
      await target.getByRole('button', { name: `Connect or disconnect containers on ${other}` }).click();
      const dialog = page.getByRole('dialog', { name: `Containers on ${other}` });
      await dialog.getByLabel('Connect', { exact: true }).selectOption({ label: `${name} (Running)` });
      await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
      await dialog.getByRole('button', { name: `Disconnect ${name}` }).waitFor({ timeout: 10_000 });
      await expect(dialog.getByRole('list', { name: `Containers on ${other}` }).textContent()).resolves.toMatch(/172\.29\.7\.\d+/);
      expect(await members()).toMatch(name);
      await expect.poll(() => target.textContent(), { timeout: 10_000 }).toMatch(name);

      await dialog.getByRole('button', { name: `Disconnect ${name}` }).click();
      await dialog.getByRole('button', { name: `Disconnect ${name}` }).waitFor({ state: 'detached', timeout: 10_000 });
      expect(await members()).not.toMatch(name);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => target.textContent(), { timeout: 10_000 }).toMatch(/No containers/);
      await page.close();
    } finally {
      await engine.docker(['rm', '-f', name]).catch(() => undefined);
      await engine.docker(['network', 'rm', home, other]).catch(() => undefined);
    }
  });
});

describe('compose projects', () => {
  it('stops a whole project from its group header, with progress, and starts it again', async () => {
    const project = 'e2e-res-shop';
    const ids = [
      await engine.run([
        '--name',
        `${project}-web`,
        '--stop-timeout',
        '1',
        '--label',
        `com.docker.compose.project=${project}`,
        '--label',
        'com.docker.compose.service=web',
      ]),
      await engine.run([
        '--name',
        `${project}-db`,
        '--stop-timeout',
        '1',
        '--label',
        `com.docker.compose.project=${project}`,
        '--label',
        'com.docker.compose.service=db',
      ]),
    ];
    const states = async () => (await engine.docker(['inspect', '-f', '{{.State.Status}}', ...ids])).split('\n');
    try {
      const page = await openSilo();
      const stop = page.getByRole('button', { name: `Stop project ${project}`, exact: true });
      await stop.waitFor({ timeout: 10_000 });
      await stop.click();
      await expect.poll(states, { timeout: 30_000 }).toEqual(['exited', 'exited']);
      await expect.poll(() => page.getByRole('row', { name: project, exact: true }).textContent(), { timeout: 10_000 }).toMatch(/Stopped 2 containers/);
      await page.getByRole('button', { name: `Start project ${project}`, exact: true }).click();
      await expect.poll(states, { timeout: 30_000 }).toEqual(['running', 'running']);
      await page.close();
    } finally {
      await engine.docker(['rm', '-f', ...ids]).catch(() => undefined);
    }
  });
});
