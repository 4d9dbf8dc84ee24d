// 7. Start-up: from launching the browser host to the first container row painted in the page,
// with 1,000 containers. The page is opened as soon as the host prints its address. For scale,
// `docker ps -a` (a process launched, the same 1,000 listed and printed) in the same run.
import type { Bench } from '../lib/bench';
import { fmtList, fmtMs, median, timeRuns } from '../lib/measure';
import { open, probedPage } from '../lib/page';
import { ratioOf, type Figure } from '../lib/report';

export const startup: Bench = {
  name: 'startup',
  title: 'start-up to the first row painted (1,000 containers)',
  async run(ctx) {
    await ctx.scale();
    const total = await ctx.containerCount();
    const browser = await ctx.browser();
    const reps = Math.min(ctx.options.reps, 3);
    const ps = await timeRuns(reps, () => ctx.cli(['ps', '-a']));

    const firstRow: number[] = [];
    const ready: number[] = [];
    const all: number[] = [];
    // One untimed launch first, so the file cache holds node, the bundle and the renderer.
    for (let i = -1; i < reps; i += 1) {
      const probe = await probedPage(browser, { expect: total });
      const host = await ctx.launchHost();
      await open(probe.page, host);
      const painted = await probe.waitFor('firstRowPaint');
      const allPainted = await probe.waitFor('allPaint');
      await probe.close();
      await host.stop();
      if (i < 0) continue;
      firstRow.push(painted - host.launchedAt);
      all.push(allPainted - host.launchedAt);
      ready.push(host.readyAt - host.launchedAt);
    }
    ctx.log(`launch → ready line: ${fmtList(ready)}`);
    ctx.log(`launch → first row painted: ${fmtList(firstRow)}`);
    ctx.log(`launch → all ${total} counted and painted: ${fmtList(all)}`);
    ctx.log(`docker ps -a: ${fmtList(ps)}`);
    const s = median(firstRow);
    const p = median(ps);
    return [
      {
        bench: 'startup',
        figure: '7. start-up: launch → first row painted',
        silo: fmtMs(s),
        reference: `${fmtMs(p)} ps -a`,
        ratio: ratioOf(s, p),
        target: 'baseline',
        verdict: 'baseline',
        note: `ready line after ${fmtMs(median(ready))}; the rest is the page (load, WebSocket, first reset, render)`,
      },
    ] satisfies Figure[];
  },
};
