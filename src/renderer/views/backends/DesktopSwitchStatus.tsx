// A Docker Desktop switch as it runs (its phase, from `backends.desktop.progress`) and as it ended.
import { useT } from '../../i18n/react';
import { describeError } from '../../format/errors';
import { usePlatform } from '../../stores/backends-react';
import { desktopOutcome, desktopPhaseText } from './words';

export function DesktopSwitchStatus() {
  const t = useT();
  const state = usePlatform((s) => s.desktopSwitch);
  const dismiss = usePlatform((s) => s.dismissDesktopSwitch);
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') {
    return (
      <p className="apply-progress" role="status" aria-live="polite">
        {state.progress ? desktopPhaseText(state.progress, t) : t('backends.desktop.phase.writing')}
      </p>
    );
  }
  const outcome =
    state.phase === 'error'
      ? { tone: 'bad', title: describeError(state.error, t), lines: [], detail: state.error.detail ?? null }
      : desktopOutcome(state.result, t);
  return (
    <div className={`outcome tone-${outcome.tone}`} role={outcome.tone === 'bad' ? 'alert' : 'status'}>
      <p className="outcome-title">{outcome.title}</p>
      {outcome.lines.length > 0 ? (
        <ul>
          {outcome.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      {outcome.detail ? (
        <details>
          <summary>{t('backends.outcome.details')}</summary>
          <pre>{outcome.detail}</pre>
        </details>
      ) : null}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={dismiss}>
          {t('backends.outcome.dismiss')}
        </button>
      </div>
    </div>
  );
}
