// Logs against the real engine: 100,000 lines in order and searchable, a TTY's raw log and a
// demultiplexed one, following live until the container stops, the whole log as a download.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAnsi } from '../../../src/shared/logs/ansi';
import { highlight, searchLines } from '../../../src/shared/logs/search';
import type { LogLine } from '../../../src/shared/model/logs';
import { TestEngine } from '../../support/test-engine';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(inject('engineDir'));
const prefix = `dlogs-${process.pid}-`;
let silo: Harness;
let page: Page;

function linesOf(p: Page, streamId: string): LogLine[] {
  return p.data(streamId).flatMap((d) => (d.kind === 'logs' ? d.lines : []));
}

beforeAll(async () => {
  silo = await startHarness(engine.dockerHost);
  page = silo.page();
});

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
});

describe('logs', () => {
  it('receives 100,000 lines in order, batched, and finds a line by search', async () => {
    const id = await engine.run(['--name', `${prefix}seq`], ['sh', '-c', 'seq 1 100000; echo to-stderr >&2']);
    await engine.docker(['wait', id]);
    const started = performance.now();
    const { streamId, tty } = await page.call('logs.open', { id, tail: 'all', timestamps: true });
    expect(tty).toBe(false);
    await page.until('the end of the log', () => page.end(streamId));
    const elapsed = performance.now() - started;
    expect(page.end(streamId)?.error).toBeNull();
    const lines = linesOf(page, streamId);
    const out = lines.filter((l) => l.stream === 'stdout');
    expect(out).toHaveLength(100_000);
    expect(out.every((l, i) => l.text === String(i + 1))).toBe(true);
    expect(out.every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(l.time ?? ''))).toBe(true);
    expect(lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['to-stderr']);
    const batches = page.data(streamId);
    expect(Math.max(...batches.map((b) => (b.kind === 'logs' ? b.lines.length : 0)))).toBeLessThanOrEqual(500);

    const texts = out.map((l) => l.text);
    const searchStarted = performance.now();
    const found = searchLines(texts, '99999');
    const searchMs = performance.now() - searchStarted;
    expect(found).toEqual([{ line: 99_998, ranges: [{ start: 0, end: 5 }] }]);
    const regex = searchLines(texts, '^1000[0-9]$', { regex: true });
    expect(Array.isArray(regex) && regex.map((m) => texts[m.line])).toEqual([
      '10000',
      '10001',
      '10002',
      '10003',
      '10004',
      '10005',
      '10006',
      '10007',
      '10008',
      '10009',
    ]);
    const marked = highlight(parseAnsi(texts[99_998]!).segments, [{ start: 0, end: 5 }]);
    expect(marked).toEqual([{ text: '99999', style: {}, match: true }]);
    console.log(`[dashboard] 100,000 log lines in ${Math.round(elapsed)} ms over ${batches.length} events; search of 100,000 lines ${searchMs.toFixed(1)} ms`);
  });

  it('passes a TTY log raw (one stream, colours kept) and demultiplexes a non-TTY one', async () => {
    const script = 'echo tty-line; echo tty-err >&2; printf "\\033[31mred\\033[0m\\n"; sleep 3600';
    const ttyId = await engine.run(['-t', '--name', `${prefix}tty`], ['sh', '-c', script]);
    const plainId = await engine.run(['--name', `${prefix}plain`], ['sh', '-c', script]);
    const tty = await page.call('logs.open', { id: ttyId, tail: 'all', timestamps: false });
    const plain = await page.call('logs.open', { id: plainId, tail: 'all', timestamps: false });
    expect(tty.tty).toBe(true);
    expect(plain.tty).toBe(false);
    const ttyLines = await page.until('three TTY lines', () => (linesOf(page, tty.streamId).length >= 3 ? linesOf(page, tty.streamId) : null));
    expect(ttyLines.map((l) => [l.stream, l.text])).toEqual([
      ['tty', 'tty-line'],
      ['tty', 'tty-err'],
      ['tty', '\x1b[31mred\x1b[0m'],
    ]);
    expect(parseAnsi(ttyLines[2]!.text).segments).toEqual([{ text: 'red', style: { fg: 1 } }]);
    const plainLines = await page.until('three plain lines', () => (linesOf(page, plain.streamId).length >= 3 ? linesOf(page, plain.streamId) : null));
    expect(plainLines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual(['tty-line', '\x1b[31mred\x1b[0m']);
    expect(plainLines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['tty-err']);
    await page.call('stream.close', { streamId: tty.streamId });
    await page.call('stream.close', { streamId: plain.streamId });
  });

  it('follows live, and ends when the container stops', async () => {
    const id = await engine.run(
      ['--name', `${prefix}live`, '--stop-timeout', '1'],
      ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.1; done'],
    );
    const { streamId } = await page.call('logs.open', { id, tail: 0 });
    await page.until('three live lines', () => linesOf(page, streamId).length >= 3);
    expect(linesOf(page, streamId)[0]?.text).toMatch(/^tick \d+$/);
    await engine.docker(['stop', '-t', '1', id]);
    const end = await page.until('the end after stop', () => page.end(streamId));
    expect(end.error).toBeNull();
  });

  it('downloads the whole log as text', async () => {
    const id = await engine.run(['--name', `${prefix}dl`], ['sh', '-c', 'seq 1 20000']);
    await engine.docker(['wait', id]);
    const { streamId } = await page.call('logs.download', { id });
    await page.until('the end of the download', () => page.end(streamId));
    const text = page
      .data(streamId)
      .map((d) => (d.kind === 'download' ? d.text : ''))
      .join('');
    expect(text).toBe(Array.from({ length: 20_000 }, (_, i) => `${i + 1}\n`).join(''));
  });

  it('says which container is missing', async () => {
    const error = await page.failure('logs.open', { id: 'f'.repeat(64) });
    expect(error.code).toBe('container-not-found');
  });
});
