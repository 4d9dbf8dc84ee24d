// Silo's page in Chromium through the browser host, a real engine behind it:
// - a container that mounts the engine's socket is marked on its row, whether the mount is a
//   `-v` bind (HostConfig.Binds) or a `--mount` (HostConfig.Mounts); a named volume that merely
//   carries the name does not count. Read from the page's accessibility tree, as a screen reader would.
// - the page has no globals beyond its own (no `require`, `process`, no bridge under the browser
//   host), talks to nothing but its own origin, and sends nothing on its WebSocket but contract calls.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CALL_NAMES } from '../../src/shared/contract';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { engineApi } from '../support/scale';
import { TEST_IMAGE, TestEngine } from '../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const prefix = `pg${process.pid}-`;
/** The row's mark, worded by its first finding (src/renderer/format/root-access.ts). */
const MARKER = /^Can take over the host(, \d+ ways)?: .*reaches the engine's socket/;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
  await engine.docker(['volume', 'rm', '-f', 'docker.sock']).catch(() => undefined);
});

async function create(name: string, hostConfig: Record<string, unknown>): Promise<void> {
  const answer = await engineApi(engine, 'POST', `/v1.41/containers/create?name=${prefix}${name}`, {
    Image: TEST_IMAGE,
    Cmd: ['sleep', '3600'],
    HostConfig: { NetworkMode: 'none', ...hostConfig },
  });
  if (answer.status !== 201) throw new Error(`create ${name}: ${answer.status} ${answer.body}`);
}

async function openSilo(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(await host.newLink());
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill(prefix);
  return page;
}

describe("containers that mount the engine's socket", () => {
  it('are marked on their row, whether the socket is bound with -v (Binds) or --mount (Mounts)', async () => {
    const socket = engine.socketPath;
    await create('by-binds', { Binds: [`${socket}:/var/run/docker.sock`] });
    await create('by-mounts', { Mounts: [{ Type: 'bind', Source: socket, Target: '/var/run/docker.sock' }] });
    await create('by-folder', { Binds: ['/var/run:/host/run:ro'] });
    await create('named-volume', { Mounts: [{ Type: 'volume', Source: 'docker.sock', Target: '/var/run/docker.sock' }] });
    await create('plain', {});
    const page = await openSilo();
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${prefix}${name}, `) });
    for (const name of ['by-binds', 'by-mounts', 'by-folder', 'named-volume', 'plain']) await row(name).waitFor({ timeout: 10_000 });

    for (const name of ['by-binds', 'by-mounts', 'by-folder']) {
      await expect.poll(() => row(name).getByRole('img', { name: MARKER }).count(), { timeout: 10_000, message: name }).toBe(1);
    }
    // The isolation column fills in from each container's inspect, which also decides the marker:
    // once it shows, an unmarked row is unmarked for good.
    for (const name of ['named-volume', 'plain']) {
      await expect.poll(() => row(name).getByRole('gridcell').nth(7).textContent(), { timeout: 10_000 }).toMatch(/runc/);
      expect(await row(name).getByRole('img', { name: MARKER }).count(), name).toBe(0);
    }
    await page.close();
  });
});

describe('the page under the browser host', () => {
  it('adds no global of its own: no Node, no Electron bridge, nothing a script could reach the engine with', async () => {
    const page = await browser.newPage();
    // A blank page of the same origin is the baseline: same secure context, same browser.
    await page.route(`${host.origin}/__blank__`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    );
    await page.goto(await host.newLink());
    // Signed in (the tab holds its secret) before leaving for the blank page.
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected to / })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.goto(`${host.origin}/__blank__`);
    const baseline = (await page.evaluate('Object.getOwnPropertyNames(window)')) as string[];
    await page.goto(`${host.origin}/`);
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected to / })
      .first()
      .waitFor({ timeout: 10_000 });
    const names = (await page.evaluate('Object.getOwnPropertyNames(window)')) as string[];
    expect(names.filter((n) => !baseline.includes(n))).toEqual([]);
    const types = await page.evaluate(
      '["require", "process", "module", "exports", "Buffer", "global", "__dirname", "ipcRenderer", "electron", "silo"].map((n) => [n, typeof window[n]])',
    );
    expect(Object.fromEntries(types as Array<[string, string]>)).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      exports: 'undefined',
      Buffer: 'undefined',
      global: 'undefined',
      __dirname: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      silo: 'undefined', // the preload's bridge exists only in the desktop app
    });
    await page.close();
  });

  it('talks only to its own origin, and only in contract calls on its WebSocket', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const frames: unknown[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('websocket', (ws) => {
      requests.push(ws.url());
      ws.on('framesent', (frame) => frames.push(JSON.parse(String(frame.payload))));
    });
    await page.goto(await host.newLink());
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected to / })
      .first()
      .waitFor({ timeout: 10_000 });
    // Use it a little: type a filter and clear it.
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill('x');
    await page.getByRole('searchbox', { name: 'Filter by name or image' }).fill('');
    await page.waitForTimeout(300);
    expect(requests.length).toBeGreaterThan(1);
    for (const url of requests) expect(new URL(url).host, url).toBe(new URL(host.origin).host);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expect(frame).toMatchObject({ id: expect.any(Number), call: expect.any(String) });
      expect(CALL_NAMES, JSON.stringify(frame)).toContain((frame as { call: string }).call);
    }
    await page.close();
  });
});
