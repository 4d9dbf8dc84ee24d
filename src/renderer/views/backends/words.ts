// The Settings view's sentences, as pure functions of the data and a translator: problems of a
// daemon.json by their code (never the English message), changes, steps, outcomes.
import type { DaemonApplyResult, DaemonApplyStep, DaemonChange, DaemonProblem, DesktopSwitchResult, SwitchProgress } from '../../../shared/model/backends';
import type { SiloError } from '../../../shared/errors';
import { describeError } from '../../format/errors';
import type { MessageKey, Translate } from '../../i18n';
import { weakeningText } from './weakenings-words';

const TYPES = ['string', 'boolean', 'integer', 'string-list', 'string-map', 'boolean-map', 'object', 'runtimes', 'address-pools', 'any'];
const MAX_VALUE = 80;

export function problemText(problem: DaemonProblem, t: Translate): string {
  const params: Record<string, string | number> = { key: problem.key ?? '', ...problem.params };
  if (problem.code === 'wrong-type') {
    const expected = String(problem.params.expected ?? 'any');
    params.expected = t(`backends.type.${TYPES.includes(expected) ? expected : 'any'}` as MessageKey);
  }
  return t(`backends.problem.${problem.code}`, params);
}

export function problemWhere(problem: DaemonProblem, t: Translate): string | null {
  return problem.line === null ? null : t('backends.problem.at', { line: problem.line, column: problem.column ?? 1 });
}

/** A JSON value as it reads in the file, cut short. */
export function showValue(value: unknown): string {
  const text = value === undefined ? '' : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function changeText(change: DaemonChange, t: Translate): string {
  return t(`backends.change.${change.kind}`, { key: change.path.join('.'), before: showValue(change.before), after: showValue(change.after) });
}

export function stepText(step: DaemonApplyStep, t: Translate): string {
  return t(`backends.step.${step}`);
}

export type Tone = 'ok' | 'warn' | 'bad';

export interface Outcome {
  tone: Tone;
  title: string;
  lines: string[];
  /** The system's own words, for a disclosure. */
  detail: string | null;
}

/** An apply's result in plain words: verified, unchanged, refused, needs elevation, rolled back. */
export function applyOutcome(result: DaemonApplyResult, t: Translate): Outcome {
  switch (result.status) {
    case 'applied': {
      const lines = [
        ...(result.needsRestart.length > 0 ? [t('backends.outcome.needsRestart', { keys: result.needsRestart.join(', ') })] : []),
        ...result.warnings.map((w) => problemText(w, t)),
        ...(result.backupPath ? [t('backends.outcome.backup', { path: result.backupPath })] : []),
      ];
      return { tone: 'ok', title: t('backends.outcome.verified'), lines, detail: null };
    }
    case 'unchanged':
      return { tone: 'ok', title: t('backends.outcome.unchanged'), lines: [], detail: null };
    case 'refused':
      return {
        tone: 'bad',
        title: t('backends.outcome.refused'),
        lines: [
          describeError(result.error, t),
          ...result.problems.filter((p) => p.severity === 'error').map((p) => withWhere(p, t)),
          ...(result.weakenings ?? []).map((w) => weakeningText(w, t)),
        ],
        detail: result.error.detail ?? null,
      };
    case 'needs-elevation':
      return {
        tone: 'warn',
        title: t('backends.outcome.needsElevation'),
        lines: [t(result.method === 'pkexec' ? 'backends.outcome.elevationExplain' : 'backends.outcome.elevationExplainWindows', { file: result.configFile })],
        detail: result.error.detail ?? null,
      };
    case 'failed':
      return failedOutcome(result, t);
  }
}

function failedOutcome(result: Extract<DaemonApplyResult, { status: 'failed' }>, t: Translate): Outcome {
  const because = t('backends.outcome.because', { reason: describeError(result.error, t) });
  const rollback = result.rollback;
  const details = [result.error.detail, rollback?.error?.detail].filter(Boolean).join('\n');
  if (!rollback) return { tone: 'bad', title: t('backends.outcome.failedBeforeWrite'), lines: [because], detail: details || null };
  const lines = [because, ...(rollback.error ? [t('backends.outcome.rollbackProblem', { reason: describeError(rollback.error, t) })] : [])];
  if (!rollback.restored) return { tone: 'bad', title: t('backends.outcome.notRestored', { path: result.backupPath ?? '' }), lines, detail: details || null };
  if (!rollback.reloaded) return { tone: 'bad', title: t('backends.outcome.restoredNotReloaded'), lines, detail: details || null };
  return { tone: rollback.error ? 'bad' : 'warn', title: t('backends.outcome.rolledBack'), lines, detail: details || null };
}

function withWhere(problem: DaemonProblem, t: Translate): string {
  const where = problemWhere(problem, t);
  return where ? `${where}: ${problemText(problem, t)}` : problemText(problem, t);
}

export function desktopPhaseText(progress: SwitchProgress, t: Translate): string {
  if (progress.detail === 'manual') return t('backends.desktop.phase.manual');
  return t(`backends.desktop.phase.${progress.phase}`, { seconds: Math.round(progress.elapsedMs / 1000) });
}

export function desktopOutcome(result: DesktopSwitchResult, t: Translate): Outcome {
  switch (result.status) {
    case 'switched':
      return {
        tone: 'ok',
        title: t('backends.desktop.result.switched'),
        lines: result.backupPath ? [t('backends.outcome.backup', { path: result.backupPath })] : [],
        detail: null,
      };
    case 'unchanged':
      return { tone: 'ok', title: t('backends.desktop.result.unchanged'), lines: [], detail: null };
    case 'refused':
      return { tone: 'bad', title: t('backends.desktop.result.refused'), lines: [describeError(result.error, t)], detail: result.error.detail ?? null };
    case 'failed': {
      const lines = [t('backends.outcome.because', { reason: describeError(result.error, t) })];
      if (result.rollback?.restored) lines.push(t('backends.desktop.result.rolledBack'));
      return { tone: 'bad', title: t('backends.desktop.result.failed'), lines, detail: result.error.detail ?? null };
    }
  }
}

/** An error from a call, in words, with the reason for a TLS refusal spelt out. */
export function engineErrorText(error: SiloError, t: Translate): string {
  const reason = error.params?.reason;
  if (error.code === 'context-tls-invalid' && typeof reason === 'string' && TLS_REASONS.includes(reason))
    return t(`backends.remote.tls.${reason}` as MessageKey);
  return describeError(error, t);
}

const TLS_REASONS = ['plain-tcp', 'ssh-has-no-tls', 'cert-without-key', 'key-does-not-match', 'not-pem', 'no-ca'];
