// The engine killed (SIGKILL: dockerd, containerd and every container process) and started
// again, 20 times, with Silo's page open in Chromium through the browser host. Each time:
// - the page says the engine is unreachable within 2 s of the kill;
// - it says it is connected again within 2 s of the engine's return (`launch()` resolving: the
//   first successful ping);
// - its list then equals `docker ps -a`: the running container the crash stopped shows as exited
//   (the engine sends no event for it: only the full list after reconnecting tells), and a
//   container created and one removed in the very moment Silo reconnects are shown as they are.
// Times are taken in the page (a MutationObserver on the banner), not by polling.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { engineApi } from '../support/scale';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';
import { bannerAfter, ENGINE_DOWN, ENGINE_UP, recordBanner, rowName, untilListsAgree } from './reliability-support';

const CYCLES = 20;
const engine = new TestEngine(); // its own: this test kills it
let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await engine.start();
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(await host.newLink());
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await engine.destroy();
});

async function api(method: string, path: string, body?: unknown): Promise<string> {
  const answer = await engineApi(engine, method, `/v1.41${path}`, body);
  if (answer.status >= 300 && answer.status !== 304) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
  return answer.body;
}

async function createAndStart(name: string): Promise<void> {
  await api('POST', `/containers/create?name=${name}`, { Image: TEST_IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'none' } });
  await api('POST', `/containers/${name}/start`);
}

describe('the engine killed and started again, with the page open', () => {
  it(`says so, comes back, and shows docker ps -a, ${CYCLES} times`, async () => {
    await api('POST', '/containers/create?name=rs-stays-created', { Image: TEST_IMAGE, Cmd: ['true'], HostConfig: { NetworkMode: 'none' } });
    await createAndStart('rs-born-0');
    await untilListsAgree(page, engine, 15_000);
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(ENGINE_UP);
    await recordBanner(page);

    const figures: Array<{ down: number; up: number; agree: number }> = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      // rs-born-<cycle - 1> runs: the crash stops it, and the engine sends no event for that.
      const killedAt = Date.now();
      await engine.stopDaemon('SIGKILL');
      const down = await bannerAfter(page, killedAt, ENGINE_DOWN, 5_000);

      await engine.launch();
      const backAt = Date.now();
      // Change the engine in the very moment Silo reconnects and resynchronizes: one container
      // born, one removed.
      const racing = Promise.all([createAndStart(`rs-born-${cycle}`), cycle > 1 ? api('DELETE', `/containers/rs-born-${cycle - 2}?force=1`) : null]);
      // Silo may see the engine's socket come back before our own ping does: count from the kill's notice.
      const up = await bannerAfter(page, down.at, ENGINE_UP, 5_000);
      await racing;
      const agree = await untilListsAgree(page, engine, 5_000);
      figures.push({ down: Math.round(down.at - killedAt), up: Math.max(0, Math.round(up.at - backAt)), agree });

      const expected = [rowName(`rs-born-${cycle - 1}`, 'exited'), rowName(`rs-born-${cycle}`, 'running'), rowName('rs-stays-created', 'created')];
      expect(await pageRowsOf([`rs-born-${cycle - 1}`, `rs-born-${cycle}`, 'rs-stays-created']), `cycle ${cycle}`).toEqual(expected);
      if (cycle > 1) expect(await pageRowsOf([`rs-born-${cycle - 2}`]), `cycle ${cycle}`).toEqual([`rs-born-${cycle - 2}: no row`]);
    }

    console.log(`engine restarts (ms): ${JSON.stringify(figures)}`);
    for (const [i, f] of figures.entries()) {
      expect(f.down, `cycle ${i + 1}: unreachable shown ${f.down} ms after the kill`).toBeLessThanOrEqual(2_000);
      expect(f.up, `cycle ${i + 1}: connected shown ${f.up} ms after the engine answered`).toBeLessThanOrEqual(2_000);
    }
  }, 300_000);
});

/** The page's rows for these names (they must all be there: the lists already agreed). */
async function pageRowsOf(names: string[]): Promise<string[]> {
  const rows = await page.getByRole('row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return names.map((name) => rows.find((r) => r.startsWith(`${name}, `)) ?? `${name}: no row`);
}
