// The fixture engine's own behaviour over its socket: headers, versions, errors, `all`, sizes,
// the events stream, close(). Raw HTTP here; the docker CLI for `docker events` and for every
// installed CLI version.
import { request, type IncomingHttpHeaders } from 'node:http';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ENGINES, apiVersionFor, startFixtureEngine, type FixtureEngine } from '../../support/fixture-engine';
import { DockerCli, dockerClis, tempSocketDir } from './cli';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function call(socketPath: string, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const json = <T>(a: Answer): T => JSON.parse(a.body) as T;

describe('fixture engine protocol', () => {
  const tmp = tempSocketDir();
  let win: FixtureEngine;

  beforeAll(async () => {
    win = await startFixtureEngine('windows-server-2022', tmp.socket('proto'));
  });
  afterAll(async () => {
    await win?.close();
    tmp.dispose();
  });

  it('answers GET and HEAD /_ping with the engine headers', async () => {
    const get = await call(win.socketPath, '/_ping');
    expect(get.status).toBe(200);
    expect(get.body).toBe('OK');
    expect(get.headers['api-version']).toBe('1.42');
    expect(get.headers['ostype']).toBe('windows');
    expect(get.headers['server']).toBe('Docker/23.0.3 (windows)');
    const head = await call(win.socketPath, '/_ping', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['api-version']).toBe('1.42');
  });

  it('answers /version with and without a version prefix', async () => {
    for (const path of ['/version', '/v1.41/version', '/v1.42/version']) {
      const v = json<{ ApiVersion: string; Os: string; MinAPIVersion: string }>(await call(win.socketPath, path));
      expect(v).toMatchObject({ ApiVersion: '1.42', Os: 'windows', MinAPIVersion: '1.24' });
    }
  });

  it('refuses a client version above the engine, as dockerd words it', async () => {
    const a = await call(win.socketPath, '/v1.50/info');
    expect(a.status).toBe(400);
    expect(json<{ message: string }>(a).message).toBe('client version 1.50 is too new. Maximum supported API version is 1.42');
  });

  it('serves the recorded info, counts matching what it lists', async () => {
    const info = json<Record<string, unknown>>(await call(win.socketPath, '/v1.42/info'));
    expect(info).toMatchObject({
      OSType: 'windows',
      Isolation: 'process',
      Name: 'WIN-V0V70C0LU5P',
      Containers: 4,
      ContainersRunning: 2,
      ContainersStopped: 2,
      Images: 2,
    });
  });

  it('honours all, limit and size on /containers/json', async () => {
    const running = json<Array<{ Names: string[]; SizeRootFs?: number }>>(await call(win.socketPath, '/v1.42/containers/json'));
    expect(running.map((c) => c.Names[0])).toEqual(['/ci-runner', '/web']);
    expect(running[0]).not.toHaveProperty('SizeRootFs');
    const all = json<unknown[]>(await call(win.socketPath, '/v1.42/containers/json?all=1'));
    expect(all).toHaveLength(4);
    expect(json<unknown[]>(await call(win.socketPath, '/v1.42/containers/json?all=true'))).toHaveLength(4);
    expect(json<unknown[]>(await call(win.socketPath, '/v1.42/containers/json?all=0'))).toHaveLength(2);
    expect(json<unknown[]>(await call(win.socketPath, '/v1.42/containers/json?limit=1'))).toHaveLength(1);
    const sized = json<Array<{ SizeRootFs?: number }>>(await call(win.socketPath, '/v1.42/containers/json?size=1'));
    expect(sized[0]!.SizeRootFs).toBeGreaterThan(0);
    const exited = json<Array<{ Names: string[] }>>(
      await call(win.socketPath, `/v1.42/containers/json?filters=${encodeURIComponent('{"status":["exited"]}')}`),
    );
    expect(exited.map((c) => c.Names[0])).toEqual(['/build-agent']);
    const bad = await call(win.socketPath, `/v1.42/containers/json?filters=${encodeURIComponent('{"colour":["red"]}')}`);
    expect(bad.status).toBe(400);
  });

  it('answers 404 JSON for unknown containers, images and routes', async () => {
    const c = await call(win.socketPath, '/v1.42/containers/nope/json');
    expect(c.status).toBe(404);
    expect(json<{ message: string }>(c).message).toBe('No such container: nope');
    const i = await call(win.socketPath, '/v1.42/images/nope/json');
    expect(json<{ message: string }>(i).message).toBe('No such image: nope');
    const n = await call(win.socketPath, '/v1.42/networks/nope');
    expect(n.status).toBe(404);
    expect(json<{ message: string }>(n).message).toBe('network nope not found');
    for (const [path, method] of [
      ['/v1.42/volumes', 'GET'],
      ['/v1.42/containers/web/start', 'POST'],
      ['/nothing', 'GET'],
    ] as const) {
      const a = await call(win.socketPath, path, method);
      expect(a.status).toBe(404);
      expect(a.headers['content-type']).toBe('application/json');
      expect(json<{ message: string }>(a).message).toBe('page not found');
    }
  });

  it('lets a test change what the engine lists', async () => {
    const [item] = win.containers().filter((c) => c.summary.Names[0] === '/web');
    const copy = structuredClone(item!);
    copy.summary.State = 'exited';
    copy.summary.Status = 'Exited (0) 1 second ago';
    win.upsertContainer(copy.summary, copy.inspect);
    expect(json<unknown[]>(await call(win.socketPath, '/v1.42/containers/json'))).toHaveLength(1);
    win.upsertContainer(item!.summary, item!.inspect);
    expect(win.removeContainer('legacy-app')).toBe(true);
    expect((await call(win.socketPath, '/v1.42/containers/legacy-app/json')).status).toBe(404);
  });
});

describe('fixture engine events', () => {
  const tmp = tempSocketDir();
  let engine: FixtureEngine;

  beforeAll(async () => {
    engine = await startFixtureEngine('docker-desktop-wsl2', tmp.socket('events'));
  });
  afterEach(() => engine.endEventStreams());
  afterAll(async () => {
    await engine?.close();
    tmp.dispose();
  });

  it('keeps /events open and chunked, writing nothing until a test pushes an event', async () => {
    const chunks: string[] = [];
    let ended = false;
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request({ socketPath: engine.socketPath, path: '/v1.43/events', method: 'GET' }, resolve);
      req.on('error', reject);
      req.end();
    });
    res.setEncoding('utf8');
    res.on('data', (c: string) => chunks.push(c));
    res.on('end', () => (ended = true));
    expect(res.statusCode).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-type']).toBe('application/json');
    await engine.waitForEventStreams(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(chunks).toEqual([]);

    expect(
      engine.pushEvent({ Type: 'container', Action: 'die', Actor: { ID: 'abc', Attributes: { image: 'alpine:3.20', name: 'old-job', exitCode: '137' } } }),
    ).toBe(1);
    await expect.poll(() => chunks.join('')).toMatch(/\n$/);
    const ev = JSON.parse(chunks.join('')) as Record<string, unknown>;
    expect(Object.keys(ev).slice(0, 3)).toEqual(['status', 'id', 'from']);
    expect(ev).toMatchObject({ status: 'die', id: 'abc', from: 'alpine:3.20', Type: 'container', Action: 'die', scope: 'local' });
    expect(typeof ev.time).toBe('number');
    expect(typeof ev.timeNano).toBe('number');

    engine.endEventStreams();
    await expect.poll(() => ended).toBe(true);
    expect(engine.eventStreamCount()).toBe(0);
  });

  it('applies the stream filters', async () => {
    const lines: string[] = [];
    const filters = encodeURIComponent('{"type":["container"],"event":["start"]}');
    const req = request({ socketPath: engine.socketPath, path: `/v1.43/events?filters=${filters}` }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => lines.push(...c.split('\n').filter(Boolean)));
    });
    req.end();
    await engine.waitForEventStreams(1);
    expect(engine.pushEvent({ Type: 'network', Action: 'connect', Actor: { ID: 'n1' } })).toBe(0);
    expect(engine.pushEvent({ Type: 'container', Action: 'stop', Actor: { ID: 'c1' } })).toBe(0);
    expect(engine.pushEvent({ Type: 'container', Action: 'start', Actor: { ID: 'c1' } })).toBe(1);
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ Action: 'start' });
  });

  const [firstCli] = dockerClis();
  it.skipIf(!firstCli)('docker events prints what the test pushes', async () => {
    const cli = new DockerCli(firstCli!, engine.host);
    const proc = cli.spawn('events', '--format', '{{json .}}');
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (c: string) => (out += c));
    try {
      await engine.waitForEventStreams(1);
      engine.pushEvent({ Type: 'container', Action: 'start', Actor: { ID: 'f00d', Attributes: { image: 'postgres:16-alpine', name: 'db' } } });
      await expect.poll(() => out, { timeout: 10_000 }).toContain('\n');
      expect(JSON.parse(out.trim())).toMatchObject({ Type: 'container', Action: 'start', Actor: { ID: 'f00d' } });
      // The CLI exits when the engine ends the stream (docs/security.md, "The engine's streams": it never reconnects).
      const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
      engine.endEventStreams();
      await expect(exited).resolves.toBeTypeOf('number');
    } finally {
      if (proc.exitCode === null && proc.pid !== undefined) proc.kill('SIGTERM');
      cli.dispose();
    }
  });
});

