// Attacks on the browser host, over real HTTP and WebSocket, with a real engine behind it.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type RunningHost } from '../../support/browser-host';
import { TestEngine } from '../../support/test-engine';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(host: RunningHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function openSocket(host: RunningHost, headers: Record<string, string>, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('browser host: who gets in', () => {
  let host: RunningHost;
  let secret: string;

  beforeAll(async () => {
    const engine = new TestEngine(inject('engineDir'));
    host = await startBrowserHost(engine.env({ SILO_DEBUG: '1' }));
    secret = await host.secret();
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('listens on loopback only', () => {
    const hexPort = host.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A');
    expect(listening.map((f) => f[1])).toEqual([`0100007F:${hexPort}`]);
    const six = readFileSync('/proc/net/tcp6', 'utf8')
      .split('\n')
      .filter((line) => line.includes(`:${hexPort} `) && / 0A /.test(line));
    expect(six).toEqual([]);
  });

  it('serves its static files to anyone, and they carry no secret; a wrong code gets the new-address page', async () => {
    const page = await http(host, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.body).not.toContain(secret);
    expect(page.body).not.toContain(host.token);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['set-cookie']).toBeUndefined();
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    const refused = await http(host, `/?token=${wrong}`);
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('npm run start:web -- --new-link');
  });

  it('spends the code of an address once: the page loads with it, trades it for a secret, and the address is dead after', async () => {
    const link = new URL(await host.newLink());
    const code = link.searchParams.get('token')!;
    expect((await http(host, `/?lang=es&token=${code}`)).status).toBe(200);
    const trade = () =>
      http(host, '/session', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: host.origin }, body: JSON.stringify({ code }) });
    const first = await trade();
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ secret: expect.stringMatching(/^[\w-]{43}$/) });
    expect((await trade()).status).toBe(401);
    expect((await http(host, `/?lang=es&token=${code}`)).status).toBe(401);
  });

  it('refuses any Host header but its own loopback address (DNS rebinding)', async () => {
    for (const bad of [
      'evil.com',
      `evil.com:${host.port}`,
      `localhost6:${host.port}`,
      `10.0.2.555:${host.port}`,
      `0177.0.0.1:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
    ]) {
      const answer = await http(host, `/?token=${host.token}`, { headers: { Host: bad } });
      expect(answer.status, bad).toBe(403);
      await expect(openSocket(host, { Origin: host.origin, Host: bad }, ['silo', secret]), bad).rejects.toThrow(/403/);
    }
    expect((await http(host, '/', { headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('refuses a simple text/plain POST, and every state change over HTTP', async () => {
    const body = JSON.stringify({ id: 1, call: 'containers.act', args: {} });
    expect((await http(host, '/session', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body })).status).toBe(415);
    expect((await http(host, '/ws', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body })).status).toBe(405);
    expect((await http(host, '/', { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: host.origin }, body })).status).toBe(405);
  });

  it('refuses requests and WebSockets from another Origin', async () => {
    expect((await http(host, '/', { headers: { Origin: 'http://evil.com' } })).status).toBe(403);
    await expect(openSocket(host, { Origin: 'http://evil.com' }, ['silo', secret])).rejects.toThrow(/403/);
    await expect(openSocket(host, { Origin: host.origin })).rejects.toThrow(/401/);
    await expect(openSocket(host, { Origin: host.origin, Cookie: `silo_token=${secret}` })).rejects.toThrow(/401/);
    await expect(openSocket(host, { Origin: host.origin, Host: 'evil.com' }, ['silo', secret])).rejects.toThrow(/403/);
  });

  it('serves the contract over its own WebSocket, validating every call', async () => {
    const ws = await openSocket(host, { Origin: host.origin }, ['silo', secret]);
    expect(ws.protocol).toBe('silo'); // the secret is never echoed back
    const replies = new Map<number, { ok: boolean; result?: unknown; error?: { code: string; field?: string } }>();
    const events: string[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if ('event' in message) events.push(message.event);
      else replies.set(message.id, message);
    });
    const call = async (id: number, payload: unknown) => {
      ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
      for (let i = 0; i < 200 && !replies.has(id); i++) await new Promise((r) => setTimeout(r, 10));
      return replies.get(id);
    };
    expect(await call(1, { id: 1, call: 'session.start', args: {} })).toEqual({ id: 1, ok: true, result: null });
    expect(events).toEqual(expect.arrayContaining(['preferences.changed', 'engines.changed', 'engine.changed', 'containers.changed']));
    expect((await call(2, { id: 2, call: 'containers.act', args: { ids: ['zz'], action: 'stop' } }))?.error).toMatchObject({
      code: 'validation',
      field: 'ids.0',
    });
    expect((await call(3, { id: 3, call: 'shell.exec', args: {} }))?.error).toMatchObject({ code: 'unknown-call', field: 'call' });
    expect((await call(-1, '{not json'))?.error).toMatchObject({ code: 'validation', field: 'message' });
    ws.close();
  });

  it('lets no path escape its static folder', async () => {
    for (const path of [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/../../package.json',
      '/..%5cpackage.json',
      '/%252e%252e/package.json',
      '/..;/package.json',
    ]) {
      const answer = await http(host, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('"name": "silo"');
    }
  });

  it('never writes the token anywhere but the one ready line', () => {
    const output = host.output();
    expect(output.split(host.token).length - 1).toBe(1);
    expect(output).toMatch(new RegExp(`^Silo is ready at http://127\\.0\\.0\\.1:${host.port}/\\?token=${host.token}$`, 'm'));
  });
});
