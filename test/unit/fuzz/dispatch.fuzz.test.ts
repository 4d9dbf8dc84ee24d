// Every call of the contract, thousands of random arguments each, through the real dispatch that
// both hosts use. Handlers stand in for the engine and record whether they were reached.
// Property: the reply is the handler's result (and the handler got the schema's parsed value),
// or a validation error naming the field; a handler is never reached with an argument its
// schema refuses; nothing throws and nothing rejects unhandled.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, callSchemas, type CallName, type Handlers, type Reply } from '../../../src/shared/contract';
import { ERROR_CODES, SiloFailure, type SiloError } from '../../../src/shared/errors';
import { createDispatch } from '../../../src/main/host/dispatch';
import { anyArgs, jsonSchemaOf, junk, reservedRefusal, schemaAccepts } from './contract-arbitraries';

const RUNS_PER_CALL = 2000;
const RESULT = Object.freeze({ handled: true });

interface Visit {
  call: CallName;
  args: unknown;
}

function recordingHandlers(visits: Visit[], behave: () => Promise<unknown> = async () => RESULT): Handlers {
  return Object.fromEntries(
    CALL_NAMES.map((call) => [
      call,
      async (args: unknown) => {
        visits.push({ call, args });
        return behave();
      },
    ]),
  ) as unknown as Handlers;
}

/**
 * The field a validation error names must be one a person can find: a path into the call's
 * schema, or a key the caller sent that the schema does not know (named whole, dots and all).
 * `args`, the argument itself, only when no key is at fault (the argument is not an object).
 */
function namesAField(call: CallName, args: unknown, field: string | undefined): boolean {
  if (typeof field !== 'string') return false;
  const known = Object.keys(jsonSchemaOf(call).properties ?? {});
  if (known.includes(field.split('.')[0]!)) return true;
  if (typeof args === 'object' && args !== null && Object.prototype.hasOwnProperty.call(args, field)) return !known.includes(field);
  return field === 'args';
}

/** A reply must cross either transport unchanged: JSON (browser host) and structured clone (IPC). */
function crossesTransports(reply: Reply): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(reply))) === JSON.stringify(reply) && JSON.stringify(structuredClone(reply)) === JSON.stringify(reply);
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('dispatch under random arguments, every call of the contract', () => {
  it('covers every call in callSchemas', () => {
    expect(CALL_NAMES.length).toBeGreaterThan(0);
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(callSchemas).sort());
  });

  it.each(CALL_NAMES)(
    '%s: a result for what its schema accepts, a validation error naming the field otherwise',
    async (call) => {
      const visits: Visit[] = [];
      const dispatch = createDispatch(recordingHandlers(visits));
      let accepted = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(anyArgs(call, 'clone'), async (args) => {
          // Plain checks in this loop: it runs a hundred thousand times over the contract.
          visits.length = 0;
          const valid = schemaAccepts(call, args);
          const reply = await dispatch(call, args);
          check(crossesTransports(reply), 'the reply does not survive JSON and the structured clone', reply);
          if (valid) {
            accepted += 1;
            check(reply.ok && reply.result === RESULT, 'a valid argument did not get the handler’s result', reply);
            check(visits.length === 1, `the handler ran ${visits.length} times`, args);
            // The handler gets the schema's parsed value, never the caller's object itself.
            expect(visits[0]!.args).toEqual(callSchemas[call].parse(args === undefined ? {} : args));
            if (typeof args === 'object' && args !== null) check(visits[0]!.args !== args, 'the handler got the caller’s own object', args);
          } else {
            refused += 1;
            check(visits.length === 0, 'a handler ran with an argument its schema refuses', args);
            const error = (reply as { ok: false; error?: SiloError }).error;
            check(!reply.ok && (error?.code === 'validation' || reservedRefusal(error)), 'a refused argument did not get a validation error', reply);
            check(namesAField(call, args, error?.field), `field "${error?.field}" names nothing in the argument`, args);
          }
        }),
        { numRuns: RUNS_PER_CALL },
      );
      // Both sides were really explored: some arguments passed, some were refused.
      expect(accepted, `${call}: too few generated arguments passed its schema; give contract-arbitraries.ts a way to make them`).toBeGreaterThanOrEqual(10);
      expect(refused, `${call}: too few generated arguments were refused`).toBeGreaterThan(RUNS_PER_CALL / 10);
    },
    60_000,
  );

  it('refuses any call name outside the contract, naming the field, before any handler', async () => {
    const visits: Visit[] = [];
    const dispatch = createDispatch(recordingHandlers(visits));
    const lookalikes = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      ...CALL_NAMES.flatMap((c) => [`${c} `, c.toUpperCase(), `${c}.x`, c.replace('.', '/')]),
    ];
    const names = fc.oneof(fc.constantFrom(...lookalikes), fc.string(), junk('clone')).filter((n) => !(CALL_NAMES as unknown[]).includes(n));
    await fc.assert(
      fc.asyncProperty(names, junk('clone'), async (call, args) => {
        const reply = await dispatch(call, args);
        expect(reply).toEqual({ ok: false, error: { code: 'unknown-call', field: 'call' } });
      }),
      { numRuns: 5000 },
    );
    expect(visits).toEqual([]);
  });

  it('turns whatever a handler throws into a typed error, and only a bug into an internal one', async () => {
    const thrown = fc.oneof(
      fc.constantFrom(...ERROR_CODES).map((code) => new SiloFailure({ code, detail: 'd' })),
      fc.constantFrom(...ERROR_CODES).map((code) => ({ code, params: { n: 1 } })),
      fc.string().map((m) => new Error(m)),
      fc.string().map((m) => new TypeError(m)),
      junk('clone'),
    );
    await fc.assert(
      fc.asyncProperty(thrown, fc.boolean(), async (reason, sync) => {
        const internal: unknown[] = [];
        const handlers = recordingHandlers([], () => {
          if (sync) throw reason;
          return Promise.reject(reason);
        });
        const reply = await createDispatch(handlers, (e) => internal.push(e))('engines.list', {});
        expect(reply.ok).toBe(false);
        const error = (reply as { error: SiloError }).error;
        expect(ERROR_CODES).toContain(error.code);
        expect(crossesTransports(reply)).toBe(true);
        const typed =
          reason instanceof SiloFailure ||
          (typeof reason === 'object' && reason !== null && (ERROR_CODES as readonly unknown[]).includes((reason as { code?: unknown }).code));
        expect(internal).toHaveLength(typed ? 0 : 1);
        if (!typed) expect(error.code).toBe('internal');
      }),
      { numRuns: 3000 },
    );
  });
});

function check(condition: boolean, what: string, value: unknown): void {
  if (!condition) throw new Error(`${what}: ${show(value)}`);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}
