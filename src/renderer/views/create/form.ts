// The create form as the person fills it in: text as typed → the spec the host takes, and every
// problem on the field (and line) it belongs to, checked with the engine's own rules
// (src/shared/validate) as the person types. Pure, tested without a page.
import { checkWindowsCompat, type WindowsCompatVerdict } from '../../../shared/isolation/windows-compat';
import { runtimeChoosable } from '../../../shared/isolation/engine-info';
import type { RootFinding } from '../../../shared/isolation/root-access';
import { findingKey } from './consent';
import type { CreateContainerSpec, RestartPolicyName } from '../../../shared/model/create';
import type { EngineInfo, RuntimeInfo } from '../../../shared/model/engine';
import type { ImageListItem } from '../../../shared/model/image-list';
import type { Rung } from '../../../shared/model/isolation';
import { splitCommandLine, validateCreateSpec, type EngineFacts, type FieldProblem } from '../../../shared/validate';
import type { MessageKey, Params, Translate } from '../../i18n';
import { shownRuntimes } from '../../../shared/isolation/runtime-aliases';

export interface CreateForm {
  image: string;
  name: string;
  command: string;
  entrypoint: string;
  /** One entry per line. */
  env: string;
  ports: string;
  volumes: string;
  network: string;
  restart: RestartPolicyName;
  maxRetries: string;
  memory: string;
  cpus: string;
  labels: string;
  /** Empty: the engine's default. */
  isolation: string;
  /** The root-equivalent findings the person ticked, by findingKey: each finding has its own box. */
  ticked: readonly string[];
  start: boolean;
}

export type FormField =
  'image' | 'name' | 'command' | 'entrypoint' | 'env' | 'ports' | 'volumes' | 'network' | 'restart' | 'memory' | 'cpus' | 'labels' | 'isolation';

export const FORM_FIELDS: readonly FormField[] = [
  'image',
  'name',
  'command',
  'entrypoint',
  'env',
  'ports',
  'volumes',
  'network',
  'restart',
  'memory',
  'cpus',
  'labels',
  'isolation',
];

export const emptyForm = (image = ''): CreateForm => ({
  image,
  name: '',
  command: '',
  entrypoint: '',
  env: '',
  ports: '',
  volumes: '',
  network: '',
  restart: 'no',
  maxRetries: '',
  memory: '',
  cpus: '',
  labels: '',
  isolation: '',
  ticked: [],
  start: true,
});

export interface FormProblem {
  field: FormField;
  /** 1-based line of a multi-line field, or null. */
  line: number | null;
  key: MessageKey;
  params: Params;
}

/** The non-blank lines of a text area, with the 1-based line each came from. */
export function lines(text: string, trim: boolean): { values: string[]; lineOf: number[] } {
  const values: string[] = [];
  const lineOf: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    values.push(trim ? line.trim() : line);
    lineOf.push(i + 1);
  });
  return { values, lineOf };
}

const MULTI_LINE: ReadonlySet<FormField> = new Set(['env', 'ports', 'volumes', 'labels']);

function argv(text: string, field: 'command' | 'entrypoint', problems: FormProblem[]): string[] | undefined {
  if (text.trim() === '') return undefined;
  const split = splitCommandLine(text);
  if (!split.ok) {
    problems.push({ field, line: null, key: split.reason === 'unclosed-quote' ? 'create.rule.unclosedQuote' : 'create.rule.trailingBackslash', params: {} });
    return undefined;
  }
  return split.argv;
}

export interface BuiltSpec {
  spec: CreateContainerSpec;
  problems: FormProblem[];
  /** The choices that give root on the host, each with its box. */
  findings: RootFinding[];
  /** Findings whose box is not ticked yet: the form is not sent while there are any. */
  unticked: RootFinding[];
}

