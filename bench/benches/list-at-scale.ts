// 1. The list at scale: from loading the page to the table holding all 1,000 containers (first
// rows painted, the total shown), against the engine's own GET /containers/json?all=1 and
// `docker ps -a`, all in the same run.
import { join } from 'node:path';
import type { Bench } from '../lib/bench';
import { timedGet } from '../lib/engine-http';
import { fmtList, fmtMs, median, nowMs, timeRuns } from '../lib/measure';
import { loadBreakdown, open, probedPage, type LoadBreakdown } from '../lib/page';
import { ratioOf, type Figure } from '../lib/report';

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'loading',
  'blink.user_timing',
];

export const listAtScale: Bench = {
  name: 'list-at-scale',
  title: 'the list at scale (1,000 containers, 20 running)',
  async run(ctx) {
    await ctx.scale();
    const total = await ctx.containerCount();
    const reps = ctx.options.reps;

    let bytes = 0;
    const raw = await timeRuns(reps, async () => {
      const answer = await timedGet(ctx.engine.socketPath, '/v1.41/containers/json?all=1');
      bytes = answer.bytes;
    });
    ctx.log(`raw GET /containers/json?all=1 (${(bytes / 1024).toFixed(0)} KB): ${fmtList(raw)}`);
    const ps = await timeRuns(reps, () => ctx.cli(['ps', '-a']));
    ctx.log(`docker ps -a: ${fmtList(ps)}`);

    const host = await ctx.host();
    const browser = await ctx.browser();
    const silo: number[] = [];
    const firstRows: number[] = [];
    const breakdowns: LoadBreakdown[] = [];
    // One untimed load first: Chromium's own first-navigation costs are not Silo's.
    for (let i = -1; i < reps; i += 1) {
      const probe = await probedPage(browser, { expect: total });
      // With --profile, the last load is recorded as a Chromium performance trace (open it in
      // DevTools' Performance panel), JS samples included.
      const trace = ctx.options.profileDir && i === reps - 1 ? join(ctx.options.profileDir, 'list-at-scale.page-trace.json') : null;
      if (trace) await browser.startTracing(probe.page, { path: trace, screenshots: false, categories: TRACE_CATEGORIES });
      const url = await host.nextUrl();
      const started = nowMs();
      await open(probe.page, host, url);
      const all = await probe.waitFor('allPaint');
      if (trace) {
        await browser.stopTracing();
        ctx.log(`page trace: ${trace}`);
      }
      const moments = await probe.moments();
      if (i >= 0) {
        silo.push(all - started);
        firstRows.push((moments.firstRowPaint ?? Number.NaN) - started);
        breakdowns.push(await loadBreakdown(probe.page, started));
      }
      await probe.close();
    }
    ctx.log(`Silo, page load to ${total} listed and painted: ${fmtList(silo)} (first row painted: ${fmtList(firstRows)})`);
    const part = (key: keyof LoadBreakdown) => median(breakdowns.map((b) => b[key]));
    const fromReset = median(breakdowns.map((b, i) => silo[i]! - b.reset));
    const fromSocket = median(breakdowns.map((b, i) => silo[i]! - b.socket));
    const breakdown = `document ${fmtMs(part('document'))}, script run ${fmtMs(part('script'))}, WebSocket open ${fmtMs(part('socket'))}, list received ${fmtMs(part('reset'))} (${(part('resetBytes') / 1024).toFixed(0)} KB), painted ${fmtMs(median(silo))}`;
    ctx.log(`where the time goes (medians from page load): ${breakdown}`);
    ctx.log(`from the list arriving to 1,000 painted: ${fmtMs(fromReset)}`);

    const s = median(silo);
    const r = median(raw);
    const p = median(ps);
    const figures: Figure[] = [
      {
        bench: 'list-at-scale',
        figure: '1. list at scale vs raw GET (median)',
        silo: fmtMs(s),
        reference: `${fmtMs(r)} raw`,
        ratio: ratioOf(s, r),
        target: '≤ 2×',
        verdict: s <= 2 * r ? 'met' : 'missed',
        note: `${breakdown}; list arrived → painted ${fmtMs(fromReset)}`,
      },
      {
        bench: 'list-at-scale',
        figure: '1. list at scale vs docker ps -a',
        silo: fmtMs(s),
        reference: `${fmtMs(p)} ps -a`,
        ratio: ratioOf(s, p),
        target: '< 1×',
        verdict: s < p ? 'met' : 'missed',
      },
      {
        bench: 'list-at-scale',
        figure: '1. list, page already loaded: socket open → painted',
        silo: fmtMs(fromSocket),
        reference: `${fmtMs(r)} raw`,
        ratio: ratioOf(fromSocket, r),
        target: 'info',
        verdict: 'info',
        note: 'the data path alone (session.start, the list over the WebSocket, render), as a page already open or an Electron window pays it',
      },
    ];
    return figures;
  },
};
