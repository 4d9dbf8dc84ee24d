// What the reliability browser tests share: the page's list as a person's screen reader reads it
// (every data row's accessible name, scrolled through the virtualized table), the engine's own
// list (`docker ps -a`) in the same words, and a record of every change of the connection banner
// with its time, taken in the page so no polling delay is measured.
import type { Page } from 'playwright-core';
import en from '../../src/renderer/i18n/en/core.json';
import type { TestEngine } from '../support/test-engine';

const STATE_WORDS = en as unknown as Record<string, string>;

/** `name, State` as the row's accessible name says it (containers.rowLabel). */
export function rowName(name: string, state: string): string {
  return `${name}, ${STATE_WORDS[`state.${state}`] ?? state}`;
}

/** The engine's truth: every container and its state, as the page would name its row. */
export async function engineList(engine: TestEngine, nameFilter?: string): Promise<string[]> {
  const filter = nameFilter ? ['--filter', `name=${nameFilter}`] : [];
  const out = await engine.docker(['ps', '-a', ...filter, '--format', '{{.Names}}\t{{.State}}']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, state] = line.split('\t');
      return rowName(name!, state!);
    })
    .sort();
}

/**
 * Every data row the page's table holds, by accessible name. The table is virtualized, so it is
 * scrolled from top to bottom and read a viewport at a time (then scrolled back).
 */
export function pageList(page: Page): Promise<string[]> {
  return page.evaluate(`(${PAGE_LIST})()`) as Promise<string[]>;
}

// In-page scripts are plain JavaScript strings: the Node type project has no DOM (on purpose).
const PAGE_LIST = `async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const scroller = document.querySelector('[role="grid"] .vtable-scroll');
  const names = new Set();
  const read = () => {
    for (const row of document.querySelectorAll('[role="grid"] [role="row"]')) {
      // Data rows are the selectable ones; group headers and the column header are not.
      if (row.querySelector('input[type="checkbox"]') && row.getAttribute('aria-rowindex') !== '1') names.add(row.getAttribute('aria-label') || '');
    }
  };
  if (!scroller) return [];
  const start = scroller.scrollTop;
  scroller.scrollTop = 0;
  await frame();
  read();
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.max(40, scroller.clientHeight - 80);
    await frame();
    read();
    if (scroller.scrollTop === before) break;
  }
  scroller.scrollTop = start;
  return [...names].sort();
}`;

/** Waits until the page's list equals the engine's; returns how long it took, or throws with both lists. */
export async function untilListsAgree(page: Page, engine: TestEngine, timeoutMs: number, nameFilter?: string): Promise<number> {
  const started = Date.now();
  let ui: string[] = [];
  let truth: string[] = [];
  for (;;) {
    truth = await engineList(engine, nameFilter);
    ui = await pageList(page);
    if (nameFilter) ui = ui.filter((n) => n.includes(nameFilter));
    if (JSON.stringify(ui) === JSON.stringify(truth)) {
      // Read the engine once more: a change between the two reads must not pass as agreement.
      if (JSON.stringify(await engineList(engine, nameFilter)) === JSON.stringify(truth)) return Date.now() - started;
    }
    if (Date.now() - started > timeoutMs) {
      const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
      const pageOnly = only(ui, truth);
      const engineOnly = only(truth, ui);
      throw new Error(
        `the page's list did not become docker ps -a within ${timeoutMs} ms (${ui.length} rows in the page, ${truth.length} in the engine)\n` +
          `only in the page (${pageOnly.length}):   ${JSON.stringify(pageOnly.slice(0, 40))}\nonly in the engine (${engineOnly.length}): ${JSON.stringify(engineOnly.slice(0, 40))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface BannerChange {
  /** Epoch ms, the page's clock (the same machine's as the test's). */
  at: number;
  text: string;
}

/** Records every text the connection banner (role=status) shows, from now on, with its time. */
export async function recordBanner(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const banner = () => document.querySelector('[role="status"]');
    const log = [];
    window.__bannerLog = log;
    const note = () => {
      const text = (banner() && banner().textContent) || '';
      if (log.length === 0 || log[log.length - 1].text !== text) log.push({ at: performance.timeOrigin + performance.now(), text });
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

export function bannerLog(page: Page): Promise<BannerChange[]> {
  return page.evaluate('[...(window.__bannerLog || [])]') as Promise<BannerChange[]>;
}

/** The first banner change at or after `since` whose text matches, waiting up to `timeoutMs`. */
export async function bannerAfter(page: Page, since: number, pattern: RegExp, timeoutMs: number): Promise<BannerChange> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await bannerLog(page)).find((c) => c.at >= since && pattern.test(c.text));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `the banner never said ${pattern} after ${new Date(since).toISOString()}:\n${JSON.stringify((await bannerLog(page)).slice(-8), null, 1)}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The banner's words for an engine Silo cannot reach, and for one it is connected to. */
export const ENGINE_DOWN = /Lost the connection to|is unreachable/;
export const ENGINE_UP = /^Connected to /;
