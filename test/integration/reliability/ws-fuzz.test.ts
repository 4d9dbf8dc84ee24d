// Random bad input through the real browser host's WebSocket, a real engine behind it: every
// call of the contract (from callSchemas), 200 refused arguments each, and raw frames that are
// not requests at all. The engine sits behind a proxy that records every request it gets, so
// "the engine is never reached with bad input" is observed, not assumed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../../src/shared/contract';
import { startBrowserHost, type RunningHost } from '../../support/browser-host';
import { TestEngine } from '../../support/test-engine';
import { badArgs, jsonSchemaOf, reservedRefusal, schemaAccepts } from '../../unit/fuzz/contract-arbitraries';
import { HostSocket, RecordingProxy, type WireReply } from './support';

const CASES_PER_CALL = 200;

const engine = new TestEngine(inject('engineDir'));
let proxy: RecordingProxy;
let host: RunningHost;
let page: HostSocket;

beforeAll(async () => {
  proxy = new RecordingProxy(engine.socketPath);
  await proxy.up();
  host = await startBrowserHost(engine.env({ DOCKER_HOST: proxy.dockerHost, SILO_DEBUG: '1' }));
  page = await HostSocket.open(host);
  expect((await page.call('session.start', {})).ok).toBe(true);
  // Connected: the engine has been asked for its version, info, events and list.
  for (let i = 0; i < 500 && !proxy.requests.some((r) => r.includes('/containers/json')); i++) await new Promise((r) => setTimeout(r, 20));
  expect(proxy.requests.some((r) => r.includes('/events'))).toBe(true);
});

afterAll(async () => {
  await page?.close();
  await host?.stop();
  await proxy?.destroy();
});

/** As the browser host reads it: JSON, and a missing argument is none. */
function overTheWire(value: unknown): unknown {
  return JSON.parse(JSON.stringify({ v: value })).v;
}

function namesAField(call: CallName, args: unknown, field: string | undefined): boolean {
  if (typeof field !== 'string') return false;
  const known = Object.keys(jsonSchemaOf(call).properties ?? {});
  if (known.includes(field.split('.')[0]!)) return true;
  if (typeof args === 'object' && args !== null && Object.prototype.hasOwnProperty.call(args, field)) return true;
  return field === 'args';
}

describe('the browser host under random bad input', () => {
  it('answers every refused argument of every call with a validation error naming the field, and never reaches the engine', async () => {
    const before = proxy.requests.length;
    for (const call of CALL_NAMES) {
      const cases = fc
        .sample(badArgs(call, 'json'), { numRuns: CASES_PER_CALL * 3 })
        .map(overTheWire)
        .filter((args) => !schemaAccepts(call, args))
        .slice(0, CASES_PER_CALL);
      expect(cases.length, call).toBe(CASES_PER_CALL);
      // Sent all at once, as a hostile page would; each reply is matched by its id.
      const replies = await Promise.all(cases.map((args) => page.call(call, args)));
      replies.forEach((reply: WireReply, i) => {
        const detail = `${call} ${JSON.stringify(cases[i])?.slice(0, 200)} → ${JSON.stringify(reply)}`;
        expect(reply.ok, detail).toBe(false);
        if (!reservedRefusal(reply.error)) expect(reply.error?.code, detail).toBe('validation');
        expect(namesAField(call, cases[i], reply.error?.field), detail).toBe(true);
      });
    }
    expect(proxy.requests.slice(before)).toEqual([]);
    expect(page.open).toBe(true);
  });

  it('answers frames that are not requests, and keeps the socket open', async () => {
    const frames = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          id: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.constant(2 ** 60), fc.integer({ min: -(2 ** 31), max: 0 })),
          call: fc.constantFrom(...CALL_NAMES),
          args: fc.constant({}),
        })
        .map((v) => JSON.stringify(v)),
      fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b)),
    );
    const before = proxy.requests.length;
    for (const frame of fc.sample(frames, { numRuns: 300 })) {
      let request: unknown = undefined;
      try {
        request = typeof frame === 'string' ? JSON.parse(frame) : undefined;
      } catch {
        // not JSON
      }
      const id = (request as { id?: unknown } | undefined)?.id;
      if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) continue; // a well-formed request: the first test's business
      const reply = await page.raw(frame);
      expect(reply).toMatchObject({ id: -1, ok: false, error: { code: 'validation', field: 'message' } });
    }
    // A call outside the contract, in a well-formed frame.
    expect((await page.call('containers.exec', { id: 'a'.repeat(64) })).error).toEqual({ code: 'unknown-call', field: 'call' });
    expect(proxy.requests.slice(before)).toEqual([]);
    expect(page.open).toBe(true);
  });

  it('takes only positive whole numbers as request ids: -1, 0 and others are not requests, and are never run', async () => {
    const before = proxy.requests.length;
    for (const id of [-1, 0, 1 - 2 ** 53, 1.5, '1', true]) {
      const reply = await page.raw(JSON.stringify({ id, call: 'containers.act', args: { ids: ['f'.repeat(64)], action: 'stop' } }));
      expect(reply, String(id)).toEqual({ id: -1, ok: false, error: { code: 'validation', field: 'message' } });
    }
    // A call that would succeed: refused too, so a reply with id -1 always means "not a request".
    expect(await page.raw(JSON.stringify({ id: -1, call: 'preferences.get', args: {} }))).toMatchObject({ id: -1, ok: false });
    expect(proxy.requests.slice(before)).toEqual([]);
    expect((await page.call('preferences.get', {}, 1)).ok).toBe(true);
  });

  it('does reach the engine with a valid call (the recorder sees what the host sends)', async () => {
    const before = proxy.requests.length;
    const id = 'f'.repeat(64);
    const reply = await page.call('containers.act', { ids: [id], action: 'stop' });
    expect(reply.ok).toBe(true);
    expect(reply.result).toMatchObject([{ id, ok: false, error: { code: 'container-not-found' } }]);
    expect(proxy.requests.slice(before).some((r) => r.startsWith('POST ') && r.includes(`/containers/${id}/stop`))).toBe(true);
  });

  it('is still alive, with no internal error and no unhandled rejection written', () => {
    expect(host.process.exitCode).toBeNull();
    expect(host.output()).not.toMatch(/internal error|Unhandled|uncaught/i);
  });
});
