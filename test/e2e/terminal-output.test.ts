// What a container prints, in a real Chromium through the browser host (issue 12, "Smaller"):
// queries in its output get no answer typed into its shell (answerback), a hyperlink whose text
// hides its target shows the real target and opens nothing, and a log line with a bidi override
// shows the control as a visible mark instead of reordering the text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const prefix = `e2e-out-${process.pid}-`;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
});

async function openDetails(name: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(await host.newLink());
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(name);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
  return { page, problems };
}

describe('container output in the page', () => {
  it('types no answer into the shell for DA, DSR, DECRQM, DECRQSS or colour queries, and opens no link', async () => {
    const name = `${prefix}term`;
    await engine.run(['--name', name]);
    const { page, problems } = await openDetails(name);
    await page.getByRole('tab', { name: 'Terminal' }).click();
    const terminal = page.getByRole('region', { name: 'Terminal' });
    await page.getByText('Shell: /bin/sh').waitFor({ timeout: 15_000 });
    await terminal.click();
    const rows = async (): Promise<string[]> => (await terminal.locator('.xterm-rows > div').allTextContents()).map((r) => r.trim());

    // The container prints the queries, then od shows every byte its input gets. A terminal that
    // answered would have typed its replies (ESC [ 24 ; 1 R, ESC [ ? 1 ; 2 c …) before MARK.
    const queries = String.raw`\033[6n\033[5n\033[c\033[>c\033[?6n\033[4$p\033P$qm\033\\\033]11;?\007`;
    await page.keyboard.type(`printf '${queries}'; busybox od -c\n`);
    await expect.poll(() => engine.docker(['top', name]), { timeout: 10_000 }).toMatch(/od -c/);
    await page.keyboard.type('MARK\n');
    await page.keyboard.press('Control+D');
    await expect.poll(async () => (await rows()).find((r) => r.startsWith('0000000')), { timeout: 10_000 }).toMatch(/^0000000\s+M\s+A\s+R\s+K\s+\\n$/);
    // Nothing else reached the input either: no echoed reply (^[[…) on any row but the typed command.
    expect((await rows()).filter((r) => !r.includes('printf')).join('\n')).not.toMatch(/033|\^\[|\[\?1;2c|;1R/);

    // A link whose text says one address and goes to another (OSC 8): hovering it shows where it
    // really goes; clicking it opens nothing, asks nothing (xterm's own handler would confirm,
    // then open), and the page stays where it is.
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const opened: string[] = [];
    page.context().on('page', (p) => opened.push(p.url()));
    await page.keyboard.type(String.raw`clear; printf '\033]8;;https://evil.example/x\033\\https://good.example/\033]8;;\033\\\n'` + '\n');
    await expect.poll(async () => (await rows())[0], { timeout: 10_000 }).toBe('https://good.example/');
    const first = (await terminal.locator('.xterm-rows > div').first().boundingBox())!;
    await page.mouse.move(first.x + 5, first.y + first.height / 2);
    await page.mouse.move(first.x + 40, first.y + first.height / 2, { steps: 4 });
    await page.getByRole('status').filter({ hasText: 'This link goes to https://evil.example/x.' }).waitFor({ timeout: 10_000 });
    await page.mouse.click(first.x + 40, first.y + first.height / 2);
    await page.getByText('Shell: /bin/sh').waitFor();
    expect(dialogs).toEqual([]);
    expect(opened).toEqual([]);
    expect(new URL(page.url()).origin).toBe(host.origin);

    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a bidi override in a log line as a mark, not as reordered text', async () => {
    const name = `${prefix}bidi`;
    await engine.run(['--name', name], ['sh', '-c', String.raw`printf 'invoice-\342\200\256fdp.exe\n'; sleep 3600`]);
    const { page, problems } = await openDetails(name);
    await page.getByRole('tab', { name: 'Logs' }).click();
    const log = page.getByRole('log', { name: `Log of ${name}` });
    const row = log.locator('.log-row', { hasText: 'invoice-' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('.log-text').textContent()).toBe('invoice-⟨U+202E⟩fdp.exe');
    expect(await row.locator('.bidi-mark').textContent()).toBe('⟨U+202E⟩');
    // The control itself is nowhere in the page's text.
    expect(await log.evaluate((el) => el.textContent?.includes('\u202E'))).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