describe('fixture engine lifecycle', () => {
  it('close() ends open streams, stops listening and removes the socket', async () => {
    const tmp = tempSocketDir();
    const engine = await startFixtureEngine('linux-gvisor-centos7', tmp.socket('life'));
    expect(engine.apiVersion).toBe('1.37');
    const info = json<{ Runtimes: Record<string, unknown>; Containers: number }>(await call(engine.socketPath, '/v1.37/info'));
    expect(Object.keys(info.Runtimes)).toEqual(['runc', 'runsc']);
    expect(info.Containers).toBe(0);
    const ended = new Promise<void>((resolve) => {
      request({ socketPath: engine.socketPath, path: '/events' }, (res) => {
        res.resume();
        res.on('end', resolve);
        res.on('close', resolve);
      }).end();
    });
    await engine.waitForEventStreams(1);
    await engine.close();
    await ended;
    expect(existsSync(engine.socketPath)).toBe(false);
    await expect(call(engine.socketPath, '/_ping')).rejects.toThrow();
    tmp.dispose();
  });

  it('maps engine releases to API versions', () => {
    expect(apiVersionFor('20.10.24+dfsg1')).toBe('1.41');
    expect(apiVersionFor('23.0.3')).toBe('1.42');
    expect(apiVersionFor('24.0.6')).toBe('1.43');
    expect(apiVersionFor('18.03.1-ce')).toBe('1.37');
    expect(apiVersionFor('')).toBe('1.41');
    expect(apiVersionFor('99.1.0')).toBe('1.41');
  });

  it.each(FIXTURE_ENGINES)('%s starts empty when asked', async (name) => {
    const tmp = tempSocketDir();
    const engine = await startFixtureEngine(name, tmp.socket('empty'), { empty: true });
    try {
      expect(json<unknown[]>(await call(engine.socketPath, '/containers/json?all=1'))).toEqual([]);
      expect(json<unknown[]>(await call(engine.socketPath, '/images/json'))).toEqual([]);
    } finally {
      await engine.close();
      tmp.dispose();
    }
  });
});

describe.each(dockerClis())('every installed docker CLI (%s) reads the Windows fixture', (binary) => {
  const tmp = tempSocketDir();
  let engine: FixtureEngine;
  let cli: DockerCli;
  beforeAll(async () => {
    engine = await startFixtureEngine('windows-server-2022', tmp.socket('compat'));
    cli = new DockerCli(binary, engine.host);
  });
  afterAll(async () => {
    await engine?.close();
    cli?.dispose();
    tmp.dispose();
  });

  it('info, ps -a and inspect work', async () => {
    expect((await cli.run('info', '--format', '{{.OSType}}/{{.Isolation}}')).trim()).toBe('windows/process');
    const names = (await cli.run('ps', '-a', '--format', '{{.Names}}')).trim().split('\n');
    expect(names.sort()).toEqual(['build-agent', 'ci-runner', 'legacy-app', 'web']);
    expect((await cli.run('inspect', '--format', '{{.HostConfig.Isolation}}', 'web', 'build-agent')).trim().split('\n')).toEqual(['process', 'hyperv']);
  });
});
