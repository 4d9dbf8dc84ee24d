import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../../src/shared/contract';
import { SiloFailure, siloError } from '../../../../src/shared/errors';
import { createDispatch } from '../../../../src/main/host/dispatch';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = async () => {
    throw new Error('not expected in this test');
  };
  return {
    'session.start': fail,
    'engines.list': async () => [],
    'engines.refresh': fail,
    'engines.select': fail,
    'engine.snapshot': fail,
    'containers.list': fail,
    'containers.act': async ({ ids }) => ids.map((id) => ({ id, ok: true, error: null })),
    'preferences.get': fail,
    'preferences.set': fail,
    ...overrides,
  } as Handlers;
}

describe('dispatch', () => {
  const id = 'a'.repeat(64);

  it('runs a known call with valid arguments', async () => {
    const reply = await createDispatch(handlers())('containers.act', { ids: [id], action: 'stop' });
    expect(reply).toEqual({ ok: true, result: [{ id, ok: true, error: null }] });
  });

  it('refuses a call outside the contract, naming the field', async () => {
    for (const call of ['containers.exec', '__proto__', 'constructor', 42, null]) {
      const reply = await createDispatch(handlers())(call, {});
      expect(reply).toEqual({ ok: false, error: { code: 'unknown-call', field: 'call' } });
    }
  });

  it('refuses bad arguments before the handler runs, naming the field', async () => {
    let ran = false;
    const dispatch = createDispatch(handlers({ 'containers.act': async () => ((ran = true), []) }));
    const cases: Array<[unknown, string]> = [
      [{ ids: ['not-hex'], action: 'stop' }, 'ids.0'],
      [{ ids: [], action: 'stop' }, 'ids'],
      [{ ids: [id], action: 'explode' }, 'action'],
      [{ ids: [id], action: 'remove', force: 'yes' }, 'force'],
      [{ ids: [id], action: 'stop', extra: 1 }, 'extra'],
      ['a string', 'args'],
    ];
    for (const [args, field] of cases) {
      const reply = await dispatch('containers.act', args);
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('validation');
        expect(reply.error.field).toBe(field);
      }
    }
    expect(ran).toBe(false);
  });

  it('passes a handler SiloFailure through and wraps anything else as internal', async () => {
    const typed = createDispatch(
      handlers({
        'engines.list': async () => {
          throw new SiloFailure(siloError('no-engine'));
        },
      }),
    );
    expect(await typed('engines.list', {})).toEqual({ ok: false, error: { code: 'no-engine' } });
    const seen: unknown[] = [];
    const bug = createDispatch(
      handlers({
        'engines.list': async () => {
          throw new TypeError('boom');
        },
      }),
      (e) => seen.push(e),
    );
    expect(await bug('engines.list', undefined)).toEqual({ ok: false, error: { code: 'internal', detail: 'boom' } });
    expect(seen).toHaveLength(1);
  });
});
