// Keys a JavaScript object cannot hold as plain data: `obj["__proto__"] = v` sets the object's
// prototype instead of a key, so such a key is lost (or worse) wherever a record is copied. Silo
// refuses them in plain words wherever it accepts a record: the contract's maps, label and
// environment lines, daemon.json's objects.
import { z } from 'zod';

export const RESERVED_KEYS: readonly string[] = ['__proto__'];

export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.includes(key);
}

/** The first reserved key that `value` holds as its own, or null (also for a non-object). */
export function reservedKeyIn(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return RESERVED_KEYS.find((key) => Object.prototype.hasOwnProperty.call(value, key)) ?? null;
}

/** The issue's `params` marks it, so dispatch can answer `reserved-key` naming the field. */
export interface ReservedKeyIssueParams {
  reservedKey: string;
}

/**
 * A record schema that refuses a reserved key (zod skips `__proto__` in a record without a word).
 * The issue's path ends in the key, so the field named is `labels.__proto__`.
 */
export function refuseReservedKeys<T extends z.ZodType>(schema: T): z.ZodPreprocess<T, unknown> {
  return z.preprocess((value, ctx) => {
    const key = reservedKeyIn(value);
    if (key !== null) {
      const params: ReservedKeyIssueParams = { reservedKey: key };
      ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is a reserved name and cannot be a key`, params, input: value });
    }
    return value;
  }, schema);
}
