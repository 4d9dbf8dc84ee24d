// axe-core in a page of the browser host. The page's CSP (script-src 'self') refuses an inline
// <script>, so page.addScriptTag cannot add axe; the source is evaluated through the DevTools
// protocol instead (page.evaluate, which the page's CSP does not govern), and the page keeps its
// CSP for everything else. Only serious and critical findings fail a test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
let source: string | null = null;

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Adds axe to the page (once per document). */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(`'axe' in window`)) return;
  source ??= readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(source);
}

/** The serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await injectAxe(page);
  // In-page scripts are strings: the Node type project has no DOM (on purpose).
  // label-content-name-mismatch (off by default): a button's spoken name must contain its visible words.
  const results = (await page.evaluate(`(async () => {
    const found = await axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
    return found.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  })()`)) as AxeFinding[];
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
