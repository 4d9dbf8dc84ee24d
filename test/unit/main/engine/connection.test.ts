// Version negotiation, the connection's states and the events stream, against a small fake
// Engine API on a unix socket (what the real engine cannot be made to do: be too old, go quiet).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseApiVersion, compareApiVersions } from '../../../../src/main/engine/connection/api-version';
import { backoffDelay } from '../../../../src/main/engine/connection/backoff';
import { EngineClient } from '../../../../src/main/engine/connection/client';
import { EngineConnection, type Session } from '../../../../src/main/engine/connection/connection';
import { EventStream, toEngineEvent, type EngineEvent } from '../../../../src/main/engine/events';
import type { ConnectionState } from '../../../../src/shared/model/engine';

let dir: string;
let server: Server | null;
let paths: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'silo-c-'));
  server = null;
  paths = [];
});

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  rmSync(dir, { recursive: true, force: true });
});

async function fakeEngine(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const socket = join(dir, 'engine.sock');
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(socket, resolve));
  return `unix://${socket}`;
}

const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

function connection(host: string, establish: (s: Session) => Promise<void> = async () => undefined) {
  const states: ConnectionState[] = [];
  const c = new EngineConnection({
    target: { host, tls: null },
    env: {},
    establish,
    teardown: () => undefined,
    onState: (s) => states.push(s),
    backoff: { initialMs: 20, maxMs: 50 },
  });
  return { c, states };
}

describe('API version', () => {
  it('speaks the lower of the engine’s version and Silo’s newest', () => {
    expect(chooseApiVersion('1.41')).toBe('1.41');
    expect(chooseApiVersion('1.51')).toBe('1.47');
    expect(chooseApiVersion('1.24')).toBe('1.24');
    expect(compareApiVersions('1.9', '1.10')).toBeLessThan(0);
  });

  it('refuses an engine older than 1.24', () => {
    expect(() => chooseApiVersion('1.23')).toThrow(/engine-api-too-old/);
  });

  it('asks /version without a prefix, then prefixes every call with the agreed version', async () => {
    const host = await fakeEngine((req, res) => (req.url === '/version' ? json(res, { ApiVersion: '1.52', Version: '29.0.0' }) : json(res, {})));
    const seen: string[] = [];
    const { c, states } = connection(host, async (session) => {
      seen.push(session.apiVersion);
      await session.client.get('/info');
    });
    await c.start();
    expect(states.at(-1)).toMatchObject({ phase: 'connected', apiVersion: '1.47' });
    expect(paths).toEqual(['/version', '/v1.47/info']);
    expect(seen).toEqual(['1.47']);
    await c.stop();
  });

  it('shows an old engine as unreachable with engine-api-too-old, and keeps trying', async () => {
    const host = await fakeEngine((_req, res) => json(res, { ApiVersion: '1.12' }));
    const { c, states } = connection(host);
    await c.start();
    expect(states.at(-1)).toMatchObject({
      phase: 'unreachable',
      attempt: 1,
      error: { code: 'engine-api-too-old', params: { version: '1.12', minimum: '1.24' } },
    });
    await new Promise((r) => setTimeout(r, 120));
    expect(states.filter((s) => s.phase === 'unreachable').length).toBeGreaterThan(1);
    await c.stop();
  });
});

describe('connection states', () => {
  it('says engine-not-found for a socket that does not exist, then connects once it does', async () => {
    const host = `unix://${join(dir, 'engine.sock')}`;
    const { c, states } = connection(host);
    await c.start();
    expect(states[0]).toMatchObject({ phase: 'unreachable', error: { code: 'engine-not-found' } });
    await fakeEngine((_req, res) => json(res, { ApiVersion: '1.41' }));
    const deadline = Date.now() + 5000;
    while (c.state.phase !== 'connected' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(c.state).toMatchObject({ phase: 'connected', apiVersion: '1.41', error: null, attempt: 0 });
    await c.stop();
  });

  it('says engine-timeout for an engine that accepts but never answers', async () => {
    const host = await fakeEngine(() => undefined);
    const states: ConnectionState[] = [];
    const c = new EngineConnection({
      target: { host, tls: null },
      env: {},
      establish: async () => undefined,
      teardown: () => undefined,
      onState: (s) => states.push(s),
      connectDeadlineMs: 100,
    });
    await c.start();
    expect(states.at(-1)).toMatchObject({ phase: 'unreachable', error: { code: 'engine-timeout' } });
    await c.stop();
  });

  it('stops at once even while an attempt waits on an engine that never answers', async () => {
    const host = await fakeEngine(() => undefined);
    const c = new EngineConnection({
      target: { host, tls: null },
      env: {},
      establish: async () => undefined,
      teardown: () => undefined,
      onState: () => undefined,
      connectDeadlineMs: 30_000,
    });
    const first = c.start();
    await new Promise((r) => setTimeout(r, 50));
    const stopped = await Promise.race([c.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('still waiting'), 5000))]);
    expect(stopped).toBe('stopped');
    await first;
  });

  it('backs off from ~100 ms to a 1 s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });
});

