// admin-settings.json: an administrator's locks on Docker Desktop settings, each
// `{ "locked": true|false, "value": … }` (docker/docs settings-management). A locked setting is
// shown locked and never offered. A file that is there but cannot be read is treated as locking
// everything Silo would change: Silo must not work around an administrator by accident.
import { parseJsonSource, toValue, type JsonObjectNode, type JsonValue } from '../../../shared/backends/json-source';
import type { LockedSetting } from '../../../shared/backends/platform-model';
import type { FileOps } from '../file-ops';
import { memberOf } from './settings-file';
import type { DesktopPaths } from './paths';

export interface AdminSettings {
  present: boolean;
  readable: boolean;
  wslEngineEnabled: LockedSetting;
  enhancedContainerIsolation: LockedSetting;
  exposeDockerAPIOnTCP2375: LockedSetting;
  linuxDaemonOptions: { locked: boolean };
  windowsDaemonOptions: { locked: boolean };
  problem: string | null;
}

const OPEN: LockedSetting = { value: null, locked: false };

export async function readAdminSettings(paths: DesktopPaths, fs: FileOps): Promise<AdminSettings> {
  const bytes = await fs.read(paths.adminSettings);
  if (bytes === null) return settingsFrom(null, false, true, null);
  const text = bytes.toString('utf8');
  const parsed = parseJsonSource(text);
  if (!parsed.ok || parsed.root?.kind !== 'object') {
    const why = parsed.ok ? 'does not hold a JSON object' : `is not valid JSON (line ${parsed.error.line}, column ${parsed.error.column})`;
    return settingsFrom(null, true, false, `${paths.adminSettings} ${why}; its settings are treated as locked`);
  }
  return settingsFrom(parsed.root, true, true, null);
}

function settingsFrom(root: JsonObjectNode | null, present: boolean, readable: boolean, problem: string | null): AdminSettings {
  const lock = (...path: string[]): LockedSetting => {
    if (!readable) return { value: null, locked: true };
    const node = root && nodeAt(root, path);
    if (!node) return OPEN;
    const value = toValue(node) as Record<string, JsonValue>;
    return { value: typeof value.value === 'boolean' ? value.value : null, locked: lockedOf(value) };
  };
  return {
    present,
    readable,
    wslEngineEnabled: lock('linuxVM', 'wslEngineEnabled'),
    enhancedContainerIsolation: lock('enhancedContainerIsolation'),
    exposeDockerAPIOnTCP2375: lock('exposeDockerAPIOnTCP2375'),
    linuxDaemonOptions: { locked: lock('linuxVM', 'dockerDaemonOptions').locked },
    windowsDaemonOptions: { locked: lock('windowsContainers', 'dockerDaemonOptions').locked },
    problem,
  };
}

function lockedOf(value: Record<string, JsonValue>): boolean {
  const key = Object.keys(value).find((k) => k.toLowerCase() === 'locked');
  return key !== undefined && value[key] === true;
}

function nodeAt(root: JsonObjectNode, path: string[]): JsonObjectNode | null {
  let node: JsonObjectNode = root;
  for (const key of path) {
    const next = memberOf(node, key)?.value;
    if (!next || next.kind !== 'object') return null;
    node = next;
  }
  return node;
}
