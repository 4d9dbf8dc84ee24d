// A daemon.json apply as it runs (its steps) and as it ended, in plain words: verified, nothing to
// change, refused, needs administrator rights (with the button that asks for them), rolled back.
import { describeError } from '../../format/errors';
import { OutcomeNote } from '../../components/OutcomeNote';
import { useT } from '../../i18n/react';
import type { ApplyKind } from '../../stores/backends-daemon';
import { useDaemon } from '../../stores/backends-react';
import { applyOutcome, changeText, stepText } from './words';

export function ApplyOutcome({ kinds }: { kinds: readonly ApplyKind[] }) {
  const t = useT();
  const apply = useDaemon((s) => s.apply);
  const applyElevated = useDaemon((s) => s.applyElevated);
  const dismiss = useDaemon((s) => s.dismissOutcome);
  if (apply.phase === 'idle' || !kinds.includes(apply.kind)) return null;

  if (apply.phase === 'running') {
    return (
      <div className="apply-progress" role="status" aria-live="polite">
        <p className="outcome-title">{t('backends.step.title')}</p>
        <ol>
          {apply.steps.map((step, i) => (
            <li key={i}>{stepText(step, t)}</li>
          ))}
        </ol>
      </div>
    );
  }
  if (apply.phase === 'error') {
    return <OutcomeNote outcome={{ tone: 'bad', title: describeError(apply.error, t) }} onDismiss={dismiss} />;
  }

  const { result } = apply;
  const outcome = applyOutcome(result, t);
  const elevate = result.status === 'needs-elevation' && result.method === 'pkexec' && apply.retry !== null;
  return (
    <OutcomeNote
      outcome={outcome}
      onDismiss={dismiss}
      actions={
        elevate ? (
          <button type="button" className="button primary" onClick={() => void applyElevated()}>
            {t('backends.outcome.elevate')}
          </button>
        ) : null
      }
    >
      {result.status === 'applied' && result.changes.length > 0 ? (
        <ul className="changes">
          {result.changes.map((change, i) => (
            <li key={i} className={`change change-${change.kind}`}>
              {changeText(change, t)}
            </li>
          ))}
        </ul>
      ) : null}
    </OutcomeNote>
  );
}
