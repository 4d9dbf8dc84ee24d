// The engine's events stream closed under Silo while the engine runs on (a proxy between the
// browser host and the engine drops every connection), with the page open in Chromium: the page
// says the link was lost, comes back connected, lists again, follows events on the new stream,
// and shows what changed while it could not see, even under a burst of changes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { engineApi } from '../support/scale';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';
import { RecordingProxy } from '../integration/reliability/support';
import { bannerAfter, ENGINE_DOWN, ENGINE_UP, pageList, recordBanner, rowName, untilListsAgree } from './reliability-support';

const engine = new TestEngine(inject('engineDir'));
const prefix = `cut${process.pid}-`;
let proxy: RecordingProxy;
let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  proxy = new RecordingProxy(engine.socketPath);
  await proxy.up();
  host = await startBrowserHost(engine.env({ DOCKER_HOST: proxy.dockerHost }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(await host.newLink());
  await page.getByRole('status').filter({ hasText: ENGINE_UP }).first().waitFor({ timeout: 10_000 });
  // Only this test's containers: the shared engine may hold others'.
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(prefix);
  await recordBanner(page);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await proxy?.destroy();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
});

async function api(method: string, path: string, body?: unknown): Promise<void> {
  const answer = await engineApi(engine, method, `/v1.41${path}`, body);
  if (answer.status >= 300 && answer.status !== 304) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
}

async function createAndStart(name: string): Promise<void> {
  await api('POST', `/containers/create?name=${name}`, { Image: TEST_IMAGE, Cmd: ['sleep', '3600'], StopTimeout: 1, HostConfig: { NetworkMode: 'none' } });
  await api('POST', `/containers/${name}/start`);
}

describe('the events stream cut under Silo, the engine running on', () => {
  it('is noticed, reconnected and listed again; events on the new stream reach the page', async () => {
    await createAndStart(`${prefix}before`);
    await untilListsAgree(page, engine, 10_000, prefix);
    const seen = proxy.requests.length;

    const cutAt = Date.now();
    proxy.cut();
    const lost = await bannerAfter(page, cutAt, ENGINE_DOWN, 2_000);
    const back = await bannerAfter(page, lost.at, ENGINE_UP, 2_000);
    expect(lost.at - cutAt).toBeLessThanOrEqual(2_000);
    expect(back.at - lost.at).toBeLessThanOrEqual(2_000);
    // A new events stream, and a full list to resynchronize.
    const after = proxy.requests.slice(seen);
    expect(after.some((r) => /^GET \/v[\d.]+\/events/.test(r))).toBe(true);
    expect(after.some((r) => /^GET \/v[\d.]+\/containers\/json/.test(r))).toBe(true);

    // The new stream delivers: a container born now shows up, and its stop too, without a list.
    const lists = proxy.requests.filter((r) => r.includes('/containers/json')).length;
    await createAndStart(`${prefix}after`);
    await expect.poll(() => pageList(page), { timeout: 10_000 }).toContain(rowName(`${prefix}after`, 'running'));
    await api('POST', `/containers/${prefix}after/stop?t=0`);
    await expect.poll(() => pageList(page), { timeout: 10_000 }).toContain(rowName(`${prefix}after`, 'exited'));
    expect(proxy.requests.filter((r) => r.includes('/containers/json')).length).toBe(lists);
    await untilListsAgree(page, engine, 5_000, prefix);
  });

  it('shows what changed while it could not reach the engine', async () => {
    await createAndStart(`${prefix}doomed`);
    await createAndStart(`${prefix}stopped`);
    await untilListsAgree(page, engine, 10_000, prefix);

    const downAt = Date.now();
    await proxy.down();
    await bannerAfter(page, downAt, ENGINE_DOWN, 2_000);
    await createAndStart(`${prefix}born`);
    await api('DELETE', `/containers/${prefix}doomed?force=1`);
    await api('POST', `/containers/${prefix}stopped/stop?t=0`);
    await new Promise((r) => setTimeout(r, 300));
    // The page still shows the old list, marked stale: it could not know.
    expect(await pageList(page)).toContain(rowName(`${prefix}doomed`, 'running'));

    const upAt = Date.now();
    await proxy.up();
    const back = await bannerAfter(page, upAt, ENGINE_UP, 3_000);
    expect(back.at - upAt).toBeLessThanOrEqual(2_000);
    await untilListsAgree(page, engine, 5_000, prefix);
    const rows = await pageList(page);
    expect(rows).toContain(rowName(`${prefix}born`, 'running'));
    expect(rows).toContain(rowName(`${prefix}stopped`, 'exited'));
    expect(rows.some((r) => r.startsWith(`${prefix}doomed,`))).toBe(false);
  });

  it('ends equal to docker ps -a when the stream is cut twice during a burst of changes', async () => {
    const names = [0, 1, 2, 3].map((i) => `${prefix}burst-${i}`);
    for (const name of names) await createAndStart(name);
    let running = true;
    const burst = (async () => {
      for (let round = 0; running; round++) {
        await Promise.all(names.map((name, i) => api('POST', `/containers/${name}/${(round + i) % 2 === 0 ? 'stop?t=0' : 'start'}`)));
      }
    })();
    await new Promise((r) => setTimeout(r, 700));
    proxy.cut();
    await new Promise((r) => setTimeout(r, 500));
    proxy.cut();
    await new Promise((r) => setTimeout(r, 700));
    running = false;
    await burst;
    await untilListsAgree(page, engine, 5_000, prefix);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(ENGINE_UP);
  });
});
