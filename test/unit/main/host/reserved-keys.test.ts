// `__proto__` as a key, through the real dispatch: refused in plain words (`reserved-key`,
// naming the field) wherever the contract takes a record or key=value lines; and in daemon.json.
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../../src/shared/contract';
import { createDispatch } from '../../../../src/main/host/dispatch';
import { validateDaemonJson } from '../../../../src/shared/backends/daemon-validate';
import { isReservedKey, reservedKeyIn } from '../../../../src/shared/reserved-keys';
import { validateEnv, validateLabels } from '../../../../src/shared/validate/env';

/** Every handler records that it ran; none should for a refused argument. */
function recording(ran: string[]): Handlers {
  return new Proxy({} as Handlers, { get: (_t, name) => async () => (ran.push(String(name)), null) });
}

const wire = (text: string): unknown => JSON.parse(text);
const id = 'a'.repeat(64);

describe('reserved keys through the real dispatch', () => {
  const cases: Array<[string, string, string]> = [
    ['volumes.create', '{"name":"v","labels":{"__proto__":"x","ok":"y"}}', 'labels.__proto__'],
    ['networks.create', '{"name":"n","labels":{"__proto__":{"a":1}}}', 'labels.__proto__'],
    ['containers.create', '{"image":"busybox","labels":["ok=1","__proto__=x"]}', 'labels.1'],
    ['containers.create', '{"image":"busybox","env":["__proto__=x"]}', 'env.0'],
    ['containers.create', '{"image":"busybox","__proto__":{"privileged":true}}', '__proto__'],
    ['isolation.move', `{"ids":["${id}"],"target":"runsc","choices":{"__proto__":"discard"}}`, 'choices.__proto__'],
    ['containers.act', `{"ids":["${id}"],"action":"stop","__proto__":{"force":true}}`, '__proto__'],
  ];

  it.each(cases)('%s %s is refused, naming %s', async (call, text, field) => {
    const ran: string[] = [];
    const reply = await createDispatch(recording(ran))(call, wire(text));
    expect(reply).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'reserved-key', field, params: expect.objectContaining({ key: '__proto__' }) }),
    });
    expect(ran).toEqual([]);
  });

  it('the same records without it pass, every key kept', async () => {
    const seen: unknown[] = [];
    const handlers = new Proxy({} as Handlers, { get: () => async (args: unknown) => (seen.push(args), null) });
    const reply = await createDispatch(handlers)('volumes.create', wire('{"name":"v","labels":{"constructor":"c","toString":"t","ok":"y"}}'));
    expect(reply.ok).toBe(true);
    expect(seen).toEqual([{ name: 'v', labels: { constructor: 'c', toString: 't', ok: 'y' } }]);
  });
});

describe('the shared rules', () => {
  it('know the reserved key, and find it only as an own key', () => {
    expect(isReservedKey('__proto__')).toBe(true);
    expect(isReservedKey('constructor')).toBe(false);
    expect(reservedKeyIn(wire('{"__proto__":1}'))).toBe('__proto__');
    expect(reservedKeyIn({ a: 1 })).toBeNull();
    expect(reservedKeyIn(['__proto__'])).toBeNull();
    expect(reservedKeyIn('__proto__')).toBeNull();
  });

  it('label and environment lines say which line', () => {
    expect(validateLabels(['a=1', ' __proto__ =x'])).toEqual([{ field: 'labels.1', rule: 'reserved-key', params: { key: '__proto__' } }]);
    expect(validateEnv(['__proto__=1', 'PATH=/bin'])).toEqual([{ field: 'env.0', rule: 'reserved-key', params: { key: '__proto__' } }]);
    expect(validateEnv(['__proto___=1'])).toEqual([]);
  });

  it('daemon.json refuses it in any object, with its position', () => {
    const text = '{\n  "log-opts": {\n    "__proto__": "x"\n  }\n}\n';
    const report = validateDaemonJson(text, { platform: 'linux' });
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'reserved-key', severity: 'error', key: 'log-opts.__proto__', line: 3, column: 5 }));
  });
});
