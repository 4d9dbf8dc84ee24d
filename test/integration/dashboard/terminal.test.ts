// A terminal against the real engine: a TTY exec of /bin/sh, typed into and read back, resized,
// ended by `exit` with its code; a container without a shell and a stopped one get their codes.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(inject('engineDir'));
const prefix = `dterm-${process.pid}-`;
let silo: Harness;
let page: Page;

function output(p: Page, streamId: string): string {
  return p
    .data(streamId)
    .map((d) => (d.kind === 'terminal' ? d.data : ''))
    .join('');
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

describe('terminal', () => {
  it('runs /bin/sh with a TTY: echo comes back, resize is seen, exit ends it with the code', async () => {
    const id = await engine.run(['--name', `${prefix}sh`]);
    const { streamId, shell } = await page.call('terminal.open', { id, cols: 80, rows: 24 });
    expect(shell).toBe('/bin/sh');
    await page.call('terminal.input', { streamId, data: 'echo hello-silo\r' });
    await page.until('hello-silo echoed and printed', () => /echo hello-silo\r\nhello-silo\r\n/.test(output(page, streamId)));

    await page.call('terminal.resize', { streamId, cols: 132, rows: 43 });
    await page.call('terminal.input', { streamId, data: 'stty size\r' });
    await page.until('the new size', () => /\r\n43 132\r\n/.test(output(page, streamId)));

    await page.call('terminal.input', { streamId, data: 'exit 3\r' });
    const end = await page.until('the end', () => page.end(streamId));
    expect(end).toEqual({ streamId, error: null, exitCode: 3 });
    expect((await page.failure('terminal.input', { streamId, data: 'x' })).code).toBe('stream-not-found');
  });

  it('ends the terminal when the container dies (the exec stream would not)', async () => {
    const id = await engine.run(['--name', `${prefix}die`]);
    const { streamId } = await page.call('terminal.open', { id, cols: 80, rows: 24 });
    await page.until('a prompt', () => output(page, streamId).includes('#'));
    await engine.docker(['kill', id]);
    const end = await page.until('the end after kill', () => page.end(streamId));
    expect(end.error).toBeNull();
  });

  it('gives no-shell for a container without one, and container-not-running for a stopped one', async () => {
    const id = await engine.run(['--name', `${prefix}noshell`]);
    // The image's sh is busybox: take the link away inside this container only.
    await engine.docker(['exec', id, 'rm', '/bin/sh']);
    const noShell = await page.failure('terminal.open', { id, cols: 80, rows: 24 });
    expect(noShell.code).toBe('no-shell');
    expect(noShell.params?.shell).toBe('/bin/sh');
    expect(noShell.detail).toMatch(/no such file or directory|executable file not found/);
    expect(page.streams.size).toBe(0);

    const stopped = await engine.docker(['create', '--network', 'none', '--name', `${prefix}stopped`, 'silo-test/busybox:latest', 'sleep', '60']);
    expect((await page.failure('terminal.open', { id: stopped, cols: 80, rows: 24 })).code).toBe('container-not-running');
  });
});