describe('the events stream', () => {
  it('ignores exec_* actions and reads health_status without its detail', () => {
    expect(toEngineEvent({ Type: 'container', Action: 'exec_start: sh -c ls', Actor: { ID: 'a' } })).toBeNull();
    expect(toEngineEvent({ Type: 'container', Action: 'health_status: unhealthy', Actor: { ID: 'a' }, timeNano: 1_700_000_000_123_456_789 })).toMatchObject({
      action: 'health_status',
      id: 'a',
      time: 1_700_000_000_123,
    });
    expect(toEngineEvent({ status: 'die', id: 'b' })).toMatchObject({ type: 'container', action: 'die', id: 'b' });
    expect(toEngineEvent({ Type: 'container', Action: 'exec_die', Actor: { ID: 'a', Attributes: { execID: 'e1', exitCode: '0' } } })).toMatchObject({
      action: 'exec_die',
      attributes: { execID: 'e1' },
    });
  });

  it("keeps Podman's events that have no Actor.ID, by the name in their attributes", () => {
    // As Podman 4.3 sends them: a volume's (and every network's) Actor.ID is empty.
    const volume = {
      status: 'create',
      Type: 'volume',
      Action: 'create',
      Actor: { ID: '', Attributes: { containerExitCode: '0', image: '', name: 'vol1', podId: '' } },
    };
    expect(toEngineEvent(volume)).toMatchObject({ type: 'volume', action: 'create', id: 'vol1' });
    expect(toEngineEvent({ Type: 'network', Action: 'remove', Actor: { ID: '', Attributes: { name: 'net1' } } })).toMatchObject({
      type: 'network',
      id: 'net1',
    });
    expect(toEngineEvent({ Type: 'network', Action: 'remove', Actor: { ID: '', Attributes: {} } })).toBeNull();
  });

  it('survives a quiet minute even with DOCKER_CLIENT_TIMEOUT set, and reports the end', async () => {
    let push: ((line: string) => void) | null = null;
    let finish: (() => void) | null = null;
    const host = await fakeEngine((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders();
      push = (line) => res.write(line);
      finish = () => res.end();
    });
    const saved = { host: process.env.DOCKER_HOST, timeout: process.env.DOCKER_CLIENT_TIMEOUT };
    // docker-modem reads both from process.env for a TCP DOCKER_HOST; the client must ignore them.
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:9';
    process.env.DOCKER_CLIENT_TIMEOUT = '50';
    try {
      const client = new EngineClient({ host, tls: null }, '1.41', {});
      const events: EngineEvent[] = [];
      let ended: Error | null = null;
      const stream = new EventStream(client, { onEvent: (e) => events.push(e), onEnd: (r) => (ended = r) });
      await stream.open(1000);
      expect(paths.at(-1)).toBe('/v1.41/events');
      await new Promise((r) => setTimeout(r, 300)); // six times the inactivity timeout
      expect(ended).toBeNull();
      const line = JSON.stringify({ Type: 'container', Action: 'start', Actor: { ID: 'c1' } });
      push!(line.slice(0, 7));
      push!(`${line.slice(7)}\n${JSON.stringify({ Type: 'container', Action: 'exec_die', Actor: { ID: 'c1' } })}\n`);
      push!(`${JSON.stringify({ Type: 'image', Action: 'pull', Actor: { ID: 'busybox' } })}\n`);
      const deadline = Date.now() + 2000;
      while (events.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      // exec_die (a terminal's end) and image events (the dashboard's lists) are followed too.
      while (events.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(events.map((e) => [e.action, e.id])).toEqual([
        ['start', 'c1'],
        ['exec_die', 'c1'],
        ['pull', 'busybox'],
      ]);
      finish!();
      while (ended === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(ended).toBeInstanceOf(Error);
      client.close();
    } finally {
      process.env.DOCKER_HOST = saved.host;
      process.env.DOCKER_CLIENT_TIMEOUT = saved.timeout;
      if (saved.host === undefined) delete process.env.DOCKER_HOST;
      if (saved.timeout === undefined) delete process.env.DOCKER_CLIENT_TIMEOUT;
    }
  });
});
