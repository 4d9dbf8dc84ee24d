// The Settings view's pure parts: the editor's live check (the same rules main applies, run here
// as the person types), the runtime choices on the ladder, an engine's default isolation at a
// glance, and the remote-engine form.
import { diffDaemonJson, validateDaemonJson } from '../../../shared/backends';
import type { DaemonChange, DaemonProblem, DaemonRead, DaemonWeakening, EngineDefaults, RemoteEngineInput } from '../../../shared/model/backends';
import type { EngineEndpoint, EngineSnapshot, RuntimeInfo } from '../../../shared/model/engine';
import type { Rung } from '../../../shared/model/isolation';
import type { SiloError } from '../../../shared/errors';
import { sshDashPart } from '../../../shared/validate/ssh-address';
import { rungLevel } from '../../format/isolation';
import type { DefaultsEntry } from '../../stores/backends-platform';
import { weakeningsOfDraft } from './weakenings-model';
import { shownRuntimes } from '../../../shared/isolation/runtime-aliases';

export type EditableRead = Extract<DaemonRead, { editable: true }>;

export interface EditorModel {
  problems: DaemonProblem[];
  errors: number;
  /** From the file on disk to the draft; null while either is not a JSON object. */
  changes: DaemonChange[] | null;
  dirty: boolean;
  /** The file changed on disk since the draft started from it. */
  stale: boolean;
  /** What the draft weakens over the file on disk; each must be ticked before Apply. */
  weakenings: DaemonWeakening[];
  /** How many of them are not ticked yet. */
  unacknowledged: number;
  canApply: boolean;
}

/** The server's extra problems for this very text (binaries on disk), joined to the live ones. */
export function editorModel(
  read: EditableRead,
  draft: string,
  draftBase: string | null,
  serverCheck: { text: string; problems: DaemonProblem[]; weakenings?: DaemonWeakening[] } | null,
  acknowledged: readonly string[] = [],
): EditorModel {
  const report = validateDaemonJson(draft, {
    platform: read.platform,
    commandLineFlags: read.commandLineFlags,
    commandLineRuntimes: read.commandLineRuntimes,
  });
  const fromServer = serverCheck?.text === draft ? serverCheck.problems.filter((p) => p.code === 'runtime-path-missing') : [];
  const problems = [...report.problems, ...fromServer].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const dirty = draft !== read.text;
  const stale = dirty && draftBase !== null && draftBase !== read.sha256;
  const weakenings =
    errors === 0 && report.config ? weakeningsOfDraft(read, report.config, serverCheck?.text === draft ? serverCheck.weakenings : undefined) : [];
  const unacknowledged = weakenings.filter((w) => !acknowledged.includes(w.id)).length;
  return {
    problems,
    errors,
    changes: diffDaemonJson(read.text, draft),
    dirty,
    stale,
    weakenings,
    unacknowledged,
    canApply: dirty && errors === 0 && !stale && unacknowledged === 0,
  };
}

/** The text offset of a 1-based line and column (for moving the caret to a problem). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

export interface RuntimeChoice {
  name: string;
  rung: Rung;
  isDefault: boolean;
  /** Its other names, folded under it (io.containerd.runc.v2 under runc). */
  aliases: string[];
}

/** The engine's runtimes, weakest boundary first (unknown last), then by name. */
export function runtimeChoices(runtimes: readonly RuntimeInfo[]): RuntimeChoice[] {
  const level = (rung: Rung) => rungLevel(rung) ?? 99;
  return shownRuntimes(runtimes)
    .map((r) => ({ name: r.name, rung: r.rung, isDefault: r.isDefault, aliases: r.aliases }))
    .sort((a, b) => level(a.rung) - level(b.rung) || a.name.localeCompare(b.name));
}

export type EngineIsolation =
  { kind: 'known'; mode: string; rung: Rung | null } | { kind: 'asking' } | { kind: 'unknown' } | { kind: 'no-answer'; error: SiloError };

