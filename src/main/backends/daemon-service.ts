// An engine's daemon.json for the Settings view: read it with its sha256, check a text the way
// the apply will, and run the safe apply (directly, or through elevation), one change at a time.
// Edits of one key (default runtime, Windows isolation) are made on the file as it is on disk,
// which must still be the one the page read.
import { setDefaultRuntime, setWindowsIsolation, validateDaemonJson, diffDaemonJson } from '../../shared/backends';
import { SiloFailure, siloError } from '../../shared/errors';
import type { DaemonApplyResult, DaemonApplyStep, DaemonProblem, DaemonRead, DaemonValidation } from '../../shared/model/backends';
import { applyDaemonJson, type DaemonTarget } from './daemon-apply';
import { applyDaemonJsonElevated } from './daemon-apply-elevated';
import { missingRuntimes, runtimeLookup, sha256 } from './daemon-apply-parts';
import { isPermissionError } from './file-ops';
import type { BackendsContext } from './context';
import { resolveDaemonTarget } from './daemon-target';
import { weakeningsOf } from './backends-weakenings';

export type OnStep = (step: DaemonApplyStep) => void;

/** The file a change starts from (its sha256 as the page read it), and the weakenings the person acknowledged. */
export interface ApplyBase {
  baseSha256: string;
  acknowledged?: readonly string[] | undefined;
}

export class DaemonService {
  /** Changes run one after another, so the second sees the first's file (and its sha256). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: BackendsContext) {}

  async read(engine: string): Promise<DaemonRead> {
    const resolved = await resolveDaemonTarget(this.context, engine);
    if ('locked' in resolved) return { editable: false, engine, reason: resolved.locked };
    const { target } = resolved;
    let bytes: Buffer | null;
    try {
      bytes = await this.context.fs.read(target.configFile);
    } catch (error) {
      if (isPermissionError(error)) return { editable: false, engine, reason: 'unreadable' };
      throw new SiloFailure(siloError('config-unreadable', { params: { file: target.configFile }, detail: (error as Error).message }));
    }
    const text = bytes?.toString('utf8') ?? '';
    return {
      editable: true,
      engine,
      platform: target.platform,
      configFile: target.configFile,
      exists: bytes !== null,
      text,
      sha256: sha256(bytes ?? Buffer.alloc(0)),
      problems: await this.problemsOf(target, text),
      commandLineFlags: [...(target.commandLineFlags ?? [])],
      commandLineRuntimes: [...(target.commandLineRuntimes ?? [])],
      reload: target.reloader.kind,
    };
  }

  async validate(engine: string, text: string): Promise<DaemonValidation> {
    const target = await this.editable(engine);
    const old = (await this.context.fs.read(target.configFile))?.toString('utf8') ?? '';
    const problems = await this.problemsOf(target, text);
    const next = validateDaemonJson(text, { platform: target.platform }).config;
    const before = validateDaemonJson(old, { platform: target.platform }).config;
    const weakenings = next ? await weakeningsOf(target, next, before, { fs: this.context.fs, env: this.context.env }) : [];
    return { problems, changes: diffDaemonJson(old, text), weakenings };
  }

  apply(engine: string, text: string, base: ApplyBase, onStep: OnStep): Promise<DaemonApplyResult> {
    return this.serially(async () => this.applyTo(await this.editable(engine), text, base, onStep));
  }

  applyElevated(engine: string, text: string, base: ApplyBase, onStep: OnStep): Promise<DaemonApplyResult> {
    return this.serially(async () => {
      const target = await this.editable(engine);
      onStep('write');
      return applyDaemonJsonElevated(
        target,
        text,
        { expectedOldSha256: base.baseSha256, acknowledged: base.acknowledged ?? [] },
        { runner: this.context.runner, fs: this.context.fs },
      );
    });
  }

  setDefaultRuntime(engine: string, runtime: string, base: ApplyBase, onStep: OnStep): Promise<DaemonApplyResult> {
    return this.editKey(engine, 'linux', base, onStep, (text) => setDefaultRuntime(text, runtime));
  }

  setWindowsIsolation(engine: string, mode: 'process' | 'hyperv', base: ApplyBase, onStep: OnStep): Promise<DaemonApplyResult> {
    return this.editKey(engine, 'windows', base, onStep, (text) => setWindowsIsolation(text, mode));
  }

  private editKey(engine: string, platform: 'linux' | 'windows', base: ApplyBase, onStep: OnStep, edit: (text: string) => string): Promise<DaemonApplyResult> {
    const { baseSha256 } = base;
    return this.serially(async () => {
      const target = await this.editable(engine);
      if (target.platform !== platform) throw new SiloFailure(siloError('invalid-isolation', { params: { platform: target.platform } }));
      const bytes = await this.context.fs.read(target.configFile);
      if (sha256(bytes ?? Buffer.alloc(0)) !== baseSha256) {
        return { status: 'refused', error: { code: 'config-changed-on-disk', step: 'validate', params: { file: target.configFile } }, problems: [] };
      }
      const text = bytes?.toString('utf8') ?? '';
      let next: string;
      try {
        next = edit(text);
      } catch {
        // The file on disk is not JSON Silo can edit: say what is wrong with it.
        return { status: 'refused', error: { code: 'config-invalid', step: 'validate' }, problems: await this.problemsOf(target, text) };
      }
      return this.applyTo(target, next, base, onStep);
    });
  }

  private applyTo(target: DaemonTarget, text: string, base: ApplyBase, onStep: OnStep): Promise<DaemonApplyResult> {
    return applyDaemonJson(
      target,
      text,
      { expectedOldSha256: base.baseSha256, acknowledged: base.acknowledged ?? [] },
      { fs: this.context.fs, hook: (step) => onStep(step) },
    );
  }

  private async editable(engine: string): Promise<DaemonTarget> {
    const resolved = await resolveDaemonTarget(this.context, engine);
    if ('locked' in resolved) throw new SiloFailure(siloError('config-not-editable', { params: { reason: resolved.locked } }));
    return resolved.target;
  }

  /** The pure rules with dockerd's command line, and each runtime binary looked for on disk. */
  private async problemsOf(target: DaemonTarget, text: string): Promise<DaemonProblem[]> {
    const report = validateDaemonJson(text, {
      platform: target.platform,
      commandLineFlags: target.commandLineFlags ?? [],
      commandLineRuntimes: target.commandLineRuntimes ?? [],
    });
    const exists = runtimeLookup(this.context.fs, this.context.env);
    return [...report.problems, ...(await missingRuntimes(report.runtimePaths, exists))];
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
