// A label named `__proto__` was lost on create: zod and a plain object both drop the key without
// a word. Through the real dispatch and the real engine, such a record is refused in plain words
// naming the field, and nothing reaches the engine; the same labels without it are created whole.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(inject('engineDir'));
const prefix = `rsv-${process.pid}-`;
let silo: Harness;
let page: Page;

/** As the browser host's JSON.parse makes it: `__proto__` an own key, not the prototype. */
const wire = <T>(value: unknown): T => JSON.parse(JSON.stringify(value).replace('"proto_key"', '"__proto__"')) as T;

beforeAll(async () => {
  silo = await startHarness(engine.dockerHost);
  page = silo.page();
});

afterAll(async () => {
  await silo?.close();
  for (const kind of ['volume', 'network']) {
    const names = await engine.docker([kind, 'ls', '-q', '--filter', `name=${prefix}`]);
    if (names) await engine.docker([kind, 'rm', ...names.split('\n')]).catch(() => undefined);
  }
});

describe('a record with a reserved key', () => {
  it('volumes.create refuses a label named __proto__, naming the field; nothing is created', async () => {
    const name = `${prefix}vol`;
    const args = wire<{ name: string; labels: Record<string, string> }>({ name, labels: { proto_key: 'lost', keep: 'yes' } });
    expect(Object.keys(args.labels)).toEqual(['__proto__', 'keep']);
    const error = await page.failure('volumes.create', args);
    expect(error).toMatchObject({ code: 'reserved-key', field: 'labels.__proto__', params: { key: '__proto__' } });
    expect(await engine.docker(['volume', 'ls', '-q', '--filter', `name=${name}`])).toBe('');
    // The same labels without it are created whole.
    const created = await page.call('volumes.create', { name, labels: { keep: 'yes', constructor: 'kept' } });
    expect(created.labels).toEqual({ keep: 'yes', constructor: 'kept' });
    expect(JSON.parse(await engine.docker(['volume', 'inspect', '--format', '{{json .Labels}}', name]))).toEqual({ keep: 'yes', constructor: 'kept' });
  });

  it('networks.create refuses it too, and a __proto__ beside the known fields', async () => {
    const name = `${prefix}net`;
    const labelled = await page.failure('networks.create', wire({ name, labels: { proto_key: { polluted: true } } }));
    expect(labelled).toMatchObject({ code: 'reserved-key', field: 'labels.__proto__' });
    const beside = await page.failure('networks.create', wire({ name, proto_key: { labels: { a: 'b' } } }));
    expect(beside).toMatchObject({ code: 'reserved-key', field: '__proto__' });
    expect(await engine.docker(['network', 'ls', '-q', '--filter', `name=${name}`])).toBe('');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
