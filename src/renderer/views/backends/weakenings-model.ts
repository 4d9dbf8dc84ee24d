// The weakenings the Engine settings view shows before Apply: the shared rules run here as the
// person types (or picks a runtime), and main's answer for the same text once it is back (it adds
// what only the disk can tell: runtime binaries someone else may change). Pure.
import { findWeakenings } from '../../../shared/backends/weakenings';
import type { JsonValue } from '../../../shared/backends/json-source';
import { validateDaemonJson } from '../../../shared/backends/daemon-validate';
import type { DaemonRead, DaemonWeakening } from '../../../shared/model/backends';

type EditableRead = Extract<DaemonRead, { editable: true }>;
type Config = Record<string, JsonValue>;

// The file on disk is parsed once per read, not once per keystroke.
const onDisk = new WeakMap<EditableRead, Config | null>();

function configOnDisk(read: EditableRead): Config | null {
  if (!onDisk.has(read)) onDisk.set(read, read.exists ? validateDaemonJson(read.text, { platform: read.platform }).config : null);
  return onDisk.get(read) ?? null;
}

/** The draft's weakenings: main's for this very text when it answered, else the shared rules'. */
export function weakeningsOfDraft(read: EditableRead, draft: Config, fromServer?: DaemonWeakening[]): DaemonWeakening[] {
  if (fromServer) return fromServer;
  return findWeakenings(draft, configOnDisk(read), { platform: read.platform, commandLineFlags: read.commandLineFlags });
}

/** What one key's change (the default runtime, the Windows isolation) weakens; [] when the edit cannot be made. */
export function weakeningsOfEdit(read: EditableRead, edit: (text: string) => string): DaemonWeakening[] {
  let next: Config | null;
  try {
    next = validateDaemonJson(edit(read.text), { platform: read.platform }).config;
  } catch {
    return [];
  }
  return next ? weakeningsOfDraft(read, next) : [];
}
