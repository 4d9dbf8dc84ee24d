// The pieces the direct and the elevated apply share: read and validate before anything is
// written (runtime binaries on disk included), wait until GET /info shows the new settings,
// and the words of the result.
import { createHash } from 'node:crypto';
import { delimiter, isAbsolute, join } from 'node:path';
import type { RawInfo } from '../../shared/engine-api';
import { changedKeys, diffDaemonJson } from '../../shared/backends/daemon-diff';
import { compareWithInfo, expectedEngineState, type EngineExpectation } from '../../shared/backends/daemon-expect';
import type { JsonValue } from '../../shared/backends/json-source';
import { RELOADABLE_KEYS } from '../../shared/backends/daemon-keys';
import type { BackendError, DaemonApplyResult, DaemonChange, DaemonProblem, DaemonPlatform } from '../../shared/backends/daemon-model';
import { validateDaemonJson } from '../../shared/backends/daemon-validate';
import type { FileOps } from './file-ops';
import { acknowledgedExactly, weakeningsOf } from './backends-weakenings';
import type { EngineReloader } from './reloader';

/** The engine whose daemon.json is changed, and how to reach it. The lead wires these. */
export interface DaemonTarget {
  platform: DaemonPlatform;
  configFile: string;
  reloader: EngineReloader;
  /** A fresh GET /info of this engine (never a cached one). */
  readInfo(): Promise<RawInfo>;
  /** dockerd's command-line flags and --add-runtime names (see daemon-locator.ts). */
  commandLineFlags?: readonly string[];
  commandLineRuntimes?: readonly string[];
}

export interface PreparedApply {
  old: Buffer | null;
  next: Buffer;
  changes: DaemonChange[];
  warnings: DaemonProblem[];
  expected: EngineExpectation;
  previous: EngineExpectation | null;
  needsRestart: string[];
  /** GET /info before the change (null when the engine did not answer), for the rollback. */
  engineBefore: RawInfo | null;
}

/** A problem for each runtime whose binary is not an executable file on this machine. */
export async function missingRuntimes(
  checks: ReadonlyArray<{ runtime: string; path: string; line: number; column: number }>,
  exists: (path: string) => Promise<boolean>,
): Promise<DaemonProblem[]> {
  const problems: DaemonProblem[] = [];
  for (const check of checks) {
    if (await exists(check.path)) continue;
    problems.push({
      code: 'runtime-path-missing',
      severity: 'error',
      key: `runtimes.${check.runtime}.path`,
      line: check.line,
      column: check.column,
      message: `The runtime "${check.runtime}" points at ${check.path}, which is not an executable file on this machine`,
      params: { runtime: check.runtime, path: check.path },
    });
  }
  return problems;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ApplyAcknowledgement {
  expectedOldSha256?: string | null;
  /** The ids of the weakenings the person acknowledged: exactly those the new file brings, or it is refused. */
  acknowledged?: readonly string[];
}

/** Validate the new text against the file on disk now; refused or unchanged results end here. */
export async function prepareApply(
  target: DaemonTarget,
  text: string,
  options: ApplyAcknowledgement,
  deps: { fs: FileOps; runtimeExists: (path: string) => Promise<boolean>; env?: NodeJS.ProcessEnv },
): Promise<PreparedApply | Extract<DaemonApplyResult, { status: 'refused' | 'unchanged' }>> {
  const old = await deps.fs.read(target.configFile);
  if (options.expectedOldSha256 != null && sha256(old ?? Buffer.alloc(0)) !== options.expectedOldSha256) {
    return { status: 'refused', error: { code: 'config-changed-on-disk', step: 'validate', params: { file: target.configFile } }, problems: [] };
  }
  const report = validateDaemonJson(text, {
    platform: target.platform,
    commandLineFlags: target.commandLineFlags ?? [],
    commandLineRuntimes: target.commandLineRuntimes ?? [],
  });
  const problems = [...report.problems, ...(await missingRuntimes(report.runtimePaths, deps.runtimeExists))];
  if (!report.ok || problems.some((p) => p.severity === 'error') || report.config === null) {
    return {
      status: 'refused',
      error: { code: 'config-invalid', step: 'validate', params: { count: problems.filter((p) => p.severity === 'error').length } },
      problems,
    };
  }
  const next = Buffer.from(text, 'utf8');
  if (old !== null && old.equals(next)) return { status: 'unchanged' };
  const oldText = old?.toString('utf8') ?? '';
  const oldConfig = validateDaemonJson(oldText, { platform: target.platform }).config;
  const weakenings = await weakeningsOf(target, report.config, oldConfig, deps);
  if (!acknowledgedExactly(weakenings, options.acknowledged ?? [])) {
    return {
      status: 'refused',
      error: { code: 'weakening-not-acknowledged', step: 'validate', params: { count: weakenings.length } },
      problems: [],
      weakenings,
    };
  }
  const changes = diffDaemonJson(oldText, text) ?? [];
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (oldConfig && typeof oldConfig['default-runtime'] === 'string' && !('default-runtime' in report.config)) {
    warnings.push({
      code: 'default-runtime-removed',
      severity: 'warning',
      key: 'default-runtime',
      line: null,
      column: null,
      message: `Without "default-runtime" the engine keeps "${oldConfig['default-runtime']}" until it restarts; write "runc" to switch back now`,
      params: { runtime: oldConfig['default-runtime'] },
    });
  }
  return {
    old,
    next,
    changes,
    warnings,
    expected: expectedEngineState(report.config, oldConfig, target.platform),
    previous: oldConfig ? expectedEngineState(oldConfig, null, target.platform) : null,
    needsRestart: target.reloader.kind === 'service' ? [] : changedKeys(changes).filter((key) => !RELOADABLE_KEYS.includes(key)),
    engineBefore: await readInfoWithin(target.readInfo, 3_000),
  };
}

/** GET /info, or null when it fails or takes longer than `ms`. */
export async function readInfoWithin(readInfo: () => Promise<RawInfo>, ms: number): Promise<RawInfo | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([readInfo().catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface VerifyOptions {
  deadlineMs: number;
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** Read GET /info until it shows what is expected, or the deadline passes. */
export async function waitForEngineState(readInfo: () => Promise<RawInfo>, expected: EngineExpectation, options: VerifyOptions): Promise<BackendError | null> {
  const deadline = options.now() + options.deadlineMs;
  let last: BackendError = { code: 'verify-timeout', step: 'verify', detail: 'the engine did not answer' };
  for (;;) {
    try {
      const mismatches = compareWithInfo(expected, await readInfo());
      if (mismatches.length === 0) return null;
      last = { code: 'verify-failed', step: 'verify', detail: `the engine still reports: ${mismatches.join('; ')}` };
    } catch (error) {
      last = { code: 'verify-timeout', step: 'verify', detail: `the engine did not answer: ${(error as Error).message}` };
    }
    if (options.now() >= deadline) return last;
    await options.sleep(options.pollMs);
  }
}

/** Whether a runtime binary is there: an absolute path is checked, a bare name looked up in PATH. */
export function runtimeLookup(fs: FileOps, env: NodeJS.ProcessEnv = process.env): (path: string) => Promise<boolean> {
  return async (path) => {
    if (isAbsolute(path)) return fs.isExecutable(path);
    if (path.includes('/')) return false;
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) if (await fs.isExecutable(join(dir, path))) return true;
    return false;
  };
}

export type JsonConfig = Record<string, JsonValue>;
