// 3. Idle cost: the page open on 1,000 containers, nothing happening. A browser host of its own
// talks to the engine through a counting proxy; after its first list and inspect sweep, count
// the requests it makes for the window and the CPU its process uses.
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import type { Bench } from '../lib/bench';
import { fmtMs, nowMs, sleep } from '../lib/measure';
import { open, probedPage } from '../lib/page';
import { cpuMeter, waitQuiet } from '../lib/proc';
import { startCountingProxy } from '../lib/proxy';
import type { Figure } from '../lib/report';

/** CPU seconds used so far by Chromium's renderer processes (only the benchmark's page is open). */
async function rendererCpuSeconds(cdp: CDPSession): Promise<number> {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

export const idleCost: Bench = {
  name: 'idle-cost',
  title: 'idle cost (page open, nothing happening)',
  async run(ctx) {
    await ctx.scale();
    const total = await ctx.containerCount();
    const seconds = ctx.options.idleSeconds;
    const proxy = await startCountingProxy(ctx.engine.socketPath, join(ctx.engine.dir, 'count.sock'));
    ctx.onCleanup(() => proxy.close());
    const host = await ctx.launchHost(ctx.engine.env({ DOCKER_HOST: proxy.dockerHost }));
    const browser = await ctx.browser();
    const probe = await probedPage(browser, { expect: total });
    try {
      await open(probe.page, host);
      await probe.waitFor('allPaint');
      // Let the first list and the inspect sweep finish: no request for two seconds.
      const settleDeadline = Date.now() + 60_000;
      while (Date.now() < settleDeadline && nowMs() - (proxy.requests.at(-1)?.at ?? 0) < 2000) await sleep(250);
      await waitQuiet(host.pid, { windowMs: 1000, quietCpu: 0.01, timeoutMs: 20_000 });
      const before = proxy.requests.length;
      const startup = proxy.requests.slice(0, before);
      ctx.log(`before the window: ${startup.length} requests (${summarize(startup.map((r) => r.path))})`);

      const cdp = await probe.context.newCDPSession(probe.page);
      const browserCdp = await browser.newBrowserCDPSession();
      const frames: number[] = [];
      cdp.on('Network.webSocketFrameReceived', () => frames.push(nowMs()));
      await cdp.send('Network.enable');
      const renderer0 = await rendererCpuSeconds(browserCdp);
      const started = nowMs();
      const meter = cpuMeter(host.pid);
      await sleep(seconds * 1000);
      const { cpu, wall } = meter.stop();
      const renderer = (await rendererCpuSeconds(browserCdp)) - renderer0;
      await browserCdp.detach();
      const during = proxy.since(started);
      const streams = proxy.requests.filter((r) => r.open && r.path.includes('/events'));
      const percent = (cpu / wall) * 100;
      ctx.log(
        `${wall.toFixed(1)} s idle: ${during.length} requests to the engine${during.length ? ` (${summarize(during.map((r) => `${r.method} ${r.path}`))})` : ''}; ${streams.length} events stream open`,
      );
      ctx.log(
        `host CPU ${(cpu * 1000).toFixed(0)} ms = ${percent.toFixed(3)}% of one core; renderer processes ${fmtMs(renderer * 1000)} CPU; ${frames.length} WebSocket frames to the page`,
      );
      const figures: Figure[] = [
        {
          bench: 'idle-cost',
          figure: `3. idle ${seconds} s: requests to the engine`,
          silo: `${during.length} (+${streams.length} events stream)`,
          reference: '0',
          ratio: null,
          target: '0 + 1 stream',
          verdict: during.length === 0 && streams.length === 1 ? 'met' : 'missed',
        },
        {
          bench: 'idle-cost',
          figure: `3. idle ${seconds} s: host CPU`,
          silo: `${(cpu * 1000).toFixed(0)} ms (${percent.toFixed(2)}%)`,
          reference: `${(wall * 10).toFixed(0)} ms (1%)`,
          ratio: null,
          target: '< 1% of a core',
          verdict: percent < 1 ? 'met' : 'missed',
          note: `the page's renderer used ${fmtMs(renderer * 1000)} CPU over the window; ${frames.length} WebSocket frames to the page`,
        },
      ];
      return figures;
    } finally {
      await probe.close();
    }
  },
};

function summarize(items: string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = item.replace(/[0-9a-f]{64}/g, '{id}').replace(/\?.*$/, '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join(', ');
}
