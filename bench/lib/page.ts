// What the benchmark watches inside the page. The probe is injected before Silo's own scripts
// (page.addInitScript) and records, on the page's own clock (`performance.timeOrigin +
// performance.now()`, epoch ms like the engine's timeNano):
//   - firstRow: the first container row in the DOM, and the first frame painted after it;
//   - all: the view head counting `expect` containers with rows in the DOM, and its painted frame;
//   - changes: each time a row's state cell text changes (a MutationObserver), and its frame;
//   - ws: when Silo's WebSocket opened and when the first full list (reset) arrived on it.
// "Painted" is read as the end of the next rendering opportunity: a message posted from a
// requestAnimationFrame callback runs after that frame is produced.
// The scripts are strings: the Node project does not type-check against the DOM.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchHost } from './host';

export interface ProbeMoments {
  firstRowDom: number | null;
  firstRowPaint: number | null;
  allDom: number | null;
  allPaint: number | null;
}

export interface RowChange {
  name: string;
  from: string;
  to: string;
  dom: number;
  paint: number | null;
}

export const VIEWPORT = { width: 1280, height: 800 };

function probeScript(expect: number): string {
  return `(() => {
  const expect = ${JSON.stringify(expect)};
  const now = () => performance.timeOrigin + performance.now();
  const b = { firstRowDom: null, firstRowPaint: null, allDom: null, allPaint: null, states: new Map(), changes: [], clock: [] };
  Object.defineProperty(window, '__bench', { value: b });
  // Silo's own WebSocket, watched from outside: when it opens and when the first full list arrives.
  b.ws = { open: null, reset: null, resetBytes: 0 };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { if (b.ws.open === null) b.ws.open = now(); });
      this.addEventListener('message', (e) => {
        if (b.ws.reset === null && typeof e.data === 'string' && e.data.startsWith('{"event":"containers.changed"') && e.data.includes('"reset":true') && e.data.length > 1000) {
          b.ws.reset = now();
          b.ws.resetBytes = e.data.length;
        }
      });
    }
  };
  const afterPaint = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn(now());
    channel.port2.postMessage(null);
  });
  const report = (change) => { if (typeof window.__benchReport === 'function') window.__benchReport(change); };
  const scanRows = (t) => {
    for (const row of document.querySelectorAll('.vtable-window [role=row]')) {
      const nameEl = row.querySelector('.cell-name .name');
      const stateEl = row.querySelector('.cell-state');
      if (!nameEl || !stateEl) continue;
      const name = nameEl.textContent;
      const state = stateEl.textContent;
      const before = b.states.get(name);
      b.states.set(name, state);
      if (before === undefined || before === state) continue;
      const change = { name, from: before, to: state, dom: t, paint: null };
      b.changes.push(change);
      afterPaint((p) => { change.paint = p; report(change); });
    }
  };
  const check = () => {
    const t = now();
    if (b.firstRowDom === null && document.querySelector('.vtable-window [role=row] .cell-name')) {
      b.firstRowDom = t;
      afterPaint((p) => (b.firstRowPaint = p));
    }
    if (b.allDom === null && b.firstRowDom !== null) {
      const label = document.querySelector('.count-label');
      const match = label && /(\\d[\\d,.\\u00a0]*)/.exec(label.textContent || '');
      if (match && Number(match[1].replace(/[^\\d]/g, '')) === expect) {
        b.allDom = t;
        afterPaint((p) => (b.allPaint = p));
      }
    }
    if (b.firstRowDom !== null) scanRows(t);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

/** Where a page load's time went, in ms from `start` (epoch ms). */
export interface LoadBreakdown {
  /** The document's last byte (after the token redirect). */
  document: number;
  /** Silo's script parsed and run (DOMContentLoaded ended). */
  script: number;
  /** Silo's WebSocket open. */
  socket: number;
  /** The first full list (reset) received, and its size in characters. */
  reset: number;
  resetBytes: number;
}

export async function loadBreakdown(page: Page, start: number): Promise<LoadBreakdown> {
  const raw = (await page.evaluate(`(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const o = performance.timeOrigin;
    const ws = window.__bench.ws;
    return { document: o + n.responseEnd, script: o + n.domContentLoadedEventEnd, socket: ws.open, reset: ws.reset, resetBytes: ws.resetBytes };
  })()`)) as Record<keyof LoadBreakdown, number | null>;
  const at = (v: number | null) => (v === null ? Number.NaN : v - start);
  return { document: at(raw.document), script: at(raw.script), socket: at(raw.socket), reset: at(raw.reset), resetBytes: raw.resetBytes ?? 0 };
}

export interface ProbedPage {
  context: BrowserContext;
  page: Page;
  moments(): Promise<ProbeMoments>;
  /** Resolves when `field` has been recorded (epoch ms). */
  waitFor(field: keyof ProbeMoments, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

/** A fresh context (no cookie yet) and page with the probe installed; navigation is the caller's. */
export async function probedPage(browser: Browser, options: { expect: number; onChange?: (change: RowChange) => void }): Promise<ProbedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  if (options.onChange) {
    const onChange = options.onChange;
    await page.exposeFunction('__benchReport', (change: RowChange) => onChange(change));
  }
  await page.addInitScript({ content: probeScript(options.expect) });
  const moments = () =>
    page.evaluate(
      '(() => { const b = window.__bench; return b ? { firstRowDom: b.firstRowDom, firstRowPaint: b.firstRowPaint, allDom: b.allDom, allPaint: b.allPaint } : null; })()',
    ) as Promise<ProbeMoments>;
  return {
    context,
    page,
    moments,
    async waitFor(field, timeoutMs = 60_000) {
      await waitUntil(page, `!!window.__bench && window.__bench.${field} !== null`, timeoutMs);
      return (await moments())[field]!;
    },
    close: () => context.close(),
  };
}

/** Opens Silo in `page`: at `url` if given (fetched before a timed load), else at the host's next address. */
export async function open(page: Page, host: BenchHost, url?: string): Promise<unknown> {
  return page.goto(url ?? (await host.nextUrl()), { waitUntil: 'commit' });
}

/**
 * Polls a page expression until it is truthy. Not page.waitForFunction: with a string it
 * compiles the predicate inside the page, which Silo's CSP (no 'unsafe-eval') refuses.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`the page did not reach \`${expression}\` within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
