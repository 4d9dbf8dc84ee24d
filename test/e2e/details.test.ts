// A person at the browser host opens a container's details: reads its log, finds a line by search,
// runs a command in its terminal, reads its CPU, and closes the page again, after which no
// stream of the page is left open (seen on the page's own WebSocket and in the engine).
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

const STREAM_CALLS = new Set(['logs.open', 'stats.open', 'terminal.open', 'logs.download']);

/** What the page says to Silo and hears back about streams, from its WebSocket frames. */
interface StreamWatch {
  /** stream id → the call that opened it */
  opened: Map<string, string>;
  closedByPage: Set<string>;
  ended: Set<string>;
  /** stream id → when its last data arrived (ms) */
  lastData: Map<string, number>;
}

async function openSilo(): Promise<{ page: Page; streams: StreamWatch; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const streams: StreamWatch = { opened: new Map(), closedByPage: new Set(), ended: new Set(), lastData: new Map() };
  const asked = new Map<number, string>();
  const problems: string[] = [];
  const parse = (payload: string | Buffer): Record<string, unknown> | null => {
    try {
      return JSON.parse(String(payload)) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const m = parse(payload);
      if (!m || typeof m.id !== 'number') return;
      if (STREAM_CALLS.has(String(m.call))) asked.set(m.id, String(m.call));
      if (m.call === 'stream.close') streams.closedByPage.add((m.args as { streamId: string }).streamId);
    });
    ws.on('framereceived', ({ payload }) => {
      const m = parse(payload);
      if (!m) return;
      if (typeof m.id === 'number' && asked.has(m.id) && m.ok === true) streams.opened.set((m.result as { streamId: string }).streamId, asked.get(m.id)!);
      if (m.event === 'stream.data') streams.lastData.set((m.payload as { streamId: string }).streamId, Date.now());
      if (m.event === 'stream.end') streams.ended.add((m.payload as { streamId: string }).streamId);
    });
  });
  // The CSP refusing anything (an inline style of xterm.js, say) shows up here.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.sample));",
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(await host.newLink());
  return { page, streams, problems };
}

async function openDetails(page: Page, name: string): Promise<void> {
  // Rows are virtualized: filter first so the row is in the page.
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
}

const kindsOf = (streams: StreamWatch): string[] => [...streams.opened.values()].sort();