/**
 * The spec the host takes, and every problem found, in field order. `findingsOf` gives the spec's
 * root-equivalent findings (formRootFindings with the engine's facts): a code is acknowledged
 * only when every finding of that code is ticked, so a tick never covers a choice added after it.
 */
export function buildSpec(form: CreateForm, engine: EngineFacts = {}, findingsOf: (spec: CreateContainerSpec) => RootFinding[] = () => []): BuiltSpec {
  const local: FormProblem[] = [];
  const env = lines(form.env, false);
  const ports = lines(form.ports, true);
  const volumes = lines(form.volumes, true);
  const labels = lines(form.labels, false);
  const spec: CreateContainerSpec = { image: form.image.trim() };
  if (form.name.trim() !== '') spec.name = form.name.trim();
  const command = argv(form.command, 'command', local);
  if (command) spec.command = command;
  const entrypoint = argv(form.entrypoint, 'entrypoint', local);
  if (entrypoint) spec.entrypoint = entrypoint;
  if (env.values.length > 0) spec.env = env.values;
  if (ports.values.length > 0) spec.ports = ports.values;
  if (volumes.values.length > 0) spec.volumes = volumes.values;
  if (form.network.trim() !== '') spec.network = form.network.trim();
  if (form.restart !== 'no') {
    spec.restart = { policy: form.restart };
    const retries = form.maxRetries.trim();
    if (form.restart === 'on-failure' && retries !== '') {
      if (/^\d{1,7}$/.test(retries)) spec.restart.maxRetries = Number(retries);
      else local.push({ field: 'restart', line: null, key: 'create.rule.retriesNumber', params: { value: retries } });
    }
  }
  if (form.memory.trim() !== '') spec.memory = form.memory.trim();
  if (form.cpus.trim() !== '') spec.cpus = form.cpus.trim();
  if (labels.values.length > 0) spec.labels = labels.values;
  if (form.isolation.trim() !== '') spec.isolation = form.isolation.trim();
  const findings = findingsOf(spec);
  const ticked = new Set(form.ticked);
  const unticked = findings.filter((f) => !ticked.has(findingKey(f)));
  const acknowledged = [...new Set(findings.map((f) => f.code))].filter((code) => !unticked.some((f) => f.code === code));
  if (acknowledged.length > 0) spec.acknowledged = acknowledged;
  if (form.start) spec.start = true;

  const lineOf: Partial<Record<FormField, number[]>> = { env: env.lineOf, ports: ports.lineOf, volumes: volumes.lineOf, labels: labels.lineOf };
  const shared = validateCreateSpec(spec, engine).map((p) => toFormProblem(p, lineOf));
  const order = (p: FormProblem): number => FORM_FIELDS.indexOf(p.field);
  const problems = [...shared, ...local].sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0));
  return { spec, problems, findings, unticked };
}

