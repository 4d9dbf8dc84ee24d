// The rules for `runtimes`, `default-runtime` and `exec-opts`, as dockerd applies them at start
// and on reload (moby daemon/config, daemon_windows.go setDefaultIsolation). Pure.
import { findMember, type JsonObjectNode } from './json-source';
import { BUILTIN_RUNTIMES } from './daemon-keys';
import type { DaemonPlatform } from './daemon-model';
import type { ProblemList } from './daemon-problems';

export interface RuntimePathCheck {
  runtime: string;
  path: string;
  /** Offset of the path's value in the text, for the problem's position. */
  offset: number;
}

const RUNTIME_FIELDS = ['path', 'runtimeArgs', 'runtimeType', 'options'];

export function checkRuntimes(
  root: JsonObjectNode,
  options: { platform: DaemonPlatform; commandLineRuntimes?: readonly string[] },
  problems: ProblemList,
): RuntimePathCheck[] {
  const paths: RuntimePathCheck[] = [];
  const registered = new Set<string>([...BUILTIN_RUNTIMES, ...(options.commandLineRuntimes ?? [])]);
  const runtimes = findMember(root, 'runtimes')?.value;
  if (runtimes?.kind === 'object' && options.platform === 'linux') {
    for (const { key: name, keyStart, value } of runtimes.members) {
      const key = `runtimes.${name}`;
      if (BUILTIN_RUNTIMES.includes(name)) {
        problems.error('runtime-reserved', key, keyStart, `The runtime name "${name}" is reserved for the engine's built-in runtime`, { runtime: name });
        continue;
      }
      registered.add(name);
      if (value.kind !== 'object') {
        problems.error('runtime-invalid', key, value.start, `The runtime "${name}" must be an object with a "path" or a "runtimeType"`, { runtime: name });
        continue;
      }
      const field = (f: string) => findMember(value, f)?.value;
      const path = field('path');
      const runtimeType = field('runtimeType');
      const args = field('runtimeArgs');
      const opts = field('options');
      for (const member of value.members.filter((m) => !RUNTIME_FIELDS.includes(m.key)))
        problems.warning('runtime-invalid', `${key}.${member.key}`, member.keyStart, `The runtime "${name}" has a field "${member.key}" that dockerd ignores`, {
          runtime: name,
          field: member.key,
        });
      if (path !== undefined && (path.kind !== 'string' || path.value === ''))
        problems.error('runtime-invalid', `${key}.path`, path.start, `The "path" of runtime "${name}" must be a non-empty string`, { runtime: name });
      if (runtimeType !== undefined && (runtimeType.kind !== 'string' || runtimeType.value === ''))
        problems.error('runtime-invalid', `${key}.runtimeType`, runtimeType.start, `The "runtimeType" of runtime "${name}" must be a non-empty string`, {
          runtime: name,
        });
      if (path === undefined && runtimeType === undefined)
        problems.error('runtime-invalid', key, keyStart, `The runtime "${name}" needs a "path" (or a "runtimeType")`, { runtime: name });
      if (path !== undefined && runtimeType !== undefined)
        problems.error('runtime-invalid', key, keyStart, `The runtime "${name}" may have a "path" or a "runtimeType", not both`, { runtime: name });
      if (args !== undefined && (args.kind !== 'array' || args.items.some((i) => i.kind !== 'string')))
        problems.error('runtime-invalid', `${key}.runtimeArgs`, args.start, `The "runtimeArgs" of runtime "${name}" must be a list of strings`, {
          runtime: name,
        });
      if (args !== undefined && runtimeType !== undefined)
        problems.error('runtime-invalid', `${key}.runtimeArgs`, args.start, `"runtimeArgs" go with a "path", not with a "runtimeType"`, { runtime: name });
      if (opts !== undefined && path !== undefined)
        problems.error('runtime-invalid', `${key}.options`, opts.start, `"options" go with a "runtimeType", not with a "path"`, { runtime: name });
      if (runtimeType?.kind === 'string' && runtimeType.value)
        problems.warning('runtime-invalid', `${key}.runtimeType`, runtimeType.start, `"runtimeType" needs Docker Engine 23 or newer`, {
          runtime: name,
          minimum: '23.0',
        });
      if (path?.kind === 'string' && path.value) paths.push({ runtime: name, path: path.value, offset: path.start });
    }
  }
  const defaultRuntime = findMember(root, 'default-runtime')?.value;
  if (defaultRuntime?.kind === 'string' && options.platform === 'linux' && !registered.has(defaultRuntime.value)) {
    problems.error(
      'default-runtime-unknown',
      'default-runtime',
      defaultRuntime.start,
      `"default-runtime" names "${defaultRuntime.value}", which is neither in "runtimes" nor built in (${BUILTIN_RUNTIMES.join(', ')})`,
      {
        runtime: defaultRuntime.value,
      },
    );
  }
  return paths;
}

/** Parse an exec-opt (`key=value`); null when there is no `=`. */
export function parseExecOpt(option: string): { key: string; value: string } | null {
  const at = option.indexOf('=');
  if (at < 0) return null;
  return { key: option.slice(0, at).trim().toLowerCase(), value: option.slice(at + 1).trim() };
}

export const WINDOWS_ISOLATION_VALUES: readonly string[] = ['process', 'hyperv', 'default'];
const CGROUP_DRIVERS = ['cgroupfs', 'systemd'];

export function checkExecOpts(root: JsonObjectNode, platform: DaemonPlatform, problems: ProblemList): void {
  const list = findMember(root, 'exec-opts')?.value;
  if (list?.kind !== 'array') return;
  for (const item of list.items) {
    if (item.kind !== 'string') continue;
    const option = parseExecOpt(item.value);
    if (!option) {
      problems.error('bad-value', 'exec-opts', item.start, `The exec-opt "${item.value}" must be written key=value`, { value: item.value });
      continue;
    }
    if (platform === 'windows') {
      if (option.key !== 'isolation')
        problems.error('exec-opt-unknown', 'exec-opts', item.start, `A Windows engine accepts only the exec-opt "isolation"; it refuses "${option.key}"`, {
          option: option.key,
        });
      else if (!WINDOWS_ISOLATION_VALUES.includes(option.value.toLowerCase()))
        problems.error('isolation-invalid', 'exec-opts', item.start, `invalid exec-opt value for 'isolation':'${option.value}' (use process or hyperv)`, {
          value: option.value,
        });
    } else if (option.key === 'native.cgroupdriver' && !CGROUP_DRIVERS.includes(option.value)) {
      problems.error('bad-value', 'exec-opts', item.start, `native.cgroupdriver must be cgroupfs or systemd, not "${option.value}"`, { value: option.value });
    } else if (option.key === 'isolation') {
      problems.warning('bad-value', 'exec-opts', item.start, 'A Linux engine ignores the exec-opt "isolation"; it applies to Windows engines only', {
        value: option.value,
      });
    }
  }
}
