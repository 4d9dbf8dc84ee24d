// Half-open requests (slowloris) against the browser host, with no secret: thousands of sockets
// that send part of a request head and then nothing. The host's file descriptors stay bounded (it
// drops the oldest idle connection past its cap instead of holding them all), and a page signing
// in and calling through the WebSocket meanwhile is served.
import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LIMITS } from '../../../src/main/web/limits';
import { startBrowserHost, type RunningHost } from '../../support/browser-host';
import { TestEngine } from '../../support/test-engine';
import { HostSocket } from '../reliability/support';

const HALF_OPEN = 3000;
let host: RunningHost;
const sockets: Socket[] = [];

beforeAll(async () => {
  host = await startBrowserHost(new TestEngine(inject('engineDir')).env());
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await host?.stop();
});

const fds = () => readdirSync(`/proc/${host.process.pid}/fd`).length;

function halfOpen(): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(host.port, '127.0.0.1');
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: `);
      resolve();
    });
    socket.once('close', () => resolve());
  });
}

describe('the browser host under half-open requests', () => {
  it(`keeps its file descriptors bounded under ${HALF_OPEN} half-open sockets, and serves the real page meanwhile`, async () => {
    const before = fds();
    for (let i = 0; i < HALF_OPEN; i += 100) await Promise.all(Array.from({ length: 100 }, halfOpen));
    await new Promise((r) => setTimeout(r, 500));
    const during = fds();
    const stillOpen = sockets.filter((s) => !s.destroyed && s.readyState === 'open').length;
    process.stdout.write(`host fds: ${before} before, ${during} with ${HALF_OPEN} half-open sockets sent (${stillOpen} still open on our side)\n`);
    expect(during - before).toBeLessThanOrEqual(LIMITS.maxUnauthenticated + 8);

    // The real page, meanwhile: its static file, its sign-in, its WebSocket and a call.
    const index = await fetch(`${host.origin}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const page = await HostSocket.open(host);
    expect((await page.call('preferences.get', {})).ok).toBe(true);
    // The signed-in WebSocket is not dropped by more half-open sockets.
    for (let i = 0; i < 500; i += 100) await Promise.all(Array.from({ length: 100 }, halfOpen));
    expect(page.open).toBe(true);
    expect((await page.call('engines.list', {})).ok).toBe(true);
    expect(fds() - before).toBeLessThanOrEqual(LIMITS.maxUnauthenticated + 8);
    await page.close();
  });

  it('closes a request head that never ends within its headers timeout', async () => {
    const socket = connect(host.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((r) => socket.once('connect', r));
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    socket.resume(); // read its answer (a 408), so its end is seen
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), LIMITS.headersTimeoutMs + 5 * LIMITS.checkEveryMs);
      socket.once('close', () => (clearTimeout(timer), resolve(true)));
    });
    expect(closed).toBe(true);
  }, 30_000);
});