describe('container details', () => {
  it('a person reads the log, finds a line by search, runs echo in the terminal, sees CPU, and closing the page closes every stream', async () => {
    const name = 'e2e-details';
    const id = await engine.run(['--name', name], ['sh', '-c', 'seq 1 20000; sleep 3600']);
    const { page, streams, problems } = await openSilo();
    await openDetails(page, name);

    // Logs: the whole printed log, read live.
    await page.getByRole('tab', { name: 'Logs' }).click();
    const log = page.getByRole('log', { name: `Log of ${name}` });
    await page.getByText('Following live · 20,000 lines').waitFor({ timeout: 30_000 });
    // Following: the last line is in view.
    await expect.poll(() => log.locator('.log-row').last().textContent(), { timeout: 10_000 }).toBe('20000');

    // Search: the line is highlighted and scrolled into view.
    await page.getByRole('searchbox', { name: 'Search the log' }).fill('12345');
    const current = log.locator('mark.log-match.current');
    await expect.poll(() => current.textContent(), { timeout: 10_000 }).toBe('12345');
    await expect.poll(() => page.locator('.match-count').textContent(), { timeout: 10_000 }).toBe('1 of 1');
    const markBox = await current.boundingBox();
    const logBox = await log.boundingBox();
    expect(markBox && logBox).toBeTruthy();
    expect(markBox!.y).toBeGreaterThanOrEqual(logBox!.y);
    expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(logBox!.y + logBox!.height);

    // Terminal: a shell in the container; the person types echo and reads its output.
    await page.getByRole('tab', { name: 'Terminal' }).click();
    const terminal = page.getByRole('region', { name: 'Terminal' });
    await page.getByText('Shell: /bin/sh').waitFor({ timeout: 15_000 });
    await terminal.click();
    await page.keyboard.type('echo hello-silo\n');
    const rows = async (): Promise<string[]> => (await terminal.locator('.xterm-rows > div').allTextContents()).map((r) => r.trim());
    await expect.poll(rows, { timeout: 10_000 }).toContain('hello-silo');
    await expect.poll(() => engine.docker(['top', id]), { timeout: 15_000 }).toMatch(/\/bin\/sh/);

    // Stats: a CPU figure as docker stats gives it.
    await page.getByRole('tab', { name: 'Stats' }).click();
    const cpu = page.getByRole('region', { name: 'CPU' });
    await expect.poll(() => cpu.locator('.stat-value').textContent(), { timeout: 15_000 }).toMatch(/^\d+\.\d\d%$/);

    // Leaving the Logs tab closed its stream; the terminal stays open behind the Stats tab.
    expect(kindsOf(streams)).toEqual(['logs.open', 'stats.open', 'terminal.open']);
    const byKind = (call: string) => [...streams.opened].find(([, c]) => c === call)![0];
    expect(streams.closedByPage.has(byKind('logs.open'))).toBe(true);
    expect(streams.closedByPage.has(byKind('terminal.open'))).toBe(false);

    // Closing the page closes every stream it opened, and nothing arrives for them afterwards.
    await page.getByRole('button', { name: 'Back to containers' }).click();
    await page.getByRole('button', { name, exact: true }).waitFor({ timeout: 10_000 });
    await expect.poll(() => [...streams.opened.keys()].filter((s) => !streams.closedByPage.has(s) && !streams.ended.has(s)), { timeout: 10_000 }).toEqual([]);
    // Data already on its way may still land; after that, nothing (stats would send every second).
    await page.waitForTimeout(1500);
    const settled = new Map(streams.lastData);
    await page.waitForTimeout(3000);
    expect([...streams.lastData].filter(([stream, at]) => settled.get(stream) !== at)).toEqual([]);
    // And the shell the terminal ran is ended with it (an exec's process outlives its stream).
    await expect.poll(() => engine.docker(['top', id]), { timeout: 20_000 }).not.toMatch(/\/bin\/sh/);

    expect(problems).toEqual([]);
    await page.close();
    await engine.docker(['rm', '-f', id]);
  });

  it('wraps long log lines when asked, each line measured, and a search still reveals its line', async () => {
    const name = 'e2e-details-wrap';
    const long = 'w'.repeat(3000);
    const id = await engine.run(['--name', name], ['sh', '-c', `seq 1 300; echo ${long}; echo tail-line; sleep 3600`]);
    const { page, problems } = await openSilo();
    await openDetails(page, name);
    await page.getByRole('tab', { name: 'Logs' }).click();
    const log = page.getByRole('log', { name: `Log of ${name}` });
    await page.getByText('Following live · 302 lines').waitFor({ timeout: 30_000 });
    const longRow = log.locator('.log-row').filter({ hasText: 'wwwwwwwwww' });
    await longRow.waitFor({ timeout: 10_000 });
    const sideways = () => log.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

    // Unwrapped: one row high, the pane scrolls sideways.
    expect((await longRow.boundingBox())!.height).toBeLessThan(30);
    expect(await sideways()).toBe(true);

    // Wrapped: the long line takes many rows, nothing scrolls sideways, the end is still in view.
    await page.getByRole('checkbox', { name: 'Wrap lines' }).check();
    await expect.poll(async () => (await longRow.boundingBox())!.height, { timeout: 10_000 }).toBeGreaterThan(18 * 5);
    await expect.poll(sideways).toBe(false);
    const tail = log.locator('.log-row').filter({ hasText: 'tail-line' });
    await expect
      .poll(
        async () => {
          const [box, pane] = [await tail.boundingBox(), await log.boundingBox()];
          return box !== null && pane !== null && box.y + box.height <= pane.y + pane.height + 1;
        },
        { timeout: 10_000 },
      )
      .toBe(true);

    // A search far up reveals its line in the middle of the wrapped log.
    await page.getByRole('searchbox', { name: 'Search the log' }).fill('^42$');
    await page.getByRole('checkbox', { name: 'Regular expression' }).check();
    const current = log.locator('mark.log-match.current');
    await expect.poll(() => current.textContent(), { timeout: 10_000 }).toBe('42');
    const [markBox, logBox] = [await current.boundingBox(), await log.boundingBox()];
    expect(markBox!.y).toBeGreaterThanOrEqual(logBox!.y);
    expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(logBox!.y + logBox!.height);

    // Rows are placed and measured through the CSSOM: the CSP refuses nothing.
    expect(problems).toEqual([]);
    await page.close();
    await engine.docker(['rm', '-f', id]);
  });

  it('says plainly why there is no terminal: a container without a shell, and one that is not running', async () => {
    const pause = await engine.importPauseImage();
    const noShell = await engine.docker(['run', '-d', '--network', 'none', '--name', 'e2e-no-shell', pause.image, ...pause.command]);
    const stopped = await engine.run(['--name', 'e2e-stopped'], ['true']);
    const { page, problems } = await openSilo();

    await openDetails(page, 'e2e-no-shell');
    await page.getByRole('tab', { name: 'Terminal' }).click();
    if (pause.command[0] === '/pause') {
      await page.getByRole('alert').filter({ hasText: 'This container has no shell Silo can start (it tried /bin/sh).' }).waitFor({ timeout: 15_000 });
      await expect(page.getByRole('button', { name: 'Open a new shell' }).isEnabled()).resolves.toBe(true);
    }

    await page.getByRole('button', { name: 'Back to containers' }).click();
    await openDetails(page, 'e2e-stopped');
    await page.getByRole('tab', { name: 'Terminal' }).click();
    await page.getByRole('alert').filter({ hasText: 'This container is not running. Start it to open a shell.' }).waitFor({ timeout: 10_000 });
    // Its log is complete and says it ended; its stats say it is not running.
    await page.getByRole('tab', { name: 'Stats' }).click();
    await page.getByText('This container is not running: its figures are live only while it runs.').waitFor();

    expect(problems).toEqual([]);
    await page.close();
    await engine.docker(['rm', '-f', noShell, stopped]);
  });
});
