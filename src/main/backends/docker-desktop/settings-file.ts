// Docker Desktop's settings file (settings-store.json from 4.35, settings.json before), read in
// whatever casing it uses (`wslEngineEnabled` or `WslEngineEnabled`; the casing is not settled)
// and written back the same way, one key at a time, every other byte untouched.
import { findMember, parseJsonSource, toValue, type JsonMember, type JsonObjectNode, type JsonValue } from '../../../shared/backends/json-source';
import { replaceNode, setMember } from '../../../shared/backends/json-edit';
import type { FileOps } from '../file-ops';
import type { DesktopPaths } from './paths';

export interface DesktopSettingsFile {
  path: string;
  format: 'settings-store' | 'settings';
  text: string;
  root: JsonObjectNode;
}

export async function readDesktopSettings(paths: DesktopPaths, fs: FileOps): Promise<{ file: DesktopSettingsFile | null; problem: string | null }> {
  for (const [path, format] of [
    [paths.settingsStore, 'settings-store'],
    [paths.settingsLegacy, 'settings'],
  ] as const) {
    const bytes = await fs.read(path);
    if (bytes === null) continue;
    const text = bytes.toString('utf8');
    const parsed = parseJsonSource(text);
    if (!parsed.ok)
      return { file: null, problem: `${path} is not valid JSON (line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message})` };
    if (parsed.root?.kind !== 'object') return { file: null, problem: `${path} does not hold a JSON object` };
    return { file: { path, format, text, root: parsed.root }, problem: null };
  }
  return { file: null, problem: null };
}

/** A key as the file spells it: the exact name first, else the same name in another casing. */
export function memberOf(node: JsonObjectNode, name: string): JsonMember | undefined {
  const exact = findMember(node, name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]?.key.toLowerCase() === lower) return node.members[i];
  return undefined;
}

export function valueOf(node: JsonObjectNode, name: string): JsonValue | undefined {
  const member = memberOf(node, name);
  return member ? toValue(member.value) : undefined;
}

export function booleanSetting(file: DesktopSettingsFile | null, name: string): boolean | null {
  const value = file ? valueOf(file.root, name) : undefined;
  return typeof value === 'boolean' ? value : null;
}

export function stringListSetting(file: DesktopSettingsFile | null, name: string): string[] | null {
  const value = file ? valueOf(file.root, name) : undefined;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

/**
 * The text with one setting changed. An existing key keeps its spelling and place and only its
 * value changes; a missing one is added last, in the casing the file's other keys use.
 */
export function withSetting(text: string, root: JsonObjectNode, name: string, value: JsonValue): string {
  const member = memberOf(root, name);
  if (member) return replaceNode(text, member.value, value);
  return setMember(text, [fileCasing(root, name)], value);
}

function fileCasing(root: JsonObjectNode, name: string): string {
  const upper = root.members.filter((m) => /^[A-Z]/.test(m.key)).length;
  const pascal = upper > root.members.length / 2;
  return pascal ? name.charAt(0).toUpperCase() + name.slice(1) : name.charAt(0).toLowerCase() + name.slice(1);
}
