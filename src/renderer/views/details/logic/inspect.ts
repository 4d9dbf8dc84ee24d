// The inspect answer made readable: sections (the container, its state, config, host config,
// mounts, networks), each a list of fields named by their Engine API path, with empty fields set
// apart; and a search over field names and values. Pure: the raw answer in, rows out.

export type InspectSectionId = 'container' | 'state' | 'config' | 'hostConfig' | 'mounts' | 'networks';

export const INSPECT_SECTIONS: readonly InspectSectionId[] = ['container', 'state', 'config', 'hostConfig', 'mounts', 'networks'];

export interface InspectField {
  /** The path under the section, as the Engine API names it (`RestartPolicy › Name`). */
  key: string;
  /** The value as text; several lines for a list (`Env`, `Cmd`). */
  value: string;
  /** Null, an empty string, list or map. */
  empty: boolean;
}

export interface InspectSection {
  id: InspectSectionId;
  fields: InspectField[];
}

export interface MountRow {
  type: string;
  source: string;
  destination: string;
  mode: string;
  writable: boolean;
  propagation: string;
}

export const PATH_SEPARATOR = ' › ';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): boolean => v === null || v === undefined || typeof v !== 'object';

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `HostIp:HostPort` for each binding of a port (`Ports`, `PortBindings`). */
function bindingsText(v: unknown): string | null {
  if (!Array.isArray(v) || !v.every((b) => isObject(b) && ('HostPort' in b || 'HostIp' in b))) return null;
  return v
    .map((b) => {
      const { HostIp, HostPort } = b as { HostIp?: string; HostPort?: string };
      const ip = HostIp ?? '';
      return `${ip.includes(':') ? `[${ip}]` : ip}${ip ? ':' : ''}${HostPort ?? ''}`;
    })
    .join('\n');
}

/** Flattens `value` under `path` into fields: scalars and lists of scalars are leaves. */
function flatten(value: unknown, path: string[], out: InspectField[]): void {
  const key = path.join(PATH_SEPARATOR);
  if (isEmptyValue(value)) {
    if (path.length > 0) out.push({ key, value: Array.isArray(value) ? '[]' : isObject(value) ? '{}' : scalarText(value), empty: true });
    return;
  }
  if (isScalar(value)) {
    out.push({ key, value: scalarText(value), empty: false });
    return;
  }
  if (Array.isArray(value)) {
    const bindings = bindingsText(value);
    if (bindings !== null) out.push({ key, value: bindings, empty: false });
    else if (value.every(isScalar)) out.push({ key, value: value.map(scalarText).join('\n'), empty: false });
    else value.forEach((item, i) => flatten(item, [...path, String(i)], out));
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, [...path, k], out);
}

function fieldsOf(value: unknown): InspectField[] {
  const out: InspectField[] = [];
  if (isObject(value)) flatten(value, [], out);
  return out;
}

const SECTION_KEYS: Partial<Record<InspectSectionId, string>> = { state: 'State', config: 'Config', hostConfig: 'HostConfig', networks: 'NetworkSettings' };
const OWN_SECTION = new Set(['State', 'Config', 'HostConfig', 'NetworkSettings', 'Mounts']);

/** The readable sections of an inspect answer; fields of the engine Silo does not know are kept. */
export function inspectSections(raw: Record<string, unknown>): InspectSection[] {
  return INSPECT_SECTIONS.map((id) => {
    if (id === 'container') {
      // Everything at the top that has no section of its own (Id, Name, Created, GraphDriver…).
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) if (!OWN_SECTION.has(k)) rest[k] = v;
      return { id, fields: fieldsOf(rest) };
    }
    // Mounts read better as a table (mountRows).
    if (id === 'mounts') return { id, fields: [] };
    return { id, fields: fieldsOf(raw[SECTION_KEYS[id]!]) };
  });
}

/** The container's mounts as a table. */
export function mountRows(raw: Record<string, unknown>): MountRow[] {
  const mounts = Array.isArray(raw.Mounts) ? raw.Mounts : [];
  return mounts.filter(isObject).map((m) => ({
    type: scalarText(m.Type),
    source: scalarText(m.Source) || scalarText(m.Name),
    destination: scalarText(m.Destination),
    mode: scalarText(m.Mode),
    writable: m.RW !== false,
    propagation: scalarText(m.Propagation),
  }));
}

/** Mounts with the query in any of their fields (any case). */
export function filterMounts(rows: readonly MountRow[], query: string): MountRow[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...rows];
  return rows.filter((m) => [m.type, m.source, m.destination, m.mode, m.propagation].some((v) => v.toLowerCase().includes(needle)));
}

/** Fields whose name or value contains the query (any case); all of them for an empty query. */
export function filterFields(fields: readonly InspectField[], query: string, showEmpty: boolean): InspectField[] {
  const needle = query.trim().toLowerCase();
  return fields.filter((f) => (showEmpty || !f.empty) && (needle === '' || f.key.toLowerCase().includes(needle) || f.value.toLowerCase().includes(needle)));
}

/** The raw JSON as a person reads it: two-space indentation, keys in the engine's order. */
export function rawJson(raw: Record<string, unknown>): string {
  return JSON.stringify(raw as Json, null, 2);
}
