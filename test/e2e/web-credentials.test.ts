// Who gets in through the browser host, in real Chromium: the printed address is a one-time
// code, the page's secret lives in sessionStorage (per port, per tab), no cookie is set, so a page
// served on another loopback port receives nothing that opens Silo's WebSocket, and cookies it
// tosses at 127.0.0.1 change nothing. A used address gets a plain page saying how to get a new one.
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { TestEngine } from '../support/test-engine';
import { LIMITS } from '../../src/main/web/limits';

const engine = new TestEngine(inject('engineDir'));
let host: RunningHost;
let browser: Browser;
let context: BrowserContext;
/** Another loopback server, as another local user's listener or a host-network container would be. */
let other: Server;
let otherOrigin: string;
const seen: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];

const SNOOP = `<!doctype html><title>other</title><script>
  const found = { cookie: document.cookie, session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) };
  fetch('/report', { method: 'POST', body: JSON.stringify(found) });
</script>`;
const TOSS = `<!doctype html><title>toss</title><script>
  for (const name of ['silo_token', 'silo_secret', 'silo.secret', 'session', 'token'])
    document.cookie = name + '=tossed-by-another-port; path=/; max-age=3600';
  document.cookie = 'silo_token=tossed-again; path=/ws; max-age=3600';
  fetch('/report', { method: 'POST', body: document.cookie });
</script>`;

beforeAll(async () => {
  host = await startBrowserHost(engine.env());
  other = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(req.url === '/toss' ? TOSS : SNOOP);
    });
  });
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await new Promise((done) => other?.close(done));
});

async function signedIn(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter by name or image' }).waitFor({ timeout: 15_000 });
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /reconnect|unreachable/i })
        .count(),
    )
    .toBe(0);
}

/** The status of a WebSocket upgrade that offers `silo, <value>` from Silo's own Origin, as any local process could. */
function upgradeWith(value: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request({
      host: '127.0.0.1',
      port: host.port,
      path: '/ws',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Origin: host.origin,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
        'Sec-WebSocket-Protocol': `silo, ${value}`,
      },
    });
    req.on('upgrade', (res, socket) => (socket.destroy(), done(res.statusCode ?? 0)));
    req.on('response', (res) => (res.resume(), done(res.statusCode ?? 0)));
    req.on('error', fail);
    req.end();
  });
}