/** The active engine's default from its info; another's only once the person has asked. */
export function engineIsolation(endpoint: EngineEndpoint, snapshot: EngineSnapshot | null, defaults: ReadonlyMap<string, DefaultsEntry>): EngineIsolation {
  const info = endpoint.active && snapshot?.endpoint?.id === endpoint.id ? snapshot.info : null;
  if (info) {
    const mode = info.osType === 'windows' ? info.defaultIsolation : info.defaultRuntime;
    if (mode) return { kind: 'known', mode, rung: info.runtimes.find((r) => r.name === mode)?.rung ?? null };
  }
  const entry = defaults.get(endpoint.id);
  if (!entry) return { kind: 'unknown' };
  if (entry.asking) return { kind: 'asking' };
  return fromDefaults(entry.value);
}

function fromDefaults(value: EngineDefaults): EngineIsolation {
  if (value.error) return { kind: 'no-answer', error: value.error };
  const mode = value.osType === 'windows' ? value.defaultIsolation : value.defaultRuntime;
  return mode ? { kind: 'known', mode, rung: value.rung } : { kind: 'unknown' };
}

export interface RemoteForm {
  name: string;
  description: string;
  host: string;
  ca: string;
  cert: string;
  key: string;
  skipVerify: boolean;
}

export const EMPTY_REMOTE_FORM: RemoteForm = { name: '', description: '', host: '', ca: '', cert: '', key: '', skipVerify: false };

export type RemoteProblem = 'name' | 'host' | 'ssh-option' | 'ca' | 'pair' | 'pem';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;
const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/;

export function isTls(form: Pick<RemoteForm, 'host'>): boolean {
  return /^tcp:\/\//i.test(form.host.trim());
}

/** The form's problems by field (empty when it can be sent). main checks the certificates themselves. */
export function remoteProblems(form: RemoteForm): Partial<Record<'name' | 'host' | 'ca' | 'cert' | 'key', RemoteProblem>> {
  const problems: Partial<Record<'name' | 'host' | 'ca' | 'cert' | 'key', RemoteProblem>> = {};
  const name = form.name.trim();
  if (!NAME.test(name) || name === 'default' || name.length > 64) problems.name = 'name';
  if (!/^(tcp|ssh):\/\/\S+$/i.test(form.host.trim())) problems.host = 'host';
  else if (sshDashPart(form.host) !== null) problems.host = 'ssh-option';
  if (!isTls(form)) return problems;
  for (const field of ['ca', 'cert', 'key'] as const) if (form[field].trim() && !PEM.test(form[field])) problems[field] = 'pem';
  if (!problems.ca && !form.ca.trim() && !form.skipVerify) problems.ca = 'ca';
  if (Boolean(form.cert.trim()) !== Boolean(form.key.trim())) problems[form.cert.trim() ? 'key' : 'cert'] ??= 'pair';
  return problems;
}

/** The call's argument: TLS files only for a tcp address, empty fields left out. */
export function remoteInput(form: RemoteForm): RemoteEngineInput {
  const host = form.host.trim();
  const input: RemoteEngineInput = { name: form.name.trim(), host };
  if (form.description.trim()) input.description = form.description.trim();
  if (isTls(form)) {
    const tls: NonNullable<RemoteEngineInput['tls']> = {};
    if (form.ca.trim()) tls.ca = form.ca;
    if (form.cert.trim()) tls.cert = form.cert;
    if (form.key.trim()) tls.key = form.key;
    if (form.skipVerify) tls.skipVerify = true;
    input.tls = tls;
  }
  return input;
}

/** The docker context an endpoint comes from, when it is one. */
export function isContextEndpoint(endpoint: EngineEndpoint): boolean {
  return endpoint.source === 'context' || endpoint.source === 'current-context' || endpoint.source === 'docker-context';
}
