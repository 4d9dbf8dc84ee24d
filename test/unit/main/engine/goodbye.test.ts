// The engine's goodbye, against a small fake Engine API on a unix socket: the socket file
// removed while the server runs on (what dockerd does on SIGTERM), and a call refused at
// connect, end the session at once; a refusal from the engine's own answer does not.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineClient, isRefusedAtConnect } from '../../../../src/main/engine/connection/client';
import { EngineConnection, type Session } from '../../../../src/main/engine/connection/connection';
import type { ConnectionState } from '../../../../src/shared/model/engine';

let dir: string;
let server: Server | null;
let socket: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'silo-g-'));
  socket = join(dir, 'engine.sock');
  server = null;
});

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  rmSync(dir, { recursive: true, force: true });
});

/** Answers /version, 404 for /containers/missing/json, and holds /events open. */
async function fakeEngine(tcp = false): Promise<string> {
  server = createServer((req, res) => {
    if (req.url === '/version')
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ApiVersion: '1.41', Version: '20.10.24' }));
    if (req.url?.includes('/events')) return res.writeHead(200, { 'Content-Type': 'application/json' }).flushHeaders();
    res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'No such container: missing' }));
  });
  if (!tcp) {
    await new Promise<void>((resolve) => server!.listen(socket, resolve));
    return `unix://${socket}`;
  }
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `tcp://127.0.0.1:${(server!.address() as { port: number }).port}`;
}

async function until<T>(probe: () => T | null | undefined | false, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 5));
  }
}

function connect(host = `unix://${socket}`): { c: EngineConnection; states: ConnectionState[]; sessions: Session[]; torn: Session[] } {
  const states: ConnectionState[] = [];
  const sessions: Session[] = [];
  const torn: Session[] = [];
  const c = new EngineConnection({
    target: { host, tls: null },
    env: {},
    establish: async (s) => {
      sessions.push(s);
    },
    teardown: (s) => torn.push(s),
    onState: (s) => states.push(s),
    backoff: { initialMs: 20, maxMs: 50 },
  });
  return { c, states, sessions, torn };
}

describe('the engine’s goodbye', () => {
  it('a socket file removed while the engine runs on ends the session within 2 s, and a new socket brings it back', async () => {
    await fakeEngine();
    const { c, sessions, torn } = connect();
    try {
      await c.start();
      expect(c.state.phase).toBe('connected');
      rmSync(socket); // the server still runs and still holds its connections, as dockerd does
      expect(existsSync(socket)).toBe(false);
      // The deadline the issue names.
      const down = await until(() => c.state.phase !== 'connected' && c.state, 2000);
      expect(down?.error?.code).toBe('engine-unreachable');
      expect(c.live).toBeNull();
      expect(torn).toEqual([sessions[0]]);
      await until(() => c.state.phase === 'unreachable', 2000);
      expect(c.state.error?.code).toBe('engine-not-found');

      server!.closeAllConnections();
      await new Promise((r) => server!.close(r));
      await fakeEngine();
      expect(await until(() => c.state.phase === 'connected', 5000)).toBe(true);
      expect(sessions).toHaveLength(2);
    } finally {
      await c.stop();
    }
  });

  it('a call refused at connect, by any user of the session’s client, ends the session', async () => {
    // TCP: no socket file to watch, so only the refused call can tell.
    const { c } = connect(await fakeEngine(true));
    try {
      await c.start();
      const session = c.live!;
      // The engine's own "no" is an answer, not a goodbye.
      await expect(session.client.get('/containers/missing/json')).rejects.toMatchObject({ statusCode: 404 });
      await expect(session.client.get('/info', { signal: AbortSignal.abort() })).rejects.toBeDefined();
      expect(c.state.phase).toBe('connected');
      // Now the engine leaves without a word.
      server!.closeAllConnections();
      await new Promise((r) => server!.close(r));
      server = null;
      session.client.close(); // no pooled connection left: the next call must connect
      await expect(session.client.get('/info')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(session.dead).toBe(true);
      expect(c.state.phase).not.toBe('connected');
    } finally {
      await c.stop();
    }
  });

  it('knows a refusal at connect from everything else', () => {
    expect(isRefusedAtConnect(Object.assign(new Error('x'), { code: 'ENOENT', syscall: 'connect' }))).toBe(true);
    expect(isRefusedAtConnect(Object.assign(new Error('x'), { code: 'ECONNREFUSED', syscall: 'connect' }))).toBe(true);
    expect(isRefusedAtConnect(Object.assign(new Error('x'), { code: 'ENOENT', syscall: 'open' }))).toBe(false);
    expect(isRefusedAtConnect(Object.assign(new Error('x'), { code: 'ECONNRESET', syscall: 'read' }))).toBe(false);
    expect(isRefusedAtConnect({ statusCode: 404, syscall: 'connect', code: 'ENOENT' })).toBe(false);
    expect(isRefusedAtConnect(null)).toBe(false);
  });

  it('a client without a listener is told nothing and only rejects', async () => {
    const client = new EngineClient({ host: `unix://${socket}`, tls: null }, '1.41', {});
    await expect(client.get('/info')).rejects.toMatchObject({ code: 'ENOENT', syscall: 'connect' });
    client.close();
  });
});
