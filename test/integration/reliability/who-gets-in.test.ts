// Who gets into the browser host, beyond test/integration/web/browser-host.test.ts: WebSockets
// without the token or with a wrong one (address and cookie), from another Origin with a valid
// token, state-changing requests from another Origin with a valid cookie, tokens never echoed,
// and a second page with a session of its own. Real HTTP and WebSocket, a real engine behind.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBrowserHost, type RunningHost } from '../../support/browser-host';
import { TestEngine } from '../../support/test-engine';
import { HostSocket } from './support';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let host: RunningHost;
let cookie: string;

beforeAll(async () => {
  host = await startBrowserHost(new TestEngine(inject('engineDir')).env({ SILO_DEBUG: '1' }));
  cookie = `silo_token=${host.token}`;
});
afterAll(async () => {
  await host?.stop();
});

function http(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const length: Record<string, string> = options.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(options.body)) };
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...length, ...options.headers } },
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

/** The status of a WebSocket upgrade (101 when it opened). */
async function upgrade(query: string, headers: Record<string, string>): Promise<number> {
  try {
    const socket = await HostSocket.open(host, headers, query);
    await socket.close();
    return 101;
  } catch (error) {
    return Number(/status (\d+)/.exec(String(error))?.[1] ?? 0);
  }
}

function wrongToken(): string {
  return host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
}

describe('the WebSocket and the token', () => {
  it('refuses an upgrade without the token, in the address or in the cookie', async () => {
    const origin = { Origin: host.origin };
    expect(await upgrade('', origin)).toBe(401);
    expect(await upgrade('?token=', origin)).toBe(401);
    expect(await upgrade('', { ...origin, Cookie: 'silo_token=' })).toBe(401);
    expect(await upgrade('', { ...origin, Cookie: `other=${host.token}` })).toBe(401);
    expect(await upgrade(`?other=${host.token}`, origin)).toBe(401);
  });

  it('refuses an upgrade with a wrong token, in the address or in the cookie', async () => {
    const origin = { Origin: host.origin };
    for (const wrong of [wrongToken(), host.token.slice(1), `${host.token}x`, host.token.toLowerCase()]) {
      expect(await upgrade(`?token=${encodeURIComponent(wrong)}`, origin), wrong).toBe(401);
      expect(await upgrade('', { ...origin, Cookie: `silo_token=${wrong}` }), wrong).toBe(401);
    }
  });

  it('opens with the right token in the address or in the cookie (so the refusals above are about the token)', async () => {
    expect(await upgrade(`?token=${host.token}`, { Origin: host.origin })).toBe(101);
    expect(await upgrade('', { Origin: host.origin, Cookie: cookie })).toBe(101);
  });

  it('refuses an upgrade from another Origin even with a valid token, in the address or in the cookie', async () => {
    const others = [
      'http://evil.com',
      'null',
      `https://127.0.0.1:${host.port}`,
      `http://127.0.0.1:${host.port + 1}`,
      `http://127.0.0.1:${host.port}.evil.com`,
      `http://localhost.evil.com:${host.port}`,
      `http://127.0.0.1:${host.port}/`,
      `file://`,
    ];
    for (const origin of others) {
      expect(await upgrade(`?token=${host.token}`, { Origin: origin }), origin).toBe(403);
      expect(await upgrade('', { Origin: origin, Cookie: cookie }), origin).toBe(403);
    }
  });
});

describe('requests from another Origin', () => {
  it('refuses every state-changing method from another Origin, even with a valid cookie, before anything else', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json']) {
        const body = JSON.stringify({ id: 1, call: 'containers.act', args: { ids: ['a'.repeat(64)], action: 'remove', force: true } });
        const answer = await http('/ws', { method, headers: { Cookie: cookie, Origin: 'http://evil.com', 'Content-Type': contentType }, body });
        expect(answer.status, `${method} ${contentType}`).toBe(403);
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      }
    }
    // The same request from its own Origin gets past the guards and is then refused as a method.
    expect((await http('/ws', { method: 'POST', headers: { Cookie: cookie, Origin: host.origin, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(
      405,
    );
  });

  it('answers a CORS preflight from another Origin with a refusal and no CORS header', async () => {
    const answer = await http('/ws', { method: 'OPTIONS', headers: { Origin: 'http://evil.com', 'Access-Control-Request-Method': 'POST', Cookie: cookie } });
    expect(answer.status).toBe(403);
    expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('tokens in the address', () => {
  it('are never echoed in any answer body, nor in any header but the cookie an authorised request trades them for', async () => {
    const wrong = wrongToken();
    const paths = ['/', '/index.html', '/missing', '/assets/../../package.json', '/ws', '/%2e%2e/x'];
    const variants: Array<{ method: string; headers: Record<string, string> }> = [
      { method: 'GET', headers: {} },
      { method: 'GET', headers: { Cookie: cookie } },
      { method: 'HEAD', headers: {} },
      { method: 'POST', headers: { Cookie: cookie, Origin: host.origin } },
      { method: 'GET', headers: { Origin: 'http://evil.com' } },
      { method: 'GET', headers: { Host: 'evil.com' } },
    ];
    let seen = 0;
    for (const path of paths) {
      for (const token of [host.token, wrong]) {
        for (const { method, headers } of variants) {
          const answer = await http(`${path}${path.includes('?') ? '&' : '?'}token=${token}&lang=en`, { method, headers });
          seen += 1;
          const where = `${method} ${path} ${JSON.stringify(headers)} → ${answer.status}`;
          expect(answer.body.includes(host.token), where).toBe(false);
          expect(answer.body.includes(wrong), where).toBe(false);
          for (const [name, value] of Object.entries(answer.headers)) {
            // An authorised request with a token in its address is answered with the cookie (303).
            if (name === 'set-cookie' && answer.status === 303) {
              expect(String(value), where).toBe(`silo_token=${host.token}; HttpOnly; SameSite=Strict; Path=/`);
              continue;
            }
            expect(String(value).includes(host.token), `${where}: header ${name}`).toBe(false);
            expect(String(value).includes(wrong), `${where}: header ${name}`).toBe(false);
          }
        }
      }
    }
    expect(seen).toBe(paths.length * 2 * variants.length);
  });

  it('are never written to the log, even when refused', () => {
    expect(host.output().split(host.token).length - 1).toBe(1); // the ready line only
    expect(host.output()).not.toContain(wrongToken());
  });
});

describe('a second page', () => {
  it('gets a session of its own: its own replies, no events before its own start, unaffected when the first page leaves', async () => {
    const first = await HostSocket.open(host);
    const second = await HostSocket.open(host);
    try {
      // The same request id on both pages: each gets its own answer.
      const [a, b] = await Promise.all([first.call('engines.list', {}, 7), second.call('preferences.get', {}, 7)]);
      expect(Array.isArray(a.result)).toBe(true);
      expect(b.result).toHaveProperty('language');

      expect((await first.call('session.start', {})).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(first.events.map((e) => e.event)).toEqual(
        expect.arrayContaining(['preferences.changed', 'engines.changed', 'engine.changed', 'containers.changed']),
      );
      expect(second.events).toEqual([]); // nothing pushed to a page that has not started its session

      expect((await second.call('session.start', {})).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      const reset = second.events.find((e) => e.event === 'containers.changed')?.payload as { reset?: boolean } | undefined;
      expect(reset?.reset).toBe(true); // its own full state, not the first page's deltas

      await first.close();
      await new Promise((r) => setTimeout(r, 100));
      expect(second.open).toBe(true);
      expect((await second.call('engine.snapshot', {})).ok).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
