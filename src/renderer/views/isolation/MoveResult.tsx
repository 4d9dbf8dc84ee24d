// How a move ended, in plain words: each container moved; or what failed, and whether the
// original is back (the rollback worked) or not yet.
import type { SiloError } from '../../../shared/errors';
import type { MoveReport } from '../../../shared/model/move';
import type { Translate } from '../../i18n';
import { describeError } from '../../format/errors';
import { describeMoveOutcome } from './words';

/** Refusals that come before the first step: nothing was touched. */
const REFUSED_BEFORE_ANY_STEP = new Set([
  'writable-layer-choice-required',
  'move-not-acknowledged',
  'recreate-blocked',
  'operation-in-progress',
  'container-not-found',
  'validation',
  'unknown-runtime',
  'invalid-isolation',
  'no-engine',
  'compose-project-not-found',
]);

export function MoveResult({
  report,
  error,
  labelOf,
  rungOf,
  t,
}: {
  report: MoveReport | null;
  error: SiloError | null;
  labelOf: (mode: string) => string;
  rungOf: (mode: string) => string;
  t: Translate;
}) {
  if (error) {
    return (
      <div className="move-result tone-bad" role="alert">
        <h3>{t('move.result.refused')}</h3>
        <p>{describeError(error, t)}</p>
        {error.detail ? <p className="detail">{t('outcome.engineSaid', { detail: error.detail })}</p> : null}
        <p className="note">{t(REFUSED_BEFORE_ANY_STEP.has(error.code) ? 'move.result.nothingChanged' : 'move.result.unknownEnd')}</p>
      </div>
    );
  }
  if (!report) return null;
  const after = { label: labelOf(report.target), rung: rungOf(report.target) };
  return (
    <div className={report.ok ? 'move-result tone-ok' : 'move-result tone-bad'} role={report.ok ? 'status' : 'alert'}>
      <h3>{t(report.ok ? 'move.result.done' : 'move.result.failed')}</h3>
      {report.groups.map((group, i) => (
        <div key={group.project ?? `group-${i}`} className="move-group">
          {group.project !== null && !group.ok ? <p>{t('move.result.projectUndone', { project: group.project })}</p> : null}
          <ul>
            {group.containers.map((c) => {
              const words = describeMoveOutcome(c, after, t);
              return (
                <li key={c.id} className={`outcome tone-${words.tone}`}>
                  {words.lines.map((line, j) => (
                    <p key={j}>{line}</p>
                  ))}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