/** A problem of the engine's rules on its form field; list indexes become the person's line numbers. */
export function toFormProblem(p: FieldProblem, lineOf: Partial<Record<FormField, number[]>>): FormProblem {
  const [head = '', index] = p.field.split('.');
  const field: FormField = (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : 'image';
  const at = index !== undefined && /^\d+$/.test(index) ? Number(index) : null;
  const map = lineOf[field];
  const line = MULTI_LINE.has(field) && at !== null ? (map?.[at] ?? at + 1) : null;
  const params: Params = { ...(p.params ?? {}) };
  if (p.rule === 'volume-duplicate' && typeof params['other'] === 'number') params['other'] = map?.[params['other']] ?? params['other'] + 1;
  const key: MessageKey = p.rule === 'cpus-range' && params['max'] === '' ? 'validate.cpus-minimum' : `validate.${p.rule}`;
  return { field, line, key, params };
}

/** The message shown under a field: its first problem, with the line it is on. */
export function fieldMessage(problems: readonly FormProblem[], field: FormField, t: Translate): string | null {
  const first = problems.find((p) => p.field === field);
  if (!first) return null;
  const message = t(first.key, first.params);
  return first.line === null ? message : t('create.lineProblem', { line: first.line, message });
}

/** What the form knows of the engine: its OS and the runtimes it offers. */
export function engineFacts(info: Pick<EngineInfo, 'osType' | 'runtimes'> | null): EngineFacts {
  if (!info) return {};
  if (info.osType === 'windows') return { os: 'windows' };
  if (info.osType === 'linux') return { os: 'linux', runtimes: info.runtimes.map((r) => r.name) };
  return {};
}

export interface IsolationOption {
  /** What is sent; empty for the engine's default. */
  value: string;
  mode: string;
  rung: Rung;
  isDefault: boolean;
  /** The runtime's other names (io.containerd.runc.v2 for runc). */
  aliases: string[];
}

/**
 * The isolation choices: the engine's default first (named), then on Windows `process` and
 * `hyperv`, on Linux every runtime the engine offers, each with its rung. Podman's API makes every
 * container under its default runtime, whatever is asked: there the default is the only choice.
 */
export function isolationOptions(
  info: (Pick<EngineInfo, 'osType' | 'runtimes' | 'defaultRuntime' | 'defaultIsolation'> & Partial<Pick<EngineInfo, 'kind'>>) | null,
): IsolationOption[] {
  if (!info) return [];
  const windows = info.osType === 'windows';
  const defaultMode = (windows ? info.defaultIsolation : info.defaultRuntime) ?? '';
  const rungOf = (mode: string): Rung => info.runtimes.find((r: RuntimeInfo) => r.name.toLowerCase() === mode.toLowerCase())?.rung ?? 'unknown';
  // One choice per runtime: its other names (io.containerd.runc.v2 is runc) fold under it; on an
  // engine whose API cannot choose a runtime (Podman), only the default is offered.
  const modes = windows
    ? ['process', 'hyperv'].map((mode) => ({ mode, aliases: [] as string[] }))
    : shownRuntimes(info.runtimes)
        .filter((r) => runtimeChoosable(info, r.name))
        .map((r) => ({ mode: r.name, aliases: r.aliases }));
  return [
    { value: '', mode: defaultMode, rung: defaultMode ? rungOf(defaultMode) : 'unknown', isDefault: true, aliases: [] },
    ...modes.map(({ mode, aliases }) => ({ value: mode, mode, rung: rungOf(mode), isDefault: false, aliases })),
  ];
}

/** The references an image can be chosen by: its tags, or its id when it has none. */
export function imageChoices(images: readonly ImageListItem[]): Array<{ value: string; image: ImageListItem }> {
  const out: Array<{ value: string; image: ImageListItem }> = [];
  for (const image of images) {
    if (image.tags.length === 0) out.push({ value: image.id, image });
    else for (const tag of image.tags) out.push({ value: tag, image });
  }
  return out.sort((a, b) => (a.image.tags.length === 0 ? 1 : 0) - (b.image.tags.length === 0 ? 1 : 0) || a.value.localeCompare(b.value));
}

/**
 * Windows: whether the chosen image runs here under the chosen isolation (the default resolved),
 * from its OsVersion and the host build; null when it does not apply.
 */
export function windowsVerdict(
  image: Pick<ImageListItem, 'os' | 'osVersion'> | undefined,
  info: Pick<EngineInfo, 'osType' | 'hostBuild' | 'defaultIsolation' | 'kind'> | null,
  isolation: string,
): WindowsCompatVerdict | null {
  if (!info || info.osType !== 'windows' || !image || image.os !== 'windows') return null;
  const mode = (isolation === '' || isolation === 'default' ? info.defaultIsolation : isolation) ?? null;
  if (mode !== 'process' && mode !== 'hyperv') return null;
  const host = info.hostBuild === null ? null : { major: null, minor: null, build: info.hostBuild, revision: null };
  return checkWindowsCompat(image.osVersion, host, info.kind)[mode];
}
