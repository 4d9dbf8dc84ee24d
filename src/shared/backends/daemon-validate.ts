// Validation of a whole daemon.json before anything is written: JSON syntax (with line and
// column), known keys, value types, keys also set on dockerd's command line, and the runtime
// and exec-opt rules (validate-runtimes.ts). Pure: whether a runtime's binary exists on disk is
// checked by the main process from `runtimePaths`.
import { isReservedKey } from '../reserved-keys';
import { MAX_JSON_DEPTH, parseJsonSource, toValue, type JsonNode, type JsonObjectNode, type JsonValue } from './json-source';
import { DAEMON_KEYS, FLAG_AND_FILE_ALLOWED, FLAG_TO_KEY, LOG_LEVELS, type KeyType } from './daemon-keys';
import type { DaemonProblem, DaemonPlatform } from './daemon-model';
import { ProblemList, hasErrors } from './daemon-problems';
import { checkExecOpts, checkRuntimes, type RuntimePathCheck } from './daemon-runtimes';

export interface ValidateOptions {
  platform: DaemonPlatform;
  /** Flags set on dockerd's command line (long names such as `iptables`, or short letters). */
  commandLineFlags?: readonly string[];
  /** Runtimes registered on dockerd's command line with --add-runtime. */
  commandLineRuntimes?: readonly string[];
}

export interface DaemonReport {
  /** No problem of severity `error`. */
  ok: boolean;
  problems: DaemonProblem[];
  /** The file's value; `{}` for an empty file, null when it is not a JSON object. */
  config: Record<string, JsonValue> | null;
  /** Runtime binaries the main process must find on disk, with where their path is written. */
  runtimePaths: (RuntimePathCheck & { line: number; column: number })[];
}

/** The longest daemon.json Silo reads or writes, in characters (real files are a few KB). */
export const MAX_CONFIG_TEXT = 1_048_576;

export function validateDaemonJson(text: string, options: ValidateOptions): DaemonReport {
  const problems = new ProblemList(text);
  if (text.length > MAX_CONFIG_TEXT) {
    problems.error('too-large', null, null, `The file is ${text.length} characters long; Silo checks files up to ${MAX_CONFIG_TEXT} characters (1 MiB)`, {
      size: text.length,
      limit: MAX_CONFIG_TEXT,
    });
    return { ok: false, problems: problems.items, config: null, runtimePaths: [] };
  }
  const parsed = parseJsonSource(text);
  if (!parsed.ok) {
    const { error } = parsed;
    if (error.reason === 'too-deep') {
      problems.error('too-deep', null, error.offset, error.message, { limit: MAX_JSON_DEPTH });
      return { ok: false, problems: problems.items, config: null, runtimePaths: [] };
    }
    problems.error('syntax', null, error.offset, `The file is not valid JSON: line ${error.line}, column ${error.column}: ${error.message}`, {
      message: error.message,
    });
    return { ok: false, problems: problems.items, config: null, runtimePaths: [] };
  }
  const root = parsed.root;
  if (root === null) return { ok: true, problems: [], config: {}, runtimePaths: [] };
  if (root.kind !== 'object') {
    problems.error('not-an-object', null, root.start, 'daemon.json must hold one JSON object, between { and }');
    return { ok: false, problems: problems.items, config: null, runtimePaths: [] };
  }
  checkDuplicates(root, '', problems);
  checkKeys(root, options, problems);
  checkFlagConflicts(root, options.commandLineFlags ?? [], problems);
  const runtimePaths = checkRuntimes(root, options, problems).map((check) => ({ ...check, ...problems.position(check.offset) }));
  checkExecOpts(root, options.platform, problems);
  return { ok: !hasErrors(problems.items), problems: problems.items, config: toValue(root) as Record<string, JsonValue>, runtimePaths };
}

