// The advice for one container: what stops the move, what to know, the gVisor limits, the
// writable layer question, what the new container keeps, and the steps (with their progress).
import { useId } from 'react';
import type { SiloError } from '../../../shared/errors';
import type { MoveAdvice, MoveProgress, WritableLayerDecision } from '../../../shared/model/move';
import type { Translate } from '../../i18n';
import { describeError } from '../../format/errors';
import {
  describeIssue,
  describeKeeps,
  describeLayerChange,
  describeLimit,
  describeNotes,
  describePlanStep,
  describeProgressStep,
  progressOf,
  severityName,
  splitAdvice,
} from './words';
import { needsAcknowledgement, needsLayerChoice } from './selection';

const STATUS_MARK: Record<string, string> = { waiting: '○', running: '◔', done: '✓', failed: '✕' };

export function AdviceView({
  advice,
  error,
  loading,
  choice,
  onChoose,
  targetLabel,
  events,
  running,
  acknowledged = false,
  onAcknowledge = () => undefined,
  onKillNow,
  t,
}: {
  advice: MoveAdvice | null;
  error: SiloError | null;
  loading: boolean;
  choice: WritableLayerDecision | undefined;
  onChoose: (choice: WritableLayerDecision) => void;
  targetLabel: string;
  /** Progress events of this dialog's move (all containers). */
  events: readonly MoveProgress[];
  /** The move has started: the choices are fixed, the steps show their progress. */
  running: boolean;
  /** The person ticked that what will not work as before is known. */
  acknowledged?: boolean;
  onAcknowledge?: (acknowledged: boolean) => void;
  /** Kill the old container now instead of waiting out its stop's grace period. */
  onKillNow?: () => void;
  t: Translate;
}) {
  const layerId = useId();
  if (error) {
    return (
      <p className="note warn" role="alert">
        {t('move.adviceFailed', { reason: describeError(error, t) })}
      </p>
    );
  }
  if (!advice) return <p className="muted">{loading ? t('move.adviceLoading') : null}</p>;

  const { blockers, warnings, limits } = splitAdvice(advice);
  const layer = advice.writableLayer;
  const progress = progressOf(events, advice.containerId, advice.steps.length);

  return (
    <div className={loading ? 'advice refreshing' : 'advice'} aria-busy={loading}>
      {(
        [
          ['blockers', 'blockers', blockers, t('move.blockers')],
          ['warnings', 'warnings-block', warnings, t('move.warnings')],
        ] as const
      ).map(([id, className, issues, heading]) =>
        issues.length > 0 ? (
          <section key={id} className={`advice-block ${className}`} aria-labelledby={`${layerId}-${id}`}>
            <h3 id={`${layerId}-${id}`}>{heading}</h3>
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>{describeIssue(issue, t, advice.windows, advice.after.mode)}</li>
              ))}
            </ul>
          </section>
        ) : null,
      )}

      {limits.length > 0 ? (
        <section className="advice-block limits" aria-labelledby={`${layerId}-limits`}>
          <h3 id={`${layerId}-limits`}>{t('move.limits', { target: targetLabel })}</h3>
          <ul>
            {limits.map((limit) => (
              <li key={limit.code} className={`limit severity-${limit.severity}`}>
                <span className={`tag severity-tag severity-${limit.severity}`}>{severityName(limit.severity, t)}</span>
                <span>{describeLimit(limit, t)}</span>
              </li>
            ))}
          </ul>
          {needsAcknowledgement(advice) ? (
            <label className="check acknowledge">
              <input type="checkbox" checked={acknowledged} disabled={running} onChange={(e) => onAcknowledge(e.currentTarget.checked)} />
              <span>{t('move.acknowledge', { count: advice.mustAcknowledge.length, target: targetLabel })}</span>
            </label>
          ) : null}
        </section>
      ) : null}

      {needsLayerChoice(advice) ? (
        <fieldset className="advice-block layer-choice" disabled={running}>
          <legend>{layer.count > 0 ? t('move.layer.title', { count: layer.count }) : t('move.layer.titleUnknown')}</legend>
          <p>{t('move.layer.explain')}</p>
          {layer.sample.length > 0 ? (
            <ul className="layer-changes" aria-label={t('move.layer.listLabel')}>
              {layer.sample.map((change) => (
                <li key={`${change.kind}:${change.path}`}>
                  <code>{describeLayerChange(change, t)}</code>
                </li>
              ))}
              {layer.count > layer.sample.length ? <li className="muted">{t('move.layer.andMore', { count: layer.count - layer.sample.length })}</li> : null}
            </ul>
          ) : null}
          {layer.count === 0 ? (
            <p className="note">{t('move.layer.unreadable')}</p>
          ) : layer.mayBeIncomplete ? (
            <p className="note">{t('move.layer.incomplete')}</p>
          ) : null}
          <div className="layer-options" role="radiogroup" aria-label={t('move.layer.question')} aria-required="true">
            <label className="check">
              <input type="radio" name={`${layerId}-layer`} value="keep" checked={choice === 'keep'} onChange={() => onChoose('keep')} />
              <span>{t('move.layer.keep')}</span>
            </label>
            <label className="check">
              <input type="radio" name={`${layerId}-layer`} value="discard" checked={choice === 'discard'} onChange={() => onChoose('discard')} />
              <span>{t('move.layer.discard')}</span>
            </label>
          </div>
          {choice === undefined ? <p className="note warn">{t('move.layer.choose')}</p> : null}
        </fieldset>
      ) : null}

      <details className="advice-block keeps">
        <summary>{t('move.keeps')}</summary>
        <dl className="keeps-list">
          {describeKeeps(advice.keeps, t).map((row) => (
            <div key={row.term}>
              <dt>{row.term}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
        {advice.keeps.notes.length > 0 ? (
          <ul className="notes">
            {describeNotes(advice.keeps, t).map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </details>

      <section className="advice-block steps" aria-labelledby={`${layerId}-steps`}>
        <h3 id={`${layerId}-steps`}>{t('move.steps')}</h3>
        <ol className="plan-steps">
          {advice.steps.map((step, i) => {
            const state = progress.steps[i] ?? { status: 'waiting', error: null };
            return (
              <li key={i} className={`plan-step status-${state.status}`}>
                <span className="step-mark" aria-hidden="true">
                  {STATUS_MARK[state.status]}
                </span>
                <span>{describePlanStep(step, t, targetLabel)}</span>
                {step.kind === 'stop' && state.status === 'running' ? (
                  <span className="step-wait">
                    <span>{t('move.stopWaiting', { seconds: advice.graceSeconds })}</span>
                    {onKillNow ? (
                      <button type="button" className="button danger" onClick={onKillNow}>
                        {t('move.killNow')}
                      </button>
                    ) : null}
                  </span>
                ) : null}
                {running || state.status !== 'waiting' ? <span className="visually-hidden">{t(`move.status.${state.status}`)}</span> : null}
                {state.error ? <span className="step-error">{describeError(state.error, t)}</span> : null}
              </li>
            );
          })}
        </ol>
        {progress.undo.length > 0 ? (
          <>
            <h3>{t('move.undoing')}</h3>
            <ol className="plan-steps undo">
              {progress.undo.map((e) => (
                <li key={`${e.phase}:${e.index}`} className={`plan-step status-${e.status}`}>
                  <span className="step-mark" aria-hidden="true">
                    {STATUS_MARK[e.status]}
                  </span>
                  <span>{describeProgressStep(e, t)}</span>
                  <span className="visually-hidden">{t(`move.status.${e.status}`)}</span>
                  {e.error ? <span className="step-error">{describeError(e.error, t)}</span> : null}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </div>
  );
}
