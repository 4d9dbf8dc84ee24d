// Issue 12 item 9: a terminal's shell must not outlive its terminal. Terminals are opened and closed
// many times (closed by the page, and by the page going away), under runc and under gVisor, in a
// busybox container and in one whose /bin/sh is bash; some run a foreground job, a background
// job, or a job that ignores SIGHUP when they close. Then a separate exec lists the container's
// processes from /proc: only its own PID 1 is left (a zombie, reparented to a PID 1 that never
// reaps, is no process; it is counted apart and must not be a shell).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { startHarness, type Harness, type Page } from './harness';

const run = promisify(execFile);
const engine = new TestEngine(inject('engineDir'));
const prefix = `dhang-${process.pid}-`;
const BASH_IMAGE = `silo-test/bash-${process.pid}:latest`;
let silo: Harness;
let work: string;

/** Every process of the container but the lister itself: pid, state, command. */
const LIST = 'for d in /proc/[0-9]*; do { read -r s < "$d/stat"; } 2>/dev/null || continue; [ "${d#/proc/}" = "$$" ] && continue; echo "$s"; done';

interface Proc {
  pid: number;
  comm: string;
  state: string;
}

async function processes(id: string): Promise<Proc[]> {
  const text = await engine.docker(['exec', id, '/bin/sh', '-c', LIST]);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = /^(\d+) \((.*)\) (\S)/.exec(line);
      if (!match) throw new Error(`not a stat line: ${line}`);
      return { pid: Number(match[1]), comm: match[2]!, state: match[3]! };
    });
}

function output(p: Page, streamId: string): string {
  return p
    .data(streamId)
    .map((d) => (d.kind === 'terminal' ? d.data : ''))
    .join('');
}

/** A root whose /bin/sh is the machine's bash (with its libraries), and busybox's sleep for PID 1. */
async function importBashImage(): Promise<void> {
  const root = join(work, 'bash-root');
  const { stdout } = await run('ldd', ['/bin/bash']);
  const libs = [...stdout.matchAll(/(\/\S+\.so[.\d]*)/g)].map((m) => m[1]!);
  for (const file of ['/bin/bash', '/bin/busybox', ...libs]) {
    mkdirSync(join(root, dirname(file)), { recursive: true });
    copyFileSync(file, join(root, file));
  }
  symlinkSync('bash', join(root, 'bin', 'sh'));
  symlinkSync('busybox', join(root, 'bin', 'sleep'));
  mkdirSync(join(root, 'tmp'));
  const tar = await run('tar', ['-C', root, '-c', '.'], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  await engine.docker(['import', '-', BASH_IMAGE], tar.stdout);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'silo-hang-'));
  await importBashImage();
  silo = await startHarness(engine.dockerHost);
}, 60_000);

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
  await engine.docker(['rmi', BASH_IMAGE]).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

/** What each terminal is doing when it is closed. */
const JOBS = ['', 'sleep 1001\r', 'sleep 1002 &\r', "trap '' HUP; sleep 1003\r", 'sleep 1004 & sleep 1005\r', ''];

async function openAndClose(id: string, job: string, how: 'close' | 'page-gone'): Promise<void> {
  const page = silo.page();
  const { streamId, shell } = await page.call('terminal.open', { id, cols: 80, rows: 24 });
  expect(shell).toBe('/bin/sh');
  // The prompt came and the wrapper's pid report did not reach the page.
  await page.until('a prompt', () => /[#$] /.test(output(page, streamId)));
  expect(output(page, streamId)).not.toContain('silo-terminal-pid');
  if (job) {
    await page.call('terminal.input', { streamId, data: job });
    const number = /sleep (\d+)/.exec(job)![1]!;
    // The job runs before the terminal closes.
    for (let i = 0; i < 100 && !(await processes(id)).some((p) => p.comm === 'sleep' && p.state !== 'Z'); i++) await new Promise((r) => setTimeout(r, 50));
    expect((await processes(id)).filter((p) => p.comm === 'sleep').length, `sleep ${number} runs`).toBeGreaterThan(0);
  }
  if (how === 'close') await page.call('stream.close', { streamId });
  else page.close();
}

async function nothingLeft(id: string): Promise<Proc[]> {
  let left: Proc[] = [];
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    left = (await processes(id)).filter((p) => p.pid !== 1);
    if (left.every((p) => p.state === 'Z')) return left;
    await new Promise((r) => setTimeout(r, 200));
  }
  return left;
}

describe.each([
  ['runc', 'busybox sh', 'silo-test/busybox:latest'],
  ['runsc', 'busybox sh', 'silo-test/busybox:latest'],
  ['runc', 'bash', BASH_IMAGE],
  ['runsc', 'bash', BASH_IMAGE],
])('a closed terminal leaves nothing running (%s, %s)', (runtime, _shell, image) => {
  it('after terminals closed by the page and by the page going away', async () => {
    const id = await engine.docker([
      'run',
      '-d',
      '--network',
      'none',
      '--runtime',
      runtime,
      '--name',
      `${prefix}${runtime}-${image.length}`,
      image,
      'sleep',
      '3600',
    ]);
    for (const [i, job] of JOBS.entries()) await openAndClose(id, job, i % 2 === 0 ? 'close' : 'page-gone');
    const left = await nothingLeft(id);
    expect(left.filter((p) => p.state !== 'Z')).toEqual([]);
    // No shell is ever left, not even as a zombie.
    expect(left.filter((p) => p.comm === 'sh' || p.comm === 'bash')).toEqual([]);
    // The container itself was never touched.
    expect((await processes(id)).find((p) => p.pid === 1)?.comm).toBe('sleep');
  }, 120_000);
});
