// 2. Event to screen: with the page open on 1,000 containers, start and stop containers with the
// docker CLI; from the engine's event (its timeNano, read here from the engine's own events
// stream) to the row's state text changing in the page (a MutationObserver in the page). The
// event that makes a state visible: `start` for Running, `die` for Exited.
import type { Bench } from '../lib/bench';
import { scaleName } from '../lib/context';
import { readEngineEvents } from '../lib/engine-events';
import { fmtMs, max, nowMs, quantile } from '../lib/measure';
import { open, probedPage, waitUntil, type RowChange } from '../lib/page';
import type { Figure } from '../lib/report';

/** Ten stopped containers of the 1,000 that one filter shows together: bench-0990 … bench-0999. */
const FILTER = `${scaleName(990).slice(0, -1)}`;

export const eventToScreen: Bench = {
  name: 'event-to-screen',
  title: 'event to screen (docker CLI start/stop, engine timeNano → row state text)',
  async run(ctx) {
    const scale = await ctx.scale();
    const total = await ctx.containerCount();
    const host = await ctx.host();
    const browser = await ctx.browser();
    const targets = Array.from({ length: 10 }, (_, i) => scaleName(990 + i));

    const changes: RowChange[] = [];
    const waiters = new Set<() => void>();
    const probe = await probedPage(browser, {
      expect: total,
      onChange: (change) => {
        changes.push(change);
        for (const wake of [...waiters]) wake();
      },
    });
    await open(probe.page, host);
    await probe.waitFor('allPaint');
    await probe.page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(FILTER);
    await waitUntil(probe.page, `document.querySelectorAll('.vtable-window [role=row] .cell-name').length === ${targets.length}`, 10_000);
    // The page's clock against its own wall clock, and the bench's against the page's.
    const skew = (await probe.page.evaluate('Date.now() - (performance.timeOrigin + performance.now())')) as number;

    const pageChange = (name: string, to: string, from: number, timeoutMs: number) =>
      new Promise<RowChange>((resolve, reject) => {
        const check = (): boolean => {
          for (let i = from; i < changes.length; i += 1) {
            const c = changes[i]!;
            if (c.name === name && c.to === to) {
              waiters.delete(wake);
              clearTimeout(timer);
              resolve(c);
              return true;
            }
          }
          return false;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`${name} did not show ${to} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      });

    const events = await readEngineEvents(ctx.engine.socketPath);
    const dom: number[] = [];
    const paint: number[] = [];
    const cli: number[] = [];
    let missed = 0;
    try {
      for (let cycle = 0; cycle < ctx.options.cycles; cycle += 1) {
        const name = targets[cycle % targets.length]!;
        const id = scale.idByName.get(name)!;
        for (const step of [
          { args: ['start', name], action: 'start', shows: 'Running' },
          { args: ['stop', '-t', '0', name], action: 'die', shows: 'Exited' },
        ]) {
          const fromEvent = events.events.length;
          const fromChange = changes.length;
          const ran = await ctx.cli(step.args);
          cli.push(ran.ms);
          try {
            const event = await events.waitFor((e) => e.id === id && e.action === step.action, 10_000, fromEvent);
            const change = await pageChange(name, step.shows, fromChange, 10_000);
            dom.push(change.dom - event.time);
            if (change.paint !== null) paint.push(change.paint - event.time);
          } catch (error) {
            missed += 1;
            ctx.log(`missed: ${(error as Error).message}`);
          }
        }
      }
    } finally {
      events.close();
      await probe.close();
    }
    const clockNote = `page clock skew ${skew.toFixed(2)} ms; bench clock ${nowMs().toFixed(0)} vs Date.now ${Date.now()}`;
    ctx.log(`${dom.length} changes (${missed} missed), ${clockNote}`);
    ctx.log(`event → DOM text: p50 ${fmtMs(quantile(dom, 0.5))}, p95 ${fmtMs(quantile(dom, 0.95))}, max ${fmtMs(max(dom))}`);
    ctx.log(`event → next frame: p50 ${fmtMs(quantile(paint, 0.5))}, p95 ${fmtMs(quantile(paint, 0.95))}, max ${fmtMs(max(paint))}`);
    ctx.log(`docker CLI per start or stop: p50 ${fmtMs(quantile(cli, 0.5))}, p95 ${fmtMs(quantile(cli, 0.95))}`);

    const p95 = quantile(dom, 0.95);
    const figures: Figure[] = [
      {
        bench: 'event-to-screen',
        figure: `2. event → row text, p50 / p95 / max (n=${dom.length})`,
        silo: `${fmtMs(quantile(dom, 0.5))} / ${fmtMs(p95)} / ${fmtMs(max(dom))}`,
        reference: '1.5 s peer debounce',
        ratio: null,
        target: 'p95 < 100 ms',
        verdict: p95 < 100 && missed === 0 ? 'met' : 'missed',
        note: `to the next painted frame: p50 ${fmtMs(quantile(paint, 0.5))}, p95 ${fmtMs(quantile(paint, 0.95))}, max ${fmtMs(max(paint))}${missed ? `; ${missed} changes never shown within 10 s` : ''}`,
      },
    ];
    return figures;
  },
};
