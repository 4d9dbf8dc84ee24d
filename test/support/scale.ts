// Many containers on a private engine, quickly made and quickly removed: the setup the load
// tests and the benchmarks share. Creates through the Engine API directly (the CLI costs a
// process per container), a few at a time; every container carries a label so teardown finds
// exactly what was made.
import { request } from 'node:http';
import { TEST_IMAGE, type TestEngine } from './test-engine';

export const SCALE_LABEL = 'dev.silo.scale';

export interface ScaleOptions {
  count: number;
  running: number;
  /** Name prefix; containers are `<prefix>-0001` …  */
  prefix?: string;
  /** Image and command (default: the busybox image, `sleep 86400`); see TestEngine.importPauseImage. */
  image?: string;
  command?: string[];
  concurrency?: number;
}

/** A raw Engine API call on the engine's unix socket. */
export function engineApi(engine: TestEngine, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        socketPath: engine.socketPath,
        method,
        path,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

/** Creates `count` containers, the first `running` of them started. Returns their ids in order. */
export async function createMany(engine: TestEngine, options: ScaleOptions): Promise<string[]> {
  const prefix = options.prefix ?? 'scale';
  const ids: string[] = new Array(options.count);
  const indexes = Array.from({ length: options.count }, (_, i) => i);
  await pool(indexes, options.concurrency ?? 8, async (i) => {
    const name = `${prefix}-${String(i + 1).padStart(4, '0')}`;
    const created = await engineApi(engine, 'POST', `/v1.41/containers/create?name=${name}`, {
      Image: options.image ?? TEST_IMAGE,
      Cmd: options.command ?? ['sleep', '86400'],
      Labels: { [SCALE_LABEL]: prefix },
      StopTimeout: 1,
      HostConfig: { NetworkMode: 'none' },
    });
    if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${created.body}`);
    ids[i] = (JSON.parse(created.body) as { Id: string }).Id;
    if (i < options.running) {
      const started = await engineApi(engine, 'POST', `/v1.41/containers/${ids[i]}/start`);
      if (started.status !== 204 && started.status !== 304) throw new Error(`start ${name}: ${started.status} ${started.body}`);
    }
  });
  return ids;
}

/** Removes every container made by createMany with this prefix (or all prefixes). */
export async function removeMany(engine: TestEngine, prefix?: string): Promise<number> {
  const filter = encodeURIComponent(JSON.stringify({ label: [prefix ? `${SCALE_LABEL}=${prefix}` : SCALE_LABEL] }));
  const listed = await engineApi(engine, 'GET', `/v1.41/containers/json?all=1&filters=${filter}`);
  const ids = (JSON.parse(listed.body) as Array<{ Id: string }>).map((c) => c.Id);
  await pool(ids, 8, async (id) => {
    await engineApi(engine, 'DELETE', `/v1.41/containers/${id}?force=1`);
  });
  return ids.length;
}
