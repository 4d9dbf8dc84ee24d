// Who gets into the browser host, beyond test/integration/web/browser-host.test.ts: the printed
// address is a one-time code, spent once for a page secret that opens the WebSocket only as its
// second Sec-WebSocket-Protocol value; no cookie is set or read; nothing redirects; other Origins
// are refused; secrets are never echoed; a second page has a session of its own. Real HTTP and
// WebSocket, a real engine behind.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signIn, startBrowserHost, type RunningHost } from '../../support/browser-host';
import { TestEngine } from '../../support/test-engine';
import { HostSocket } from './support';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let host: RunningHost;
let secret: string;

beforeAll(async () => {
  host = await startBrowserHost(new TestEngine(inject('engineDir')).env({ SILO_DEBUG: '1' }));
  secret = await host.secret();
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

/** The status of a raw WebSocket upgrade to `path` with these headers (101 when it opened). */
function upgrade(headers: Record<string, string>, path = '/ws'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: host.port,
      path,
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Origin: host.origin,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function changed(value: string): string {
  return value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
}

const session = (code: unknown, headers: Record<string, string> = {}) =>
  http('/session', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: host.origin, ...headers }, body: JSON.stringify({ code }) });

describe('the WebSocket and the page secret', () => {
  it('opens only with `silo, <secret>` (so the refusals below are about the secret)', async () => {
    expect(await upgrade({ 'Sec-WebSocket-Protocol': `silo, ${secret}` })).toBe(101);
    expect(await upgrade({ 'Sec-WebSocket-Protocol': `silo,${secret}` })).toBe(101);
  });

  it('refuses an upgrade without the secret, or with it anywhere but its place', async () => {
    const code = new URL(await host.newLink()).searchParams.get('token')!;
    const attempts: Array<Record<string, string>> = [
      {},
      { 'Sec-WebSocket-Protocol': 'silo' },
      { 'Sec-WebSocket-Protocol': 'silo, ' },
      { 'Sec-WebSocket-Protocol': `${secret}, silo` },
      { 'Sec-WebSocket-Protocol': secret },
      { 'Sec-WebSocket-Protocol': `silo, ${secret}, x` },
      { 'Sec-WebSocket-Protocol': `other, ${secret}` },
      { Cookie: `silo_token=${secret}` },
      { Cookie: `silo_secret=${secret}` },
      { Authorization: `Bearer ${secret}` },
      // The address's code is no secret: it opens nothing but its one exchange.
      { 'Sec-WebSocket-Protocol': `silo, ${code}` },
    ];
    for (const headers of attempts) {
      expect(await upgrade(headers), JSON.stringify(headers)).toBe(401);
    }
    expect(await upgrade({}, `/ws?token=${secret}`)).toBe(401);
    expect(await upgrade({}, `/ws?token=${code}`)).toBe(401);
  });

  it('refuses a wrong secret', async () => {
    for (const wrong of [changed(secret), secret.slice(1), `${secret}x`, secret.toLowerCase(), host.token]) {
      expect(await upgrade({ 'Sec-WebSocket-Protocol': `silo, ${wrong}` }), wrong).toBe(401);
    }
  });

  it('refuses an upgrade from another Origin even with the secret', async () => {
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
      expect(await upgrade({ Origin: origin, 'Sec-WebSocket-Protocol': `silo, ${secret}` }), origin).toBe(403);
    }
  });
});

