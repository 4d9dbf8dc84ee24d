// Stats against the real engine, through a unix-socket proxy that counts Silo's connections to
// the engine: figures arrive from the engine's own stream, and when the stream's consumer goes
// (stream.close, or the page itself) the engine connection behind it is gone too.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StatsSample } from '../../../src/shared/model/stats';
import { TestEngine } from '../../support/test-engine';
import { SocketProxy } from '../engine/helpers';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(inject('engineDir'));
const prefix = `dstats-${process.pid}-`;
let proxy: SocketProxy;
let silo: Harness;

function samples(page: Page, streamId: string): StatsSample[] {
  return page.data(streamId).flatMap((d) => (d.kind === 'stats' ? [d.sample] : []));
}

/** Connections open through the proxy, once they have settled (idle keep-alive sockets included). */
async function settledConnections(): Promise<number> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (proxy.connections === last) return last;
    last = proxy.connections;
  }
  return last;
}

beforeAll(async () => {
  proxy = new SocketProxy(engine.socketPath);
  await proxy.up();
  silo = await startHarness(proxy.dockerHost);
});

afterAll(async () => {
  await silo?.close();
  await proxy?.destroy();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
});

describe('stats', () => {
  it('gives CPU and memory figures for a busy container, and closes the engine stream with the view', async () => {
    const id = await engine.run(['--name', `${prefix}busy`, '--memory', '64m'], ['sh', '-c', 'yes > /dev/null']);
    const page = silo.page();
    const before = await settledConnections();
    const { streamId } = await page.call('stats.open', { id });
    const got = await page.until('two samples', () => (samples(page, streamId).length >= 2 ? samples(page, streamId) : null));
    const during = proxy.connections;
    const last = got.at(-1)!;
    // `yes` would keep one CPU busy (about 100 %), but on a loaded machine it gets what it gets:
    // a figure above zero and below the CPUs' total is what can be asserted.
    expect(last.cpuPercent).toBeGreaterThan(0);
    expect(last.cpuPercent).toBeLessThan(100 * last.cpus + 1);
    expect(last.memoryUsage).toBeGreaterThan(0);
    expect(last.memoryLimit).toBe(64 * 1024 * 1024);
    expect(last.memoryPercent).toBeCloseTo((last.memoryUsage / last.memoryLimit!) * 100, 6);
    expect(last.pids).toBeGreaterThanOrEqual(1);
    expect(during).toBeGreaterThanOrEqual(1);

    await page.call('stream.close', { streamId });
    expect(await settledConnections()).toBeLessThan(during);
    const count = samples(page, streamId).length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(samples(page, streamId).length).toBe(count);
    console.log(
      `[dashboard] stats: cpu ${last.cpuPercent.toFixed(1)} %, memory ${last.memoryUsage} of ${last.memoryLimit}; engine connections ${before} → ${during} → ${proxy.connections}`,
    );
  });

  it('closes every stream of a page that goes away', async () => {
    const id = await engine.run(['--name', `${prefix}idle`]);
    const page = silo.page();
    const a = await page.call('stats.open', { id });
    const b = await page.call('logs.open', { id });
    await page.until('a sample', () => samples(page, a.streamId).length >= 1);
    expect(page.streams.size).toBe(2);
    const during = proxy.connections;
    page.close();
    expect(page.streams.size).toBe(0);
    expect(await settledConnections()).toBeLessThanOrEqual(during - 2);
    expect(page.end(a.streamId)).toBeUndefined();
    expect(page.end(b.streamId)).toBeUndefined();
  });

  it('ends the stream when the container stops, and refuses a stopped container', async () => {
    const id = await engine.run(['--name', `${prefix}stop`, '--stop-timeout', '1']);
    const page = silo.page();
    const { streamId } = await page.call('stats.open', { id });
    await page.until('a sample', () => samples(page, streamId).length >= 1);
    await engine.docker(['stop', '-t', '0', id]);
    const end = await page.until('the end', () => page.end(streamId));
    expect(end.error).toBeNull();
    // The engine's zeroed last sample is not passed on.
    expect(samples(page, streamId).every((s) => s.readAt > 0 && s.memoryLimit !== 0)).toBe(true);
    expect((await page.failure('stats.open', { id })).code).toBe('container-not-running');
  });
});