function checkDuplicates(node: JsonNode, prefix: string, problems: ProblemList): void {
  if (node.kind === 'array') {
    node.items.forEach((item) => checkDuplicates(item, prefix, problems));
    return;
  }
  if (node.kind !== 'object') return;
  const seen = new Set<string>();
  for (const member of node.members) {
    const path = prefix ? `${prefix}.${member.key}` : member.key;
    if (seen.has(member.key))
      problems.error('duplicate-key', path, member.keyStart, `"${path}" appears more than once; dockerd would silently use the last one`);
    seen.add(member.key);
    if (isReservedKey(member.key)) problems.error('reserved-key', path, member.keyStart, `"${member.key}" is a reserved name and cannot be a key`);
    checkDuplicates(member.value, path, problems);
  }
}

function checkKeys(root: JsonObjectNode, options: ValidateOptions, problems: ProblemList): void {
  for (const member of root.members) {
    const rule = Object.hasOwn(DAEMON_KEYS, member.key) ? DAEMON_KEYS[member.key] : undefined;
    if (!rule) {
      if (isReservedKey(member.key)) continue; // said once, as reserved-key
      problems.error('unknown-key', member.key, member.keyStart, `"${member.key}" is not a daemon.json option; dockerd refuses to start with it`);
      continue;
    }
    if (rule.platform === 'linux' && options.platform === 'windows') {
      problems.error('other-platform-key', member.key, member.keyStart, `"${member.key}" is an option of Linux engines only; a Windows engine refuses it`, {
        platform: 'linux',
      });
      continue;
    }
    checkType(member.key, rule.type, member.value, problems);
  }
}

const TYPE_WORDS: Record<KeyType, string> = {
  string: 'a string in double quotes',
  boolean: 'true or false',
  integer: 'a whole number',
  'string-list': 'a list of strings, like ["a", "b"]',
  'string-map': 'an object whose values are strings',
  'boolean-map': 'an object whose values are true or false',
  object: 'an object, between { and }',
  runtimes: 'an object of runtimes, between { and }',
  'address-pools': 'a list of {"base": "…", "size": …} objects',
  any: 'any value',
};

function checkType(key: string, type: KeyType, node: JsonNode, problems: ProblemList): void {
  const wrong = (at: JsonNode = node): void => problems.error('wrong-type', key, at.start, `"${key}" must be ${TYPE_WORDS[type]}`, { expected: type });
  switch (type) {
    case 'string':
      if (node.kind !== 'string') return wrong();
      if (key === 'log-level' && !LOG_LEVELS.includes(node.value))
        problems.error('bad-value', key, node.start, `"log-level" must be one of ${LOG_LEVELS.join(', ')}`, { value: node.value });
      return;
    case 'boolean':
      return node.kind === 'boolean' ? undefined : wrong();
    case 'integer':
      return node.kind === 'number' && Number.isInteger(node.value) ? undefined : wrong();
    case 'string-list':
      if (node.kind !== 'array') return wrong();
      return node.items.filter((i) => i.kind !== 'string').forEach((i) => wrong(i));
    case 'string-map':
    case 'boolean-map': {
      if (node.kind !== 'object') return wrong();
      const kind = type === 'string-map' ? 'string' : 'boolean';
      return node.members.filter((m) => m.value.kind !== kind).forEach((m) => wrong(m.value));
    }
    case 'object':
    case 'runtimes':
      return node.kind === 'object' ? undefined : wrong();
    case 'address-pools':
      if (node.kind !== 'array') return wrong();
      return node.items.filter((i) => i.kind !== 'object').forEach((i) => wrong(i));
    case 'any':
      return;
  }
}

function checkFlagConflicts(root: JsonObjectNode, flags: readonly string[], problems: ProblemList): void {
  const keys = new Set(flags.map((flag) => (Object.hasOwn(FLAG_TO_KEY, flag) ? (FLAG_TO_KEY[flag] as string) : flag)));
  for (const member of root.members) {
    if (!keys.has(member.key) || FLAG_AND_FILE_ALLOWED.includes(member.key)) continue;
    problems.error(
      'flag-conflict',
      member.key,
      member.keyStart,
      `"${member.key}" is also set on the engine's command line; dockerd refuses an option set in both places`,
    );
  }
}
