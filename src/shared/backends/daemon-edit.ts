// The edits Silo makes to daemon.json, each touching only what it must: every other key, the
// key order, the indentation and the line endings stay as the file had them. The result is
// validated like any other text before it is written. Pure.
import { appendItem, findMember, parseForEdit, removeItem, removeMember, replaceNode, setMember } from './json-edit';
import type { JsonValue } from './json-source';
import type { RuntimeSpec } from './daemon-model';
import { parseExecOpt } from './daemon-runtimes';

/**
 * Set `default-runtime`. The key is always written, `runc` included: on SIGHUP dockerd keeps its
 * current default when the key is absent, so removing it would not switch back.
 */
export function setDefaultRuntime(text: string, runtime: string): string {
  return setMember(text, ['default-runtime'], runtime);
}

/** Register a runtime (or replace its entry) under `runtimes`. */
export function addRuntime(text: string, name: string, spec: RuntimeSpec): string {
  const value: { [key: string]: JsonValue } = {};
  if ('path' in spec) {
    value.path = spec.path;
    if (spec.runtimeArgs) value.runtimeArgs = [...spec.runtimeArgs];
  } else {
    value.runtimeType = spec.runtimeType;
    if (spec.options) value.options = spec.options;
  }
  return setMember(text, ['runtimes', name], value);
}

/** Remove a runtime from `runtimes` (the validation refuses a default-runtime left naming it). */
export function removeRuntime(text: string, name: string): string {
  return removeMember(text, ['runtimes', name]);
}

/**
 * Set the Windows default isolation in `exec-opts` (`isolation=process|hyperv`), or remove it
 * with null. The first isolation entry is rewritten in place, any later ones removed, other
 * exec-opts kept.
 */
export function setWindowsIsolation(text: string, mode: 'process' | 'hyperv' | null): string {
  const root = parseForEdit(text);
  const list = root ? findMember(root, 'exec-opts')?.value : undefined;
  if (!list || list.kind !== 'array') return mode === null ? text : setMember(text, ['exec-opts'], [`isolation=${mode}`]);
  const isolationAt = list.items.flatMap((item, index) => (item.kind === 'string' && parseExecOpt(item.value)?.key === 'isolation' ? [index] : []));
  let out = text;
  // Remove from the end so the earlier offsets stay valid.
  const keep = mode === null ? -1 : (isolationAt[0] ?? -1);
  for (const index of [...isolationAt].reverse()) {
    if (index === keep) continue;
    out = removeItemAt(out, index);
  }
  if (mode === null) return out;
  if (keep >= 0) {
    const fresh = execOptsList(out);
    const node = fresh?.items[keep];
    return node ? replaceNode(out, node, `isolation=${mode}`) : out;
  }
  const fresh = execOptsList(out);
  return fresh ? appendItem(out, fresh, `isolation=${mode}`) : out;
}

function execOptsList(text: string) {
  const root = parseForEdit(text);
  const list = root ? findMember(root, 'exec-opts')?.value : undefined;
  return list?.kind === 'array' ? list : null;
}

function removeItemAt(text: string, index: number): string {
  const list = execOptsList(text);
  return list ? removeItem(text, list, index) : text;
}
