// Random arguments for every call of the contract, derived from its schemas (through zod's own
// JSON Schema), so a call added to `callSchemas` is fuzzed without touching this file:
// - `validArgs`: values shaped by the schema (most pass it; refinements may still refuse some);
// - `badArgs`: a shaped value broken in one place (a field replaced, a required one dropped, an
//   unknown one added, a bound overstepped), or no object at all.
// The schema itself stays the oracle: a test asks it, never this file, whether a value is valid.
import fc from 'fast-check';
import { z } from 'zod';
import { callSchemas, type CallName } from '../../../src/shared/contract';
import { isReservedKey } from '../../../src/shared/reserved-keys';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
}

/** What may cross the transport: JSON for the browser host; the structured clone for Electron IPC. */
export type Transport = 'json' | 'clone';

const jsonSchemas = new Map<CallName, JsonSchema>();

export function jsonSchemaOf(call: CallName): JsonSchema {
  let schema = jsonSchemas.get(call);
  if (!schema) jsonSchemas.set(call, (schema = z.toJSONSchema(callSchemas[call], { io: 'input', unrepresentable: 'any' }) as JsonSchema));
  return schema;
}

/** Any value the transport can carry, of any shape. */
export function junk(transport: Transport): fc.Arbitrary<unknown> {
  if (transport === 'json') return fc.jsonValue({ maxDepth: 3 });
  return fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
  });
}

/** Values the schema describes (arrays and strings kept short; bounds are probed by `badArgs`). */
export function shaped(schema: JsonSchema, transport: Transport, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((s) => shaped(s, transport, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => shaped({ ...schema, type: t }, transport, depth + 1)));
  switch (type[0]) {
    case 'string':
      return shapedString(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e9, -1e15), max: Math.min(schema.maximum ?? 1e9, 1e15) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 4, min + 4);
      return fc.array(schema.items ? shaped(schema.items, transport, depth + 1) : junk(transport), { minLength: min, maxLength: max });
    }
    case 'object':
      return shapedObject(schema, transport, depth);
    default:
      return junk(transport);
  }
}

function shapedString(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
  const fits = (s: string) => s.length >= min && s.length <= max;
  const trim = (s: string) => (s.length > max ? s.slice(0, max) : s);
  if (schema.pattern) {
    // A pattern without both anchors lets fast-check add any text around it.
    return fc.stringMatching(new RegExp(schema.pattern)).map(trim).filter(fits);
  }
  const cap = Math.min(max, min + 40);
  return fc.oneof(
    // Mostly words a form would hold (a name, an image, `80:80`, `/a:/b`, `K=V`), then anything.
    {
      arbitrary: fc
        .stringMatching(/^[a-z0-9][a-z0-9_.:/=-]{0,30}$/)
        .map(trim)
        .filter(fits),
      weight: 3,
    },
    { arbitrary: fc.string({ minLength: min, maxLength: cap }), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: cap }), weight: 1 },
  );
}

function shapedObject(schema: JsonSchema, transport: Transport, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const ABSENT = Symbol('absent');
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, value] of Object.entries(properties)) {
    const arbitrary = shaped(value, transport, depth + 1);
    // An optional field is mostly left out, so a form with many of them still passes sometimes.
    model[key] = required.includes(key) ? arbitrary : fc.oneof({ arbitrary: fc.constant(ABSENT), weight: 3 }, { arbitrary, weight: 1 });
  }
  const fixed = fc.record(model).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ABSENT)));
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object') return fixed;
  // A record (z.record): keys from propertyNames, values from additionalProperties.
  const keys = schema.propertyNames ? (shaped(schema.propertyNames, transport, depth + 1) as fc.Arbitrary<string>) : fc.string();
  return fc.tuple(fixed, fc.dictionary(keys, shaped(extra, transport, depth + 1), { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...(a as object) }));
}

type Path = Array<string | number>;

/** Every place in a value a mutation can hit: object keys and array slots. */
function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) {
    out.push([...path, key]);
    places(child, [...path, key], out);
  }
  return out;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  return node;
}

/** The schema that describes the value at `path` (for bound overflows). */
function schemaAt(schema: JsonSchema, path: Path): JsonSchema | null {
  let node: JsonSchema | undefined = schema;
  for (const step of path) {
    if (!node) return null;
    if (typeof step === 'number') node = node.items;
    else node = node.properties?.[step] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return node ?? null;
}

const oneItem = new WeakMap<JsonSchema, unknown>();

/** One step past a bound the schema sets, when it sets one. */
function overflow(schema: JsonSchema | null, transport: Transport): unknown {
  if (!schema) return undefined;
  if (typeof schema.maxLength === 'number' && schema.maxLength < 1_000_000) return 'a'.repeat(schema.maxLength + 1);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) return 'a'.repeat(schema.minLength - 1);
  if (typeof schema.maxItems === 'number' && schema.maxItems <= 20_000 && schema.items) {
    let one = oneItem.get(schema.items);
    if (one === undefined) oneItem.set(schema.items, (one = fc.sample(shaped(schema.items, transport), { numRuns: 1, seed: 1 })[0]));
    return new Array(schema.maxItems + 1).fill(one);
  }
  if (typeof schema.maximum === 'number') return schema.maximum + 1;
  if (typeof schema.minimum === 'number') return schema.minimum - 1;
  return undefined;
}

const MUTATIONS = ['replace', 'drop', 'add', 'overflow'] as const;

/** A shaped value for `call`, broken in one place; or a root that is not an object at all. */
export function badArgs(call: CallName, transport: Transport): fc.Arbitrary<unknown> {
  const schema = jsonSchemaOf(call);
  const broken = fc
    .tuple(shaped(schema, transport), fc.nat(), fc.constantFrom(...MUTATIONS), junk(transport), fc.string({ minLength: 1, maxLength: 12 }))
    .map(([valid, pick, how, replacement, newKey]) => {
      const value = clone(valid) as Record<string, unknown>;
      const all = places(value);
      const path = all.length > 0 ? all[pick % all.length]! : null;
      if (how === 'add' || path === null) {
        const key = Object.prototype.hasOwnProperty.call(schema.properties ?? {}, newKey) ? `${newKey}_x` : newKey;
        // As JSON.parse and the structured clone make it: an own key, even `__proto__`.
        Object.defineProperty(value, key, { value: replacement, enumerable: true, writable: true, configurable: true });
        return value;
      }
      const parent = parentOf(value, path);
      const last = path[path.length - 1]!;
      if (how === 'drop') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      } else if (how === 'overflow') {
        const over = overflow(schemaAt(schema, path), transport);
        parent[last] = over === undefined ? replacement : over;
      } else {
        parent[last] = replacement;
      }
      return value;
    });
  return fc.oneof({ arbitrary: broken, weight: 4 }, { arbitrary: junk(transport), weight: 1 });
}

/** Shaped values, broken values and junk, mixed. */
export function anyArgs(call: CallName, transport: Transport): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: shaped(jsonSchemaOf(call), transport), weight: 1 }, { arbitrary: badArgs(call, transport), weight: 2 });
}

/** The schema's own verdict, as dispatch asks it (a missing argument is an empty object). */
export function schemaAccepts(call: CallName, args: unknown): boolean {
  return callSchemas[call].safeParse(args === undefined ? {} : args).success;
}

/** A `__proto__` key is refused as `reserved-key` (a validation error in plain words), its field ending in that key. */
export function reservedRefusal(error: { code?: string; field?: string } | undefined | null): boolean {
  return error?.code === 'reserved-key' && typeof error.field === 'string' && isReservedKey(error.field.split('.').at(-1) ?? '');
}
