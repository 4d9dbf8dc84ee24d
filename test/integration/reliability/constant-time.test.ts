// The browser host compares tokens in constant time: both sides are hashed to equal-length
// SHA-256 digests and compared with crypto.timingSafeEqual, for the one-time code in the address
// and in POST /session, and for the page secret on the WebSocket upgrade. Proven by structure (a spy on the real
// timingSafeEqual, and the source's comparisons), not by timing, which would be flaky.
import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { SessionHub } from '../../../src/main/host/sessions';

const compare = vi.hoisted(() => ({ calls: [] as Array<[Buffer, Buffer]> }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compare.calls.push([Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)]);
      return real.timingSafeEqual(a, b);
    },
  };
});

const { digestIndex, digestOf, tokensEqual, newToken } = await import('../../../src/main/web/guard');
const { startWebHost } = await import('../../../src/main/web/server');

const ROOT = join(import.meta.dirname, '..', '..', '..');

beforeEach(() => {
  compare.calls.length = 0;
});

describe('token comparison', () => {
  it('hashes both sides to 32 bytes and compares them with timingSafeEqual, whatever the length given', () => {
    const token = newToken();
    const near = fc.oneof(
      fc.string({ minLength: 1, maxLength: 1024 }),
      fc.nat({ max: token.length - 1 }).map((n) => token.slice(0, n + 1)), // prefixes, the token itself
      fc.tuple(fc.nat({ max: token.length - 1 }), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => token.slice(0, i) + c + token.slice(i + 1)), // one character changed
      fc.string({ minLength: 1, maxLength: 100 }).map((tail) => token + tail),
    );
    fc.assert(
      fc.property(near, (given) => {
        compare.calls.length = 0;
        expect(tokensEqual(token, given)).toBe(given === token);
        expect(compare.calls).toHaveLength(1);
        const [a, b] = compare.calls[0]!;
        expect([a.length, b.length]).toEqual([32, 32]);
      }),
      { numRuns: 2000 },
    );
  });

  it('looks a token up among several by comparing it with every one, wherever it matches', () => {
    const known = Array.from({ length: 7 }, () => newToken());
    const digests = known.map(digestOf);
    for (const [given, expected] of [...known.map((t, i) => [t, i] as const), [newToken(), -1] as const]) {
      compare.calls.length = 0;
      expect(digestIndex(digests, given)).toBe(expected);
      expect(compare.calls).toHaveLength(known.length);
      for (const [a, b] of compare.calls) expect([a.length, b.length]).toEqual([32, 32]);
    }
  });

  it('refuses without comparing only for what says nothing about the token: no string, empty, over 1 KiB', () => {
    const token = newToken();
    for (const given of [undefined, null, '', 'x'.repeat(1025)]) {
      expect(tokensEqual(token, given)).toBe(false);
      expect(digestIndex([digestOf(token)], given)).toBe(-1);
    }
    expect(compare.calls).toHaveLength(0);
  });

  it('in the source, no token is ever compared with ==, ===, !=, !== or a string method', () => {
    const dir = join(ROOT, 'src', 'main', 'web');
    const found: string[] = [];
    const secret = /token|secret/i;
    const named = (node: ts.Node): boolean =>
      (ts.isIdentifier(node) && secret.test(node.text)) ||
      (ts.isPropertyAccessExpression(node) && secret.test(node.name.text)) ||
      (ts.isCallExpression(node) && secret.test(node.expression.getText()) && !/^tokensEqual$/.test(node.expression.getText()));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (
          ts.isBinaryExpression(node) &&
          [
            ts.SyntaxKind.EqualsEqualsToken,
            ts.SyntaxKind.EqualsEqualsEqualsToken,
            ts.SyntaxKind.ExclamationEqualsToken,
            ts.SyntaxKind.ExclamationEqualsEqualsToken,
          ].includes(node.operatorToken.kind)
        ) {
          if (named(node.left) || named(node.right)) found.push(`${file}: ${node.getText()}`);
        }
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          ['startsWith', 'endsWith', 'includes', 'localeCompare', 'indexOf'].includes(node.expression.name.text)
        ) {
          if (named(node.expression.expression) || node.arguments.some(named)) found.push(`${file}: ${node.getText()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});

describe('the running host compares every token it is given that way', () => {
  const token = newToken();
  let host: Awaited<ReturnType<typeof startWebHost>>;
  const hub = { open: () => ({ handlers: {}, close: () => undefined }) } as unknown as SessionHub;

  beforeAll(async () => {
    host = await startWebHost({ hub, staticDir: join(ROOT, 'dist', 'renderer'), port: 0, token });
  });
  afterAll(async () => {
    await host?.close();
  });

  function get(path: string, headers: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  }

  function upgrade(query: string, headers: Record<string, string>, protocols: string[] = []): Promise<number> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, protocols, { headers: { Origin: `http://127.0.0.1:${host.port}`, ...headers } });
      ws.once('open', () => {
        ws.close();
        resolve(101);
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(0));
    });
  }

  async function session(code: string): Promise<{ status: number; secret?: string }> {
    const answer = await fetch(`http://127.0.0.1:${host.port}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return { status: answer.status, ...((await answer.json()) as { secret?: string }) };
  }

  it('for the code in the address and in POST /session, and the secret on the WebSocket upgrade (a page signed in first)', async () => {
    compare.calls.length = 0;
    expect(await get(`/?token=${token}`)).toBe(200);
    expect(compare.calls.length).toBeGreaterThan(0);
    compare.calls.length = 0;
    const signedIn = await session(token);
    expect(signedIn.status).toBe(200);
    expect(compare.calls.length).toBeGreaterThan(0);
    compare.calls.length = 0;
    expect(await upgrade('', {}, ['silo', signedIn.secret!])).toBe(101);
    expect(compare.calls.length).toBeGreaterThan(0);
    const wrongs = [token.slice(0, -1), token + 'x', 'a', token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), 'x'.repeat(1000)];
    for (const wrong of wrongs) {
      for (const attempt of [
        () => get(`/?token=${encodeURIComponent(wrong)}`),
        async () => (await session(wrong)).status,
        () => upgrade('', {}, ['silo', wrong]),
      ]) {
        compare.calls.length = 0;
        expect(await attempt()).toBe(401);
        expect(compare.calls.length).toBeGreaterThan(0);
        for (const [a, b] of compare.calls) expect([a.length, b.length]).toEqual([32, 32]);
      }
    }
  });
});
