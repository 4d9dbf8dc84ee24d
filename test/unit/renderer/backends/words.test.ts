import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/renderer/i18n';
import { en } from '../../../../src/renderer/i18n/catalogs';
import {
  applyOutcome,
  changeText,
  desktopOutcome,
  desktopPhaseText,
  engineErrorText,
  problemText,
  problemWhere,
  showValue,
  stepText,
} from '../../../../src/renderer/views/backends/words';
import type { DaemonApplyResult, DaemonProblem, ProblemCode } from '../../../../src/shared/model/backends';

const t = translator('en');
const es = translator('es');
const CODES: ProblemCode[] = [
  'syntax',
  'not-an-object',
  'duplicate-key',
  'unknown-key',
  'other-platform-key',
  'flag-conflict',
  'wrong-type',
  'bad-value',
  'runtime-invalid',
  'runtime-reserved',
  'runtime-path-missing',
  'default-runtime-unknown',
  'isolation-invalid',
  'exec-opt-unknown',
  'default-runtime-removed',
];

function problem(code: ProblemCode, params: Record<string, string | number> = {}, key: string | null = 'debug'): DaemonProblem {
  return { code, severity: 'error', key, line: 3, column: 5, message: 'THE ENGLISH MESSAGE', params };
}

describe('problems, worded by code', () => {
  it('has a sentence for every problem code, never the English message, and every placeholder filled', () => {
    for (const code of CODES) {
      expect(en, code).toHaveProperty([`backends.problem.${code}`]);
      const text = problemText(problem(code, { runtime: 'kata', path: '/x', value: 'v', option: 'o', expected: 'string', platform: 'linux' }), t);
      expect(text).not.toContain('THE ENGLISH MESSAGE');
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('words the expected type and the place', () => {
    expect(problemText(problem('wrong-type', { expected: 'string-list' }, 'dns'), t)).toBe('"dns" must be a list of strings, like ["a", "b"].');
    expect(problemText(problem('wrong-type', { expected: 'boolean' }, 'debug'), es)).toBe('"debug" debe ser true o false.');
    expect(problemWhere(problem('syntax'), t)).toBe('Line 3, column 5');
    expect(problemWhere({ ...problem('flag-conflict'), line: null, column: null }, t)).toBeNull();
    expect(problemText(problem('runtime-path-missing', { runtime: 'kata', path: '/usr/bin/kata' }), es)).toBe(
      'El runtime "kata" apunta a /usr/bin/kata, que no es un programa de este host.',
    );
  });
});

describe('changes and steps', () => {
  it('reads like the file, cut short', () => {
    expect(changeText({ path: ['default-runtime'], kind: 'changed', before: 'runc', after: 'runsc' }, t)).toBe('default-runtime: "runc" → "runsc"');
    expect(changeText({ path: ['runtimes', 'kata'], kind: 'added', after: { path: '/k' } }, t)).toBe('runtimes.kata added: {"path":"/k"}');
    expect(changeText({ path: ['debug'], kind: 'removed', before: true }, t)).toBe('debug removed (it was true)');
    expect(showValue('x'.repeat(200))).toHaveLength(80);
    expect(stepText('reload-after-restore', t)).toBe('Telling the engine to read the old file');
  });
});

describe('applyOutcome: the result in plain words', () => {
  const error = { code: 'verify-failed' as const, step: 'verify' as const, detail: 'the engine still reports: default runtime is "runc", not "runsc"' };
  const outcome = (result: DaemonApplyResult) => applyOutcome(result, t);

  it('verified, with what needs a restart and where the old file is', () => {
    expect(outcome({ status: 'applied', backupPath: '/etc/docker/daemon.json.silo-backup-1', changes: [], needsRestart: ['debug'], warnings: [] })).toEqual({
      tone: 'ok',
      title: 'Applied and verified: the engine now runs with the new settings.',
      lines: ['These settings take effect only when the engine restarts: debug.', 'The old file is kept at /etc/docker/daemon.json.silo-backup-1.'],
      detail: null,
    });
    expect(outcome({ status: 'unchanged' }).title).toBe('Nothing to change: the file already says this.');
  });

  it('refused: why, and each error with its place', () => {
    const refused = outcome({
      status: 'refused',
      error: { code: 'config-invalid', step: 'validate' },
      problems: [problem('unknown-key', {}, 'default-runtme'), { ...problem('bad-value'), severity: 'warning' }],
    });
    expect(refused.tone).toBe('bad');
    expect(refused.lines).toEqual([
      'The configuration has problems, so nothing was written.',
      'Line 3, column 5: "default-runtme" is not an option the engine knows; it would refuse to start.',
    ]);
    expect(outcome({ status: 'refused', error: { code: 'config-changed-on-disk', params: { file: '/f' } }, problems: [] }).lines).toEqual([
      'The file /f changed since Silo read it. Load it again and redo your change.',
    ]);
  });

  it('needs elevation: says how it will be asked for, never a password kept', () => {
    const needs = outcome({ status: 'needs-elevation', error: { code: 'config-permission-denied' }, configFile: '/etc/docker/daemon.json', method: 'pkexec' });
    expect(needs.tone).toBe('warn');
    expect(needs.lines[0]).toContain('Silo never sees it');
    expect(
      outcome({ status: 'needs-elevation', error: { code: 'config-permission-denied' }, configFile: 'C:\\d.json', method: 'administrator' }).lines[0],
    ).toContain('as an administrator');
  });

  it('rolled back, restored but not reloaded, not restored, failed before the write', () => {
    const failed = (rollback: Extract<DaemonApplyResult, { status: 'failed' }>['rollback']) => outcome({ status: 'failed', error, backupPath: '/b', rollback });
    expect(failed({ restored: true, reloaded: true, error: null })).toMatchObject({
      tone: 'warn',
      title: expect.stringMatching(/^Rolled back/),
      lines: ['Why: The engine answered, but not with the new setting.'],
      detail: error.detail,
    });
    expect(failed({ restored: true, reloaded: false, error: { code: 'engine-not-running' } })).toMatchObject({
      tone: 'bad',
      title: 'The old file is back, but the engine could not be told to read it again.',
      lines: [expect.any(String), 'While rolling back: The engine is not running, so it cannot take the change.'],
    });
    expect(failed({ restored: false, reloaded: false, error: { code: 'restore-failed' } }).title).toBe(
      'The old file could not be put back. Its backup is at /b.',
    );
    expect(failed(null).title).toBe('Nothing was changed.');
  });
});

describe('Docker Desktop and engines', () => {
  it('words a switch as it runs and as it ended', () => {
    expect(desktopPhaseText({ phase: 'waiting', elapsedMs: 41_600 }, t)).toBe('Waiting for the engine (42 s)');
    expect(desktopPhaseText({ phase: 'restarting', elapsedMs: 10, detail: 'manual' }, t)).toBe('Restart Docker Desktop now; Silo waits for its engine.');
    expect(desktopOutcome({ status: 'switched', backupPath: null, restart: 'desktop-cli' }, t)).toMatchObject({ tone: 'ok', lines: [] });
    expect(desktopOutcome({ status: 'refused', error: { code: 'setting-locked' } }, t).lines).toEqual([
      'An administrator has locked this Docker Desktop setting.',
    ]);
    expect(
      desktopOutcome(
        { status: 'failed', error: { code: 'engine-wait-timeout' }, backupPath: '/b', rollback: { restored: true, reloaded: true, error: null } },
        t,
      ).lines,
    ).toEqual(['Why: The engine did not come back in time.', 'The old setting is back.']);
  });

  it('spells out why TLS settings were refused', () => {
    expect(engineErrorText({ code: 'context-tls-invalid', params: { reason: 'key-does-not-match' } }, t)).toBe(
      'The key does not belong to the client certificate.',
    );
    expect(engineErrorText({ code: 'context-tls-invalid', params: { reason: 'something-new' } }, t)).toBe('The TLS settings cannot be used.');
    expect(engineErrorText({ code: 'context-exists', params: { name: 'lab' } }, es)).toBe('Ya existe un motor llamado lab.');
  });
});
