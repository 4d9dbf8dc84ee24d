// A readable difference between two daemon.json texts, as data for the editor: which keys are
// added, removed or changed, following objects down (runtimes.runsc.path) and comparing lists
// and plain values whole. Pure.
import { parseJsonSource, toValue, type JsonValue } from './json-source';
import type { DaemonChange } from './daemon-model';

/** The changes from `before` to `after`, or null when either text is not a JSON object (or empty). */
export function diffDaemonJson(before: string, after: string): DaemonChange[] | null {
  const a = objectOf(before);
  const b = objectOf(after);
  if (a === null || b === null) return null;
  const changes: DaemonChange[] = [];
  diffObjects(a, b, [], changes);
  return changes;
}

function objectOf(text: string): Record<string, JsonValue> | null {
  const parsed = parseJsonSource(text);
  if (!parsed.ok) return null;
  if (parsed.root === null) return {};
  const value = toValue(parsed.root);
  return isObject(value) ? value : null;
}

function diffObjects(a: Record<string, JsonValue>, b: Record<string, JsonValue>, path: string[], out: DaemonChange[]): void {
  for (const [key, before] of Object.entries(a)) {
    const at = [...path, key];
    if (!Object.hasOwn(b, key)) out.push({ path: at, kind: 'removed', before });
    else {
      const after = b[key] as JsonValue;
      if (isObject(before) && isObject(after)) diffObjects(before, after, at, out);
      else if (!sameValue(before, after)) out.push({ path: at, kind: 'changed', before, after });
    }
  }
  for (const [key, after] of Object.entries(b)) if (!Object.hasOwn(a, key)) out.push({ path: [...path, key], kind: 'added', after });
}

function isObject(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values (key order does not matter). */
export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

/** The top-level keys a change touches. */
export function changedKeys(changes: readonly DaemonChange[]): string[] {
  return [...new Set(changes.map((c) => c.path[0] as string))];
}
