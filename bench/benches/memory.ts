// 5. Memory with 1,000 containers listed: the browser host's resident memory (a host of its own,
// one page open, after its inspect sweep) and the page's JS heap after a collection (CDP).
// No target: these figures are the baseline later changes must not worsen.
import type { Bench } from '../lib/bench';
import { timedGet } from '../lib/engine-http';
import { open, probedPage } from '../lib/page';
import { rssBytes, waitQuiet } from '../lib/proc';
import type { Figure } from '../lib/report';

const MB = 1024 * 1024;

export const memory: Bench = {
  name: 'memory',
  title: 'memory with 1,000 containers listed',
  async run(ctx) {
    await ctx.scale();
    const total = await ctx.containerCount();
    const list = await timedGet(ctx.engine.socketPath, '/v1.41/containers/json?all=1');
    const host = await ctx.launchHost();
    await waitQuiet(host.pid, { windowMs: 500, quietCpu: 0.01 });
    const rssAlone = rssBytes(host.pid);
    const browser = await ctx.browser();
    const probe = await probedPage(browser, { expect: total });
    try {
      await open(probe.page, host);
      await probe.waitFor('allPaint');
      await waitQuiet(host.pid, { windowMs: 500, quietCpu: 0.01 });
      const rss = rssBytes(host.pid);
      const cdp = await probe.context.newCDPSession(probe.page);
      const before = await cdp.send('Runtime.getHeapUsage');
      await cdp.send('HeapProfiler.collectGarbage');
      const after = await cdp.send('Runtime.getHeapUsage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      const domNodes = metric('Nodes');
      const rows = (await probe.page.evaluate("document.querySelectorAll('.vtable-window [role=row]').length")) as number;
      ctx.log(
        `host RSS ${(rss / MB).toFixed(1)} MB with a page open (${(rssAlone / MB).toFixed(1)} MB before); the engine's list is ${(list.bytes / 1024).toFixed(0)} KB of JSON`,
      );
      ctx.log(
        `page JS heap ${(after.usedSize / MB).toFixed(1)} MB used after GC (${(before.usedSize / MB).toFixed(1)} MB before, ${(after.totalSize / MB).toFixed(1)} MB allocated); ${domNodes} DOM nodes, ${rows} rows in the DOM for ${total} containers`,
      );
      const figures: Figure[] = [
        {
          bench: 'memory',
          figure: '5. host RSS, 1,000 listed, one page',
          silo: `${(rss / MB).toFixed(1)} MB`,
          reference: `${(list.bytes / 1024).toFixed(0)} KB list JSON`,
          ratio: null,
          target: 'baseline',
          verdict: 'baseline',
          note: `${(rssAlone / MB).toFixed(1)} MB before the page opened`,
        },
        {
          bench: 'memory',
          figure: '5. page JS heap after GC, 1,000 listed',
          silo: `${(after.usedSize / MB).toFixed(1)} MB`,
          reference: '—',
          ratio: null,
          target: 'baseline',
          verdict: 'baseline',
          note: `${(before.usedSize / MB).toFixed(1)} MB before GC; ${domNodes} DOM nodes, ${rows} rows rendered of ${total}`,
        },
      ];
      return figures;
    } finally {
      await probe.close();
    }
  },
};
