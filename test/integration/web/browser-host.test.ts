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

function openSocket(host: RunningHost, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('browser host: who gets in', () => {
  let host: RunningHost;
  let cookie: string;

  beforeAll(async () => {
    const engine = new TestEngine(inject('engineDir'));
    host = await startBrowserHost(engine.env({ SILO_DEBUG: '1' }));
    cookie = `silo_token=${host.token}`;
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

  it('refuses a request without the token or with a wrong one', async () => {
    expect((await http(host, '/')).status).toBe(401);
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    expect((await http(host, `/?token=${wrong}`)).status).toBe(401);
    expect((await http(host, '/', { headers: { Cookie: `silo_token=${wrong}` } })).status).toBe(401);
    expect((await http(host, '/assets/', { headers: { Cookie: 'silo_token=' } })).status).toBe(401);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const answer = await http(host, `/?lang=es&token=${host.token}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/?lang=es');
    expect(String(answer.headers['set-cookie'])).toMatch(/silo_token=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
    const page = await http(host, '/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
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
      const answer = await http(host, `/?token=${host.token}`, { headers: { Host: bad, Cookie: cookie } });
      expect(answer.status, bad).toBe(403);
    }
    expect((await http(host, '/', { headers: { Host: `localhost:${host.port}`, Cookie: cookie } })).status).toBe(200);
  });

  it('refuses a simple text/plain POST without the token, and every state change over HTTP', async () => {
    const body = JSON.stringify({ id: 1, call: 'containers.act', args: {} });
    expect((await http(host, '/ws', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body })).status).toBe(401);
    expect((await http(host, '/', { method: 'POST', headers: { 'Content-Type': 'text/plain', Cookie: cookie, Origin: host.origin }, body })).status).toBe(405);
  });

  it('refuses requests and WebSockets from another Origin', async () => {
    expect((await http(host, '/', { headers: { Cookie: cookie, Origin: 'http://evil.com' } })).status).toBe(403);
    await expect(openSocket(host, { Cookie: cookie, Origin: 'http://evil.com' })).rejects.toThrow(/403/);
    await expect(openSocket(host, { Origin: host.origin })).rejects.toThrow(/401/);
    await expect(openSocket(host, { Cookie: cookie, Origin: host.origin, Host: 'evil.com' })).rejects.toThrow(/403/);
  });

  it('serves the contract over its own WebSocket, validating every call', async () => {
    const ws = await openSocket(host, { Cookie: cookie, Origin: host.origin });
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
      const answer = await http(host, path, { headers: { Cookie: cookie } });
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
