// `docker run -v` specs as the engine's parsers read them (moby volume/mounts linux_parser and
// windows_parser): `[source:]destination[:options]`. A source that is an absolute path is a bind;
// another source is a volume's name; no source is an anonymous volume.
import { bindParts, destinationKey } from '../isolation/recreate-mounts';
import { isEngineSocketSource } from '../isolation/socket-mount';
import { isVolumeName } from './names';
import { problem, type FieldProblem } from './problem';

export type VolumeOs = 'linux' | 'windows';

export interface VolumeSpec {
  kind: 'bind' | 'volume' | 'anonymous';
  source: string;
  destination: string;
  /** The options as written (`ro,z`). */
  mode: string;
  readOnly: boolean;
}

const LINUX_MODES: Record<string, string> = {
  rw: 'access',
  ro: 'access',
  z: 'label',
  Z: 'label',
  shared: 'propagation',
  rshared: 'propagation',
  slave: 'propagation',
  rslave: 'propagation',
  private: 'propagation',
  rprivate: 'propagation',
  nocopy: 'copy',
  consistent: 'consistency',
  cached: 'consistency',
  delegated: 'consistency',
};
const WINDOWS_MODES: Record<string, string> = { rw: 'access', ro: 'access' };

/** A spec that reads as Windows when the engine's OS is not known: a backslash (`b:/x` is a volume `b`). */
export const looksWindows = (spec: string): boolean => /\\/.test(spec);

function validMode(mode: string, os: VolumeOs): boolean {
  if (mode === '') return true;
  const table = os === 'windows' ? WINDOWS_MODES : LINUX_MODES;
  const seen = new Set<string>();
  for (const m of mode.split(',')) {
    const category = table[m];
    if (category === undefined || seen.has(category)) return false;
    seen.add(category);
  }
  return true;
}

const isWindowsPath = (p: string): boolean => /^[A-Za-z]:[\\/]/.test(p);
const isPipe = (p: string): boolean => /^[\\/]{2}[.?][\\/]pipe[\\/][^\\/]+$/i.test(p);

export type VolumeResult = { ok: true; spec: VolumeSpec } | { ok: false; problem: FieldProblem };

export function parseVolumeSpec(raw: string, os: VolumeOs = looksWindows(raw) ? 'windows' : 'linux', field = 'volumes'): VolumeResult {
  const fail = (rule: FieldProblem['rule'], params: Record<string, string | number> = {}): VolumeResult => ({
    ok: false,
    problem: problem(field, rule, { value: raw, ...params }),
  });
  const text = raw.trim();
  if (text === '') return fail('volume-spec');
  let source = '';
  let destination = '';
  let mode = '';
  if (os === 'windows') {
    const parts = bindParts(text, true);
    ({ source, destination, options: mode } = parts);
    // `C:\dst:ro` has no source: the engine reads it as destination and mode.
    if (source !== '' && !isWindowsPath(destination) && !isPipe(destination) && validMode(destination, os) && (isWindowsPath(source) || isPipe(source))) {
      mode = destination;
      destination = source;
      source = '';
    }
  } else {
    const parts = text.split(':');
    if (parts.length > 3) return fail('volume-spec');
    // `/dst:ro` is refused by the engine: a volume without a source takes no options.
    if (parts.length === 2 && validMode(parts[1] ?? '', os)) return fail('volume-spec');
    if (parts.length === 1) destination = parts[0] ?? '';
    else [source, destination, mode] = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
  }
  if (!validMode(mode, os)) return fail('volume-mode', { mode });
  if (os === 'windows') {
    if (!(isWindowsPath(destination) || isPipe(destination)) || /^[A-Za-z]:[\\/]?$/.test(destination)) return fail('volume-destination', { destination });
  } else if (!destination.startsWith('/') || destinationKey(destination, false) === '/') return fail('volume-destination', { destination });

  const isBind = os === 'windows' ? isWindowsPath(source) || isPipe(source) : source.startsWith('/');
  const kind: VolumeSpec['kind'] = source === '' ? 'anonymous' : isBind ? 'bind' : 'volume';
  if (kind === 'volume' && !isVolumeName(source)) return fail('volume-name', { name: source });
  if (kind === 'bind' && mode.split(',').includes('nocopy')) return fail('volume-mode', { mode });
  // Propagation belongs to binds: on a volume the engine refuses it ("field BindOptions must not be specified").
  if (kind !== 'bind' && os === 'linux' && mode.split(',').some((m) => LINUX_MODES[m] === 'propagation')) return fail('volume-mode', { mode });
  return { ok: true, spec: { kind, source, destination, mode, readOnly: mode.split(',').includes('ro') } };
}

export interface VolumeCheck {
  os?: VolumeOs;
  /** The person asked, explicitly, to mount the engine's socket. */
  allowEngineSocket?: boolean;
}

/** Every spec: its grammar, one mount per destination, and no engine socket without consent. */
export function validateVolumes(specs: readonly string[] | undefined, check: VolumeCheck = {}, field = 'volumes'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Map<string, number>();
  (specs ?? []).forEach((raw, i) => {
    const f = `${field}.${i}`;
    const os = check.os ?? (looksWindows(raw) ? 'windows' : 'linux');
    const r = parseVolumeSpec(raw, os, f);
    if (!r.ok) return void out.push(r.problem);
    const key = destinationKey(r.spec.destination, os === 'windows');
    const first = seen.get(key);
    if (first !== undefined) out.push(problem(f, 'volume-duplicate', { destination: r.spec.destination, other: first }));
    else seen.set(key, i);
    if (r.spec.kind === 'bind' && isEngineSocketSource(r.spec.source) && check.allowEngineSocket !== true) {
      out.push(problem(f, 'engine-socket', { source: r.spec.source }));
    }
  });
  return out;
}