describe('the page secret and the other ports of 127.0.0.1', () => {
  let silo: Page;
  let secret: string;

  it('the printed address signs the tab in: the code leaves the address, the secret is in sessionStorage, no cookie', async () => {
    silo = await context.newPage();
    await silo.goto(host.url);
    await signedIn(silo);
    expect(silo.url()).not.toContain('token');
    expect(new URL(silo.url()).origin).toBe(host.origin);
    secret = await silo.evaluate<string>("sessionStorage.getItem('silo.secret')");
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(await upgradeWith(secret)).toBe(101); // it is the secret that opens the WebSocket
    expect(await context.cookies()).toEqual([]);
  });

  it('a page on another loopback port receives nothing that opens the WebSocket', async () => {
    for (const page of [silo, await context.newPage()]) {
      await page.goto(`${otherOrigin}/snoop`);
      await expect.poll(() => seen.filter((s) => s.url === '/report').length).toBeGreaterThan(0);
    }
    await silo.goBack();
    await signedIn(silo);
    const everything = seen.flatMap((s) => [s.url, s.body, ...Object.values(s.headers).flat().map(String)]).join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(host.token);
    // Whatever that server got, tried as the secret, as a local process could: nothing opens.
    const pieces = new Set(everything.split(/[\s;,=:"{}[\]\\]+/).filter((p) => p.length >= 8));
    expect(pieces.size).toBeGreaterThan(5);
    for (const piece of pieces) expect(await upgradeWith(piece), piece).toBe(401);
    for (const report of seen.filter((s) => s.url === '/report')) expect(JSON.parse(report.body)).toEqual({ cookie: '', session: '{}', local: '{}' });
  });

  it('cookies tossed at 127.0.0.1 from another port change nothing: the tab reloads signed in, a new address works', async () => {
    const toss = await context.newPage();
    await toss.goto(`${otherOrigin}/toss`);
    await expect.poll(async () => (await context.cookies(host.origin)).length).toBeGreaterThanOrEqual(5);
    await silo.reload();
    await signedIn(silo);
    const fresh = await context.newPage();
    await fresh.goto(await host.newLink('#/images'));
    await fresh.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).waitFor({ timeout: 15_000 });
    await expect.poll(() => fresh.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).getAttribute('aria-current')).toBe('page');
    await fresh.close();
    await toss.close();
  });

  it('a second use of the printed address is refused with a plain page saying how to get a new one, in the browser’s language', async () => {
    const again = await context.newPage();
    const answer = await again.goto(host.url);
    expect(answer?.status()).toBe(401);
    await again.getByRole('heading', { level: 1, name: 'Open Silo from a new address' }).waitFor();
    expect(await again.textContent('body')).toContain('npm run start:web -- --new-link');
    const spanish = await browser.newContext({ locale: 'es-ES' });
    const page = await spanish.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1, name: 'Abre Silo desde una dirección nueva' }).waitFor();
    await spanish.close();
    await again.close();
  });

  it('a tab opened without an address gets the same page; the signed-in tab still works', async () => {
    const bare = await context.newPage();
    await bare.goto(`${host.origin}/#/images`);
    await bare.getByRole('heading', { level: 1, name: 'Open Silo from a new address' }).waitFor({ timeout: 15_000 });
    expect(new URL(bare.url()).pathname).toBe('/new-address');
    await bare.close();
    await silo.reload();
    await signedIn(silo);
  });

  it('an address whose path starts with // leaves the browser on Silo’s own origin (no open redirect)', async () => {
    const page = await context.newPage();
    const code = new URL(await host.newLink()).searchParams.get('token');
    const answer = await page.goto(`${host.origin}//a//attacker.example/?token=${code}`);
    expect(answer?.status()).toBe(404);
    expect(new URL(page.url()).origin).toBe(host.origin);
    await page.close();
  });

  it('npm run start:web -- --new-link --open prints a fresh address, from a 0600 socket, that lands on the place', async () => {
    expect(statSync(join(host.configDir, 'link.sock')).mode & 0o777).toBe(0o600);
    const web = resolve(import.meta.dirname, '..', '..', 'dist', 'main', 'web.js');
    const { stdout } = await promisify(execFile)(process.execPath, [web, '--new-link', '--open', '#/volumes'], {
      env: { ...process.env, SILO_CONFIG_DIR: host.configDir },
    });
    const link = /^Silo is ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+#\/volumes)\n$/.exec(stdout)?.[1];
    expect(link).toBeDefined();
    const page = await context.newPage();
    await page.goto(link!);
    await expect
      .poll(() => page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).getAttribute('aria-current'), { timeout: 15_000 })
      .toBe('page');
    expect(page.url()).toBe(`${host.origin}/#/volumes`);
    await page.close();
  });

  it('a tab whose host was restarted on the same port is sent to the new-address page, not left reconnecting', async () => {
    const port = await new Promise<number>((done) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => done(free));
      });
    });
    const first = await startBrowserHost(engine.env(), ['--port', String(port)]);
    const page = await context.newPage();
    try {
      await page.goto(first.url);
      await signedIn(page);
      await first.stop();
      const second = await startBrowserHost(engine.env({ SILO_CONFIG_DIR: first.configDir }), ['--port', String(port)]);
      try {
        // Its secret died with the first host: the reconnecting page learns so and says what to do.
        await page.getByRole('heading', { level: 1, name: 'Open Silo from a new address' }).waitFor({ timeout: 30_000 });
        expect(await page.evaluate<string | null>("sessionStorage.getItem('silo.secret')")).toBeNull();
        // A new address from the new host signs the same tab in again.
        await page.goto(await second.newLink());
        await signedIn(page);
      } finally {
        await second.stop();
      }
    } finally {
      await page.close();
      await first.stop();
    }
  }, 90_000);

  it('under 2,000 half-open sockets without a secret, a new tab still signs in and works, and the host’s descriptors stay bounded', async () => {
    const fds = () => readdirSync(`/proc/${host.process.pid}/fd`).length;
    const before = fds();
    const held: Socket[] = [];
    const halfOpen = () =>
      new Promise<void>((done) => {
        const socket = connect(host.port, '127.0.0.1');
        held.push(socket);
        socket.on('error', () => undefined);
        socket.once('connect', () => (socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`), done()));
        socket.once('close', () => done());
      });
    try {
      for (let i = 0; i < 2000; i += 100) await Promise.all(Array.from({ length: 100 }, halfOpen));
      expect(fds() - before).toBeLessThanOrEqual(LIMITS.maxUnauthenticated + 8);
      const page = await context.newPage();
      await page.goto(await host.newLink());
      await signedIn(page);
      await page.close();
      expect(fds() - before).toBeLessThanOrEqual(LIMITS.maxUnauthenticated + 8);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
