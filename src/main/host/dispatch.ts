// One door for every call from a page, whatever the transport: the call must be in the
// contract, its argument must pass the call's schema, and every failure comes back as a
// SiloError. Nothing reaches a handler unvalidated. A gate (in-flight.ts) may refuse a valid call
// `busy` before its handler runs.
import { callSchemas, type CallName, type Handlers, type Reply } from '../../shared/contract';
import { siloError, toSiloError, type SiloError } from '../../shared/errors';
import { isReservedKey } from '../../shared/reserved-keys';
import type { CallGate } from './in-flight';

export type Dispatch = (call: unknown, args: unknown) => Promise<Reply>;

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(callSchemas, value);
}

export function createDispatch(handlers: Handlers, onInternalError: (error: unknown) => void = () => undefined, gate?: CallGate): Dispatch {
  return async (call, args) => {
    if (!isCallName(call)) return { ok: false, error: siloError('unknown-call', { field: 'call' }) };
    const parsed = callSchemas[call].safeParse(args === undefined ? {} : args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue ? refusal(issue) : siloError('validation', { field: 'args', detail: 'invalid' }) };
    }
    if (gate && !gate.enter(call)) return { ok: false, error: siloError('busy', { params: { limit: gate.limit } }) };
    try {
      // The schema and the handler are looked up by the same name, so their types agree.
      const handler = handlers[call] as (a: unknown) => Promise<unknown>;
      const result = await handler(parsed.data);
      return { ok: true, result: result ?? null };
    } catch (error) {
      return { ok: false, error: toSiloError(error, onInternalError) };
    } finally {
      gate?.leave(call);
    }
  };
}

/** A reserved key (`__proto__`) is said as such; every other issue is a validation error naming its field. */
function refusal(issue: { path: PropertyKey[]; code: string; message: string }): SiloError {
  const field = fieldOf(issue);
  const key = reservedKeyOf(issue);
  if (key !== null) return siloError('reserved-key', { field, params: { key }, detail: issue.message });
  return siloError('validation', { field, detail: issue.message });
}

/** The reserved key an issue is about: marked by refuseReservedKeys, or an unknown key of a strict object. */
function reservedKeyOf(issue: { code: string }): string | null {
  const { params, keys } = issue as { params?: { reservedKey?: unknown }; keys?: unknown };
  if (issue.code === 'custom' && typeof params?.reservedKey === 'string') return params.reservedKey;
  if (issue.code === 'unrecognized_keys' && Array.isArray(keys))
    return (keys as unknown[]).find((k): k is string => typeof k === 'string' && isReservedKey(k)) ?? null;
  return null;
}

/** The dotted path of the field an issue is about; an unknown key is named itself. */
function fieldOf(issue: { path: PropertyKey[]; code: string }): string {
  const path = issue.path.map(String);
  const keys = (issue as { keys?: unknown }).keys;
  if (issue.code === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0)
    path.push(String(keys.find((k) => typeof k === 'string' && isReservedKey(k)) ?? keys[0]));
  return path.length > 0 ? path.join('.') : 'args';
}
