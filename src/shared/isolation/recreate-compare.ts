// Compare a container's inspect answer before and after a re-create, field by field. Only what is
// expected to differ is ignored: identity and state (Id, Created, State, paths the engine names
// after the id), the runtime or isolation that was changed, the hostname and network alias the
// engine generated from the id, addresses it assigned, and the name when the old one was renamed.
import type { RawContainerInspect, RawEndpointSettings } from '../engine-api';
import { planMounts, destinationKey, isWindowsInspect } from './recreate-mounts';

export interface FieldDifference {
  /** `HostConfig.Memory`, `Config.Labels["com.example.tier"]`, `Mounts["/data"].Name` */
  path: string;
  old: unknown;
  new: unknown;
}

export interface CompareOptions {
  /** The old container was renamed (compared aside to the new one): ignore Name. */
  renamed?: boolean;
  /** The new container was created from another image (a commit, or the id): ignore Image and Config.Image. */
  imageChanged?: boolean;
}

/** Top-level fields that belong to one container's life, not to its configuration. */
const PER_CONTAINER = [
  'Id',
  'Created',
  'State',
  'ResolvConfPath',
  'HostnamePath',
  'HostsPath',
  'LogPath',
  'RestartCount',
  'ExecIDs',
  'GraphDriver',
  'SizeRw',
  'SizeRootFs',
  'MountLabel',
  'ProcessLabel',
  'Node',
];

/** What a person configured for one network; addresses the engine assigned are left out. */
function endpointView(ep: RawEndpointSettings | null | undefined, id: string): Record<string, unknown> {
  const shortId = id.slice(0, 12);
  return {
    NetworkID: ep?.NetworkID,
    IPAMConfig: ep?.IPAMConfig,
    Aliases: (ep?.Aliases ?? []).filter((a) => a !== shortId && a !== id),
    Links: ep?.Links,
    DriverOpts: ep?.DriverOpts,
  };
}

/**
 * The comparable view of one inspect answer. The old one's Binds and Mounts are taken as the plan
 * re-creates them; `reattached` lists the destinations whose volumes are now attached by name.
 */
function view(inspect: RawContainerInspect, isOld: boolean, options: CompareOptions, reattached: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...inspect };
  for (const key of PER_CONTAINER) delete out[key];
  if (options.renamed) delete out['Name'];
  if (options.imageChanged) delete out['Image'];

  const config: Record<string, unknown> = { ...inspect.Config };
  if ((inspect.Config.Hostname ?? '') === inspect.Id.slice(0, 12)) delete config['Hostname'];
  if (options.imageChanged) delete config['Image'];
  out['Config'] = config;

  const hostConfig: Record<string, unknown> = { ...inspect.HostConfig };
  delete hostConfig['Runtime'];
  delete hostConfig['Isolation'];
  if (isOld) {
    // Volumes the old container had without a name in its HostConfig are attached by name now.
    const planned = planMounts(inspect);
    hostConfig['Binds'] = planned.binds;
    hostConfig['Mounts'] = planned.mounts;
  }
  out['HostConfig'] = hostConfig;

  const windows = isWindowsInspect(inspect);
  const mounts: Record<string, unknown> = {};
  for (const m of inspect.Mounts ?? []) {
    const key = destinationKey(m.Destination ?? '', windows);
    const point: Record<string, unknown> = { ...m };
    // The engine gives every volume attached by name the label mode `z`; an anonymous one had "".
    if (reattached.has(key)) delete point['Mode'];
    mounts[key] = point;
  }
  out['Mounts'] = mounts;

  const networks: Record<string, unknown> = {};
  for (const [name, ep] of Object.entries(inspect.NetworkSettings?.Networks ?? {})) networks[name] = endpointView(ep, inspect.Id);
  out['NetworkSettings'] = { Networks: networks };
  return out;
}

/** Go omits false and empty values from JSON: absent, null, false, "", [] and {} say the same. */
const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === false ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const segment = (parent: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (parent === '' ? key : `${parent}.${key}`) : `${parent}[${JSON.stringify(key)}]`;

function equalValues(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalValues(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => equalValues(a[k], b[k]));
  }
  return a === b;
}

function diff(a: unknown, b: unknown, path: string, out: FieldDifference[]): void {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) diff(a[k], b[k], segment(path, k), out);
    return;
  }
  if (!equalValues(a, b)) out.push({ path, old: a, new: b });
}

/**
 * The fields that differ between the old and the new container, ignoring only what a re-create
 * changes by design. Empty values (absent, null, false, "", [], {}) count as equal.
 */
export function compareInspect(oldInspect: RawContainerInspect, newInspect: RawContainerInspect, options: CompareOptions = {}): FieldDifference[] {
  const windows = isWindowsInspect(oldInspect);
  const reattached = new Set(
    planMounts(oldInspect)
      .volumes.filter((v) => v.reattached)
      .map((v) => destinationKey(v.destination, windows)),
  );
  const out: FieldDifference[] = [];
  diff(view(oldInspect, true, options, reattached), view(newInspect, false, options, reattached), '', out);
  return out;
}