describe('the one-time code of an address', () => {
  it('loads the page while unused, is spent once for a secret, and then opens nothing: a plain page says how to get a new address', async () => {
    const link = await host.newLink();
    const code = new URL(link).searchParams.get('token')!;
    const page = await http(`/?token=${code}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');

    const first = await session(code);
    expect(first.status).toBe(200);
    const fresh = (JSON.parse(first.body) as { secret: string }).secret;
    expect(fresh).toMatch(/^[\w-]{43}$/);
    expect(fresh).not.toBe(code);
    expect(await upgrade({ 'Sec-WebSocket-Protocol': `silo, ${fresh}` })).toBe(101);

    // Spent: the address in the history or the terminal's scrollback opens nothing now.
    expect((await session(code)).status).toBe(401);
    const again = await http(`/?token=${code}`);
    expect(again.status).toBe(401);
    expect(again.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(again.body).toContain('npm run start:web -- --new-link');
    expect(again.body).toContain('Open Silo from a new address');
    expect(again.body).not.toContain('<script');
    const spanish = await http(`/?token=${code}`, { headers: { 'Accept-Language': 'fr-FR, es;q=0.8, en;q=0.5' } });
    expect(spanish.body).toContain('Abre Silo desde una dirección nueva');
    expect(spanish.body).toContain('npm run start:web -- --new-link');
    // The secret it gave still works (a reload of that tab).
    expect(await upgrade({ 'Sec-WebSocket-Protocol': `silo, ${fresh}` })).toBe(101);
  });

  it('tells a page whose WebSocket would not open whether its secret is still known (GET /session), and nothing more', async () => {
    const check = (headers: Record<string, string>) => http('/session', { headers: { Origin: host.origin, ...headers } });
    expect((await check({ 'X-Silo-Secret': secret })).status).toBe(204);
    expect((await check({ 'X-Silo-Secret': secret })).body).toBe('');
    const attempts: Array<Record<string, string>> = [
      {},
      { 'X-Silo-Secret': changed(secret) },
      { 'X-Silo-Secret': host.token },
      { Cookie: `silo_token=${secret}` },
    ];
    for (const headers of attempts) {
      const answer = await check(headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.body).not.toContain(secret);
    }
    expect((await check({ 'X-Silo-Secret': secret, Origin: 'http://evil.com' })).status).toBe(403);
  });

  it('is refused when wrong, when not JSON, from another Origin, and as a simple cross-site POST', async () => {
    const code = new URL(await host.newLink()).searchParams.get('token')!;
    expect((await session(changed(code))).status).toBe(401);
    expect((await session(code, { Origin: 'http://evil.com' })).status).toBe(403);
    expect((await session(code, { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await http('/session', { method: 'POST', headers: { 'Content-Type': type, Origin: host.origin }, body: JSON.stringify({ code }) });
      expect(answer.status, type).toBe(415);
    }
    expect((await http('/session', { method: 'PUT', headers: { Origin: host.origin } })).status).toBe(405);
    // None of those spent it.
    expect((await session(code)).status).toBe(200);
  });
});

describe('no cookie, no redirect', () => {
  it('never sets a cookie, and a cookie never opens anything', async () => {
    const code = new URL(await host.newLink()).searchParams.get('token')!;
    for (const answer of [await http(`/?token=${code}`), await session(code), await http('/'), await http(`/?token=${code}`)]) {
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('answers no address with a redirect, however its path is spelled (no open redirect after sign-in)', async () => {
    for (const path of ['//a//attacker.example/', '//attacker.example/', '/\\attacker.example/', '/%2F%2Fattacker.example/', '/.//attacker.example', '/']) {
      const code = new URL(await host.newLink()).searchParams.get('token')!;
      const answer = await http(`${path}?token=${code}`);
      expect(answer.status >= 300 && answer.status < 400, path).toBe(false);
      expect(answer.headers.location, path).toBeUndefined();
    }
  });
});

describe('requests from another Origin', () => {
  it('refuses every state-changing method from another Origin, before anything else', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/ws', '/session', '/']) {
        const body = JSON.stringify({ id: 1, call: 'containers.act', args: { ids: ['a'.repeat(64)], action: 'remove', force: true } });
        const answer = await http(path, { method, headers: { Origin: 'http://evil.com', 'Content-Type': 'application/json' }, body });
        expect(answer.status, `${method} ${path}`).toBe(403);
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      }
    }
    // The same request from its own Origin gets past the guards and is then refused as a method.
    expect((await http('/ws', { method: 'POST', headers: { Origin: host.origin, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(405);
  });

  it('answers a CORS preflight from another Origin with a refusal and no CORS header', async () => {
    const answer = await http('/session', { method: 'OPTIONS', headers: { Origin: 'http://evil.com', 'Access-Control-Request-Method': 'POST' } });
    expect(answer.status).toBe(403);
    expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('codes and secrets', () => {
  it('are never echoed in any answer body or header (but the one secret POST /session hands out)', async () => {
    const code = host.token;
    const wrong = changed(code);
    const paths = ['/', '/index.html', '/missing', '/assets/../../package.json', '/ws', '/%2e%2e/x', '/new-address'];
    const variants: Array<{ method: string; headers: Record<string, string> }> = [
      { method: 'GET', headers: {} },
      { method: 'GET', headers: { Cookie: `silo_token=${secret}` } },
      { method: 'HEAD', headers: {} },
      { method: 'POST', headers: { Origin: host.origin } },
      { method: 'GET', headers: { Origin: 'http://evil.com' } },
      { method: 'GET', headers: { Host: 'evil.com' } },
    ];
    let seen = 0;
    for (const path of paths) {
      for (const token of [code, wrong, secret]) {
        for (const { method, headers } of variants) {
          const answer = await http(`${path}${path.includes('?') ? '&' : '?'}token=${token}&lang=en`, { method, headers });
          seen += 1;
          const where = `${method} ${path} ${JSON.stringify(headers)} → ${answer.status}`;
          for (const value of [code, wrong, secret]) {
            expect(answer.body.includes(value), where).toBe(false);
            for (const [name, header] of Object.entries(answer.headers)) expect(String(header).includes(value), `${where}: header ${name}`).toBe(false);
          }
        }
      }
    }
    expect(seen).toBe(paths.length * 3 * variants.length);
  });

  it('are never written to the log, even when refused', () => {
    expect(host.output().split(host.token).length - 1).toBe(1); // the ready line only
    expect(host.output()).not.toContain(changed(host.token));
    expect(host.output()).not.toContain(secret);
  });
});

describe('a second page', () => {
  it('gets a session of its own: its own replies, no events before its own start, unaffected when the first page leaves', async () => {
    const first = await HostSocket.open(host);
    const second = await HostSocket.open(host, { Origin: host.origin }, '', [
      'silo',
      await signIn(host.origin, new URL(await host.newLink()).searchParams.get('token')!),
    ]);
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
